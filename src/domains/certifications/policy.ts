import { type Actor, hasPermission } from "../../kernel/context.ts";
import { forbidden } from "../../kernel/errors.ts";

export type CertificationAction =
  | "certification.template.manage"
  | "certification.campaign.launch"
  | "certification.campaign.close"
  | "certification.report"
  | "certification.audit_committee"
  | "certification.read_any";

const REQUIRED: Record<CertificationAction, string> = {
  "certification.template.manage": "certification.manage",
  "certification.campaign.launch": "certification.manage",
  "certification.campaign.close": "certification.manage",
  "certification.report": "certification.report",
  "certification.audit_committee": "certification.audit_committee",
  "certification.read_any": "certification.report",
};

export function can(actor: Actor, action: CertificationAction): boolean {
  return hasPermission(actor, REQUIRED[action]);
}

/** A signer reads and signs their own certificates; reviewers read any (SOC-7: the Audit Committee reads the senior officers'). */
export function canReadCertificate(
  actor: Actor,
  cert: { personId: string; addressedTo: string | null },
): boolean {
  if (actor.kind === "user" && actor.personId === cert.personId) return true;
  if (can(actor, "certification.read_any")) return true;
  return cert.addressedTo !== null && can(actor, "certification.audit_committee");
}

export function authorize(actor: Actor, action: CertificationAction): void {
  if (!can(actor, action)) throw forbidden(`You may not do this (${action}).`);
}

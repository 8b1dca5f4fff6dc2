import { type Actor, hasPermission } from "../../kernel/context.ts";
import { forbidden } from "../../kernel/errors.ts";
import type { ApprovalAuthority } from "./tables.ts";

export type PolicyAction =
  | "policy.read"
  | "policy.read_drafts"
  | "policy.create"
  | "policy.edit"
  | "policy.publish"
  | "waiver.read"
  | "waiver.request"
  | "waiver.decide"
  | "waiver.disclose";

const REQUIRED: Record<Exclude<PolicyAction, "policy.read">, string> = {
  "policy.read_drafts": "policy.manage",
  "policy.create": "policy.manage",
  "policy.edit": "policy.manage",
  "policy.publish": "policy.manage",
  "waiver.read": "waiver.read",
  "waiver.request": "waiver.request",
  // A waiver for an executive officer or director: the Board or a Board committee only.
  "waiver.decide": "board.decide",
  "waiver.disclose": "waiver.request",
};

/** Who may do what with policies. Everyone signed in reads published versions. */
export function can(actor: Actor, action: PolicyAction): boolean {
  if (action === "policy.read") return actor.kind !== "anonymous";
  return hasPermission(actor, REQUIRED[action]);
}

/**
 * Approving a version: the Legal Department administers the Code (COC-0.2); a Board-owned code
 * such as the Senior Officers Code is changed only with the Board's approval (SOC-8).
 */
export function canApprove(actor: Actor, authority: ApprovalAuthority): boolean {
  if (authority === "board") return hasPermission(actor, "board.decide");
  return hasPermission(actor, "policy.approve");
}

export function authorize(actor: Actor, action: PolicyAction): void {
  if (!can(actor, action))
    throw forbidden(`You may not ${action.replace(".", " ").replace("_", " ")} (${action}).`);
}

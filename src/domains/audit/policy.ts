import { type Actor, hasPermission } from "../../kernel/context.ts";
import { forbidden } from "../../kernel/errors.ts";

/** The audit log is read by admins, auditors, compliance and Legal; nobody writes it but use cases. */
export function authorizeAuditRead(actor: Actor): void {
  if (!hasPermission(actor, "audit.read")) throw forbidden("You may not read the audit log (audit.read).");
}

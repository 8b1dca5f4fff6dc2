import { type Actor, hasPermission } from "../../kernel/context.ts";
import { forbidden } from "../../kernel/errors.ts";

export type ScreeningAction =
  | "screening.read"
  | "screening.screen"
  | "list.import"
  | "counterparty.create"
  | "counterparty.update"
  | "hit.decide"
  | "transaction.create"
  | "transaction.approve"
  | "export.manage";

const REQUIRED: Record<ScreeningAction, string> = {
  "screening.read": "screening.read",
  "screening.screen": "screening.read",
  "list.import": "screening.lists",
  "counterparty.create": "counterparty.manage",
  "counterparty.update": "counterparty.manage",
  "hit.decide": "screening.decide",
  "transaction.create": "transaction.manage",
  "transaction.approve": "transaction.approve",
  "export.manage": "export.manage",
};

export const can = (actor: Actor, action: ScreeningAction) => hasPermission(actor, REQUIRED[action]);

export function authorize(actor: Actor, action: ScreeningAction): void {
  if (!can(actor, action)) throw forbidden(`You may not ${action.replace(".", " ")} (${action}).`);
}

/** What the current user may do, sent with each object so the browser never re-implements the rules. */
export const screeningAbilities = (actor: Actor) => ({
  canImport: can(actor, "list.import"),
  canManageCounterparties: can(actor, "counterparty.create"),
  canDecide: can(actor, "hit.decide"),
  canCreateTransaction: can(actor, "transaction.create"),
  canApprove: can(actor, "transaction.approve"),
  canManageExport: can(actor, "export.manage"),
});

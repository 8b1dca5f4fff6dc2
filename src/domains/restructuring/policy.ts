import { type Actor, hasPermission } from "../../kernel/context.ts";
import { forbidden } from "../../kernel/errors.ts";

export type RestructuringAction =
  | "offering.read"
  | "offering.manage"
  | "register.read"
  | "register.import"
  | "election.record"
  | "payment.record"
  | "progress.request"
  | "allocation.run"
  | "allocation.read"
  | "notice.read"
  | "vote.propose"
  | "vote.cast"
  | "condition.update"
  | "termination.record"
  | "investor.withdraw";

const MANAGE = ["restructuring.manage"];
const READERS = [
  "restructuring.read",
  "restructuring.manage",
  "restructuring.elect",
  "restructuring.investor",
];
const REQUIRED: Record<RestructuringAction, string[]> = {
  // Investors are parties to the agreement: they see the offering, its conditions and votes.
  "offering.read": READERS,
  "offering.manage": MANAGE,
  "register.read": ["restructuring.read", "restructuring.manage", "restructuring.elect"],
  "register.import": MANAGE,
  "election.record": ["restructuring.elect"],
  // The subscription agent receives the holders' payments and sends their refunds.
  "payment.record": ["restructuring.elect"],
  "progress.request": MANAGE,
  "allocation.run": MANAGE,
  "allocation.read": ["restructuring.read", "restructuring.manage"],
  // An investor reads its own notices only (checked in the use case).
  "notice.read": READERS,
  "vote.propose": MANAGE,
  "vote.cast": ["restructuring.investor"],
  "condition.update": MANAGE,
  "termination.record": MANAGE,
  "investor.withdraw": MANAGE,
};

export function can(actor: Actor, action: RestructuringAction): boolean {
  return REQUIRED[action].some((p) => hasPermission(actor, p));
}

export function authorize(actor: Actor, action: RestructuringAction): void {
  if (!can(actor, action)) throw forbidden(`You may not ${action.replace(".", " ")} (${action}).`);
}

/** True for staff who see every investor's figures (not an investor limited to its own). */
export const seesAll = (actor: Actor) =>
  hasPermission(actor, "restructuring.manage") ||
  hasPermission(actor, "restructuring.read") ||
  hasPermission(actor, "restructuring.elect");

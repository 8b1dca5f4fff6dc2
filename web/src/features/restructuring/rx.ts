// The restructuring screens' vocabulary: the server's own views (generated from its response
// schemas, issue 13) under short names, the reads a write refreshes, and the money/percent format.
import type { Args, OpId, Schema } from "../../api/client.ts";
import { readsOfTag } from "../../api/client.ts";

export type Offering = Schema<"OfferingView">;
export type Investor = Schema<"OfferingInvestorView">;
export type Holder = Schema<"OfferingHolderView">;
export type Condition = Schema<"ConditionPrecedentView">;
export type TerminationEvent = Schema<"OfferingTerminationEventView">;
export type HolderAllocation = Schema<"HolderAllocationView">;
export type BodyOf<K extends OpId> = NonNullable<Args<K>["body"]>;

/** Every read of an offering: a write refreshes them all (an election moves the summary, the allocation, the portal …). */
export const RX_READS: OpId[] = readsOfTag("restructuring");

/** Badge colours of vote, condition and deadline statuses. */
export const STATUS_COLOR: Record<string, string> = {
  open: "blue",
  passed: "green",
  refused: "red",
  pending: "gray",
  satisfied: "green",
  failed: "red",
  waived: "violet",
  upcoming: "blue",
  passed_date: "gray",
  waiting: "gray",
};

/** A fraction as a percentage: "0.6650" → "66.50%". */
export const pct = (fraction: string, digits = 2) => `${(Number(fraction) * 100).toFixed(digits)}%`;
/** A decimal amount as dollars, without rounding: "1234567.50" → "$1,234,567.50". */
export const usd = (amount: string) => {
  const [whole = "0", fraction = "00"] = amount.split(".");
  return `$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${fraction}`;
};

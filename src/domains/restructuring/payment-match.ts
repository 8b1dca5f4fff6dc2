import { Decimal } from "decimal.js";
import { centsText } from "./allocate-offering.ts";

/**
 * How a holder's payments stand against what it owes (ECA-3(a): exercised rights are paid for at
 * the unit price). Before the allocation a holder owes its exercised units; after it, its final
 * units (a holder cut back under ECA-2(b) owes less and is refunded the difference). Pure, in cents.
 */
export type PaymentStatus = "not due" | "unpaid" | "partial" | "paid" | "overpaid";

export type PaymentMatch = {
  /** What the holder owes: units owed × price. */
  expectedCents: bigint;
  /** Payments received less refunds sent. */
  paidCents: bigint;
  /** Still to pay (0 when paid or overpaid). */
  owedCents: bigint;
  /** To refund: paid beyond what is owed, a cut-back amount included (0 when not overpaid). */
  refundCents: bigint;
  /** Exercised units that are paid for: the allocation counts only these. */
  paidUnits: number;
  status: PaymentStatus;
};

export function matchPayment(input: {
  exercised: number;
  /** The units allotted by the current allocation, when there is one. */
  finalUnits: number | null;
  priceCents: bigint;
  paidCents: bigint;
}): PaymentMatch {
  const units = input.finalUnits ?? input.exercised;
  const expectedCents = BigInt(units) * input.priceCents;
  const paidCents = input.paidCents;
  const owedCents = expectedCents > paidCents ? expectedCents - paidCents : 0n;
  const refundCents = paidCents > expectedCents ? paidCents - expectedCents : 0n;
  const covered =
    input.priceCents === 0n || paidCents <= 0n
      ? input.priceCents === 0n
        ? input.exercised
        : 0
      : new Decimal(paidCents.toString()).dividedToIntegerBy(input.priceCents.toString()).toNumber();
  const paidUnits = Math.min(input.exercised, covered);
  const status: PaymentStatus =
    expectedCents === 0n
      ? paidCents > 0n
        ? "overpaid"
        : "not due"
      : paidCents === 0n
        ? "unpaid"
        : paidCents < expectedCents
          ? "partial"
          : paidCents === expectedCents
            ? "paid"
            : "overpaid";
  return { expectedCents, paidCents, owedCents, refundCents, paidUnits, status };
}

/** Money in an audit payload: dollars as a decimal string with its unit, never bare cents. */
export const auditMoney = (cents: bigint) => ({ amount: centsText(cents), unit: "USD" as const });

import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchPayment } from "./payment-match.ts";

const PRICE = 100_000n; // $1,000.00 a unit

describe("payments matched against the amount owed (ECA-3(a), ECA-2(b))", () => {
  it("shows a holder cut back from $8,116,000 to $7,491,000 a refund of $625,000 (ECA-2(b))", () => {
    const m = matchPayment({ exercised: 8116, finalUnits: 7491, priceCents: PRICE, paidCents: 811_600_000n });
    expect(m).toMatchObject({ expectedCents: 749_100_000n, refundCents: 62_500_000n, owedCents: 0n });
    expect(m.status).toBe("overpaid");
  });

  it("tells partial, exact and over-payments apart, and counts only paid units (ECA-3(a))", () => {
    const at = (paidCents: bigint) =>
      matchPayment({ exercised: 10, finalUnits: null, priceCents: PRICE, paidCents });
    expect(at(0n)).toMatchObject({ status: "unpaid", paidUnits: 0, owedCents: 1_000_000n });
    expect(at(450_000n)).toMatchObject({ status: "partial", paidUnits: 4, owedCents: 550_000n });
    expect(at(1_000_000n)).toMatchObject({ status: "paid", paidUnits: 10, owedCents: 0n, refundCents: 0n });
    expect(at(1_200_000n)).toMatchObject({ status: "overpaid", paidUnits: 10, refundCents: 200_000n });
  });

  it("property: owed − refund = expected − paid, never both, and paid units cover no more than paid (ECA-3(a))", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: null }),
        fc.bigInt({ min: 1n, max: 10_000_000n }),
        fc.bigInt({ min: 0n, max: 10n ** 14n }),
        (exercised, finalRaw, priceCents, paidCents) => {
          const finalUnits = finalRaw === null ? null : Math.min(finalRaw, exercised);
          const m = matchPayment({ exercised, finalUnits, priceCents, paidCents });
          const expected = new Decimal((finalUnits ?? exercised).toString()).times(priceCents.toString());
          expect(m.expectedCents.toString()).toBe(expected.toFixed(0));
          expect((m.owedCents - m.refundCents).toString()).toBe(
            expected.minus(paidCents.toString()).toFixed(0),
          );
          expect(m.owedCents === 0n || m.refundCents === 0n).toBe(true);
          expect(m.paidUnits).toBeLessThanOrEqual(exercised);
          expect(BigInt(m.paidUnits) * priceCents <= paidCents).toBe(true);
          // One more unit would not be covered (unless every exercised unit already is).
          if (m.paidUnits < exercised) expect(BigInt(m.paidUnits + 1) * priceCents > paidCents).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate, applyRate, formatMoney, parseMoney } from "./money.ts";

describe("money", () => {
  it("parses and formats cents without floats", () => {
    expect(parseMoney("$1,234.5")).toBe(123450n);
    expect(parseMoney("-0.07")).toBe(-7n);
    expect(formatMoney(123456789n)).toBe("$1,234,567.89");
    expect(() => parseMoney("12.345")).toThrow(/not an amount/);
  });

  it("applies a rate with banker's rounding (ECA-2(d): 3.5% structuring fee)", () => {
    // 3.5% of a $1,000,000,000.00 Maximum Rights Offering Amount.
    expect(applyRate(100_000_000_000n, "0.035")).toBe(3_500_000_000n);
    expect(applyRate(5n, "0.5")).toBe(2n);
    expect(applyRate(15n, "0.5")).toBe(8n);
  });

  it("property: allocation always sums to the total and never goes negative", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc
          .array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 12 })
          .filter((w) => w.some((x) => x > 0)),
        (total, weights) => {
          const parts = allocate(total, weights.map(String));
          expect(parts.reduce((a, b) => a + b, 0n)).toBe(total);
          for (const p of parts) expect(p >= 0n).toBe(true);
          // Each part is within one cent of its exact share.
          const sum = weights.reduce((a, b) => a + b, 0);
          parts.forEach((p, i) => {
            const exact = (Number(total) * weights[i]!) / sum;
            expect(Math.abs(Number(p) - exact)).toBeLessThanOrEqual(1 + Number(total) * 1e-12);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

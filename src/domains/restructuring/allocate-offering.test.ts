import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Allocation,
  allocateOffering,
  largestRemainder,
  largestRemainderInts,
  mulDivFloor,
  type OfferingSpec,
  rightsFromClaims,
  roundHalfUp,
} from "./allocate-offering.ts";

const INVESTORS = [
  { id: "oaktree", backstopPercentage: "0.60" },
  { id: "apollo", backstopPercentage: "0.25" },
  { id: "sankaty", backstopPercentage: "0.15" },
];

const base = (over: Partial<OfferingSpec> = {}): OfferingSpec => ({
  unitsOffered: 100000,
  pricePerUnit: "1000.00",
  sharesPerUnit: 10,
  maximumAmount: "100000000.00",
  threshold: "0.6650",
  maximumCutback: "0.90",
  thresholdGroup: ["oaktree", "apollo"],
  investors: INVESTORS,
  holders: [
    { id: "H0001", investor: "oaktree", rights: 30000, exercised: 30000, planShares: 2000000 },
    { id: "H0002", investor: null, rights: 5000, exercised: 4200, planShares: 0 },
  ],
  ...over,
});

function run(spec: unknown): Allocation {
  const outcome = allocateOffering(spec);
  if (!outcome.ok) throw new Error(outcome.errors.join("\n"));
  return outcome.allocation;
}
function errorsOf(spec: unknown): string[] {
  const outcome = allocateOffering(spec);
  if (outcome.ok) throw new Error("expected the engine to refuse the input");
  return outcome.errors;
}
const inv = (a: Allocation, id: string) => a.investors.find((i) => i.id === id)!;
const holder = (a: Allocation, id: string) => a.holders.find((h) => h.id === id)!;

describe("largest remainder", () => {
  it("floors each quota and hands the leftover to the largest fractions, ties to the lower id", () => {
    // 10 × 1/3 each: 3.33 → 3, 3, 3 and one left over; all fractions tie, so the lowest id gets it.
    expect(largestRemainder(10n, [1n, 1n, 1n], ["c", "a", "b"])).toEqual([3n, 4n, 3n]);
    expect(largestRemainder(100n, [60n, 25n, 15n], ["o", "a", "s"])).toEqual([60n, 25n, 15n]);
    expect(largestRemainder(7n, [2n, 1n], ["x", "y"])).toEqual([5n, 2n]);
    expect(largestRemainder(0n, [0n, 0n], ["x", "y"])).toEqual([0n, 0n]);
  });
  it("skips a part at its cap and repeats the pass in the same order", () => {
    // quotas .883, 1.767, 88.35 → 0, 1, 88; two left: A and B are at their caps, C takes both.
    expect(largestRemainder(91n, [1n, 2n, 100n], ["A", "B", "C"], [0n, 1n, 90n])).toEqual([0n, 1n, 90n]);
  });
  it("refuses weights that add up to zero or caps with no room", () => {
    expect(() => largestRemainder(1n, [0n], ["a"])).toThrow(/zero/);
    expect(() => largestRemainder(2n, [1n], ["a"], [1n])).toThrow(/caps/);
  });
  it("gives the same parts in doubles as in bigints, with and without caps (fast-check)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 100 })), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.integer({ min: 0, max: 100 }),
        fc.boolean(),
        (rows, pct, capped) => {
          const weights = rows.map(([w]) => w);
          if (weights.every((w) => w === 0)) return;
          const ids = rows.map((_, i) => `h${(i * 7) % 30}-${i}`);
          const caps = capped ? weights.map((w) => mulDivFloor(w, BigInt(rows[0]![1]), 100n)) : undefined;
          const room = caps ? caps.reduce((a, b) => a + b, 0) : 1_000_000;
          const total = Math.min(room, Math.floor((room * pct) / 100) + (pct % 3));
          const big = largestRemainder(BigInt(total), weights.map(BigInt), ids, caps?.map(BigInt));
          const parts = largestRemainderInts(total, weights, ids, caps);
          expect(parts).toEqual(big.map(Number));
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          if (caps)
            parts.forEach((x, i) => {
              expect(x).toBeLessThanOrEqual(caps[i]!);
            });
        },
      ),
      { numRuns: 300 },
    );
    expect(mulDivFloor(2 ** 52, 3n, 2n)).toBe(Number((2n ** 52n * 3n) / 2n));
  });
  it("rounds half-up at the last digit", () => {
    expect(roundHalfUp(5n, 1000n, 2)).toBe("0.01");
    expect(roundHalfUp(4n, 1000n, 2)).toBe("0.00");
    expect(roundHalfUp(2n, 3n, 4)).toBe("0.6667");
    expect(roundHalfUp(125n, 1n, 0)).toBe("125");
  });
});

describe("rights from Eligible Claims", () => {
  it("gives whole rights pro rata to claims that add up to the units offered", () => {
    const rights = rightsFromClaims(1000, [
      { id: "H1", claimsCents: 100n },
      { id: "H2", claimsCents: 100n },
      { id: "H3", claimsCents: 100n },
    ]);
    expect(rights).toEqual([334, 333, 333]);
    expect(rightsFromClaims(10, [])).toEqual([]);
  });
});

describe("allocation engine: the issue's example", () => {
  it("produces the exact figures and an explanation per step (ECA-2(b), ECA-3(a), ECA-2(d), ECA-2(e))", () => {
    const a = run(base());
    expect(a.holders).toEqual([
      {
        id: "H0001",
        rights: 30000,
        exercised: 30000,
        subscriptionUnits: 30000,
        cutbackUnits: 0,
        finalUnits: 30000,
        purchasePrice: "30000000.00",
      },
      {
        id: "H0002",
        rights: 5000,
        exercised: 4200,
        subscriptionUnits: 4200,
        cutbackUnits: 0,
        finalUnits: 4200,
        purchasePrice: "4200000.00",
      },
    ]);
    expect(inv(a, "oaktree")).toEqual({
      id: "oaktree",
      subscriptionUnits: 30000,
      residualUnits: 39480,
      totalUnits: 69480,
      purchasePrice: "69480000.00",
      ownershipPercent: "0.2316",
      structuringFee: "2538413.36",
      terminationFee: "0.00",
      preferredShares: 3626,
      preferredPrice: "3626000.00",
    });
    expect(a.totals).toEqual({
      unitsOffered: 100000,
      subscribedUnits: 34200,
      residualUnits: 65800,
      cutbackUnits: 0,
      totalShares: 3000000,
      thresholdGroupOwnershipPercent: "0.9531",
      thresholdMet: true,
      thresholdShortfallUnits: 0,
    });
    expect(a.explanation).toHaveLength(9);
    a.explanation.forEach((line, i) => {
      expect(line).toMatch(new RegExp(`^Step ${i + 1} `));
    });
    expect(a.explanation[2]).toContain("3,000,000");
    expect(Object.keys(a)).toEqual(["holders", "investors", "totals", "explanation"]);
  });

  it("defaults the maximum amount to units × price and the cutback to 90%", () => {
    const { maximumAmount: _m, maximumCutback: _c, ...rest } = base();
    const a = run(rest);
    expect(a.investors.reduce((s, i) => s + Number(i.structuringFee), 0)).toBeCloseTo(3_500_000, 2);
  });
});

describe("allocation engine: each step", () => {
  // 1,000 units of 1 share; the group owns no plan shares, so it needs 90% of the units.
  const tight = (over: Partial<OfferingSpec> = {}) =>
    base({
      unitsOffered: 1000,
      sharesPerUnit: 1,
      pricePerUnit: "10.00",
      maximumAmount: "200000000.00",
      threshold: "0.90",
      holders: [
        { id: "O1", investor: "oaktree", rights: 100, exercised: 100, planShares: 0 },
        { id: "N1", investor: null, rights: 500, exercised: 500, planShares: 0 },
        { id: "N2", investor: null, rights: 400, exercised: 400, planShares: 0 },
      ],
      ...over,
    });

  it("step 4–5: the threshold group takes what it needs from the residual units first (ECA-2(b))", () => {
    const a = run(
      tight({
        holders: [
          { id: "O1", investor: "oaktree", rights: 100, exercised: 100, planShares: 0 },
          { id: "N1", investor: null, rights: 500, exercised: 100, planShares: 0 },
          { id: "N2", investor: null, rights: 400, exercised: 0, planShares: 0 },
        ],
      }),
    );
    // need = ⌈0.9 × 1000⌉ − 100 = 800; R = 800: all of it goes to the group, nothing to Sankaty.
    expect(a.totals).toMatchObject({ residualUnits: 800, cutbackUnits: 0, thresholdMet: true });
    expect(a.explanation[3]).toContain("still need 800 units");
    // 800 split 60:25 → 564.7 / 235.3 → 565 / 235.
    expect([
      inv(a, "oaktree").residualUnits,
      inv(a, "apollo").residualUnits,
      inv(a, "sankaty").residualUnits,
    ]).toEqual([565, 235, 0]);
    expect(a.totals.thresholdGroupOwnershipPercent).toBe("0.9000");
  });

  it("step 6: cuts back other holders pro rata by largest remainder and gives the units to the group (ECA-2(b))", () => {
    const a = run(tight());
    // need 800, R = 0; caps 450 + 360; quotas 444.4 and 355.6 → 444 and 356.
    expect(holder(a, "N1")).toMatchObject({ cutbackUnits: 444, finalUnits: 56, purchasePrice: "560.00" });
    expect(holder(a, "N2")).toMatchObject({ cutbackUnits: 356, finalUnits: 44 });
    expect(holder(a, "O1")).toMatchObject({ cutbackUnits: 0, finalUnits: 100 });
    expect(a.totals).toMatchObject({ cutbackUnits: 800, thresholdMet: true, thresholdShortfallUnits: 0 });
    expect(inv(a, "oaktree")).toMatchObject({ subscriptionUnits: 100, residualUnits: 565, totalUnits: 665 });
    expect(inv(a, "apollo").residualUnits).toBe(235);
    expect(inv(a, "sankaty").residualUnits).toBe(0);
    expect(a.explanation[5]).toMatch(/800 units were cut back from 2 holders/);
  });

  it("step 6: never cuts a holder by more than 90% and reports the shortfall (ECA-2(b))", () => {
    const a = run(tight({ threshold: "0.99" }));
    expect(holder(a, "N1").cutbackUnits).toBe(450);
    expect(holder(a, "N2").cutbackUnits).toBe(360);
    expect(a.totals).toMatchObject({ cutbackUnits: 810, thresholdMet: false, thresholdShortfallUnits: 80 });
    expect(a.explanation[5]).toContain("NOT met: 80 units short");
  });

  it("step 6: investors' affiliates (Sankaty and Apollo too) are never cut back (ECA-25, ECA-26)", () => {
    const a = run(
      tight({
        holders: [
          { id: "A1", investor: "apollo", rights: 50, exercised: 50, planShares: 0 },
          { id: "S1", investor: "sankaty", rights: 450, exercised: 450, planShares: 0 },
          { id: "N1", investor: null, rights: 500, exercised: 500, planShares: 0 },
        ],
      }),
    );
    expect(holder(a, "S1").cutbackUnits).toBe(0);
    expect(holder(a, "A1").cutbackUnits).toBe(0);
    expect(holder(a, "N1").cutbackUnits).toBe(450);
    expect(a.totals.thresholdMet).toBe(false);
  });

  it("step 6: skips a holder at its cap even when it has the largest fraction", () => {
    const a = run(
      base({
        unitsOffered: 113,
        sharesPerUnit: 1,
        threshold: "0.9",
        maximumCutback: "0.9",
        holders: [
          { id: "A", investor: null, rights: 1, exercised: 1, planShares: 0 },
          { id: "B", investor: null, rights: 2, exercised: 2, planShares: 0 },
          { id: "C", investor: null, rights: 100, exercised: 100, planShares: 0 },
          { id: "O", investor: "oaktree", rights: 10, exercised: 10, planShares: 0 },
        ],
      }),
    );
    // need ⌈101.7⌉ − 10 = 92 > caps 0 + 1 + 90 = 91: all caps are used, one unit short.
    expect(a.holders.map((h) => h.cutbackUnits)).toEqual([0, 1, 90, 0]);
    expect(a.totals.thresholdShortfallUnits).toBe(1);
  });

  it("step 7: the remaining residual units follow the backstop percentages (ECA-3(a))", () => {
    const a = run(base({ thresholdGroup: [] }));
    expect(a.investors.map((i) => i.residualUnits)).toEqual([39480, 16450, 9870]);
    expect(a.explanation[3]).toContain("no threshold group");
  });

  it("step 8: fees, Termination Fee and preferred stock add up exactly (ECA-2(d), ECA-2(e), ECA-25, ECA-26)", () => {
    const a = run(base({ maximumAmount: "1000000000.00" }));
    const cents = (s: string) => BigInt(s.replace(".", ""));
    const sum = (f: (i: Allocation["investors"][number]) => bigint) =>
      a.investors.reduce((s, i) => s + f(i), 0n);
    // 3.5% × $1,000,000,000 = $35,000,000; Termination Fee = $30,000,000.
    expect(sum((i) => cents(i.structuringFee))).toBe(3_500_000_000n);
    expect(sum((i) => cents(i.terminationFee))).toBe(3_000_000_000n);
    expect(sum((i) => BigInt(i.preferredShares))).toBe(5000n);
    expect(sum((i) => cents(i.preferredPrice))).toBe(500_000_000n);
    // If everyone exercised: H0002 takes 5,000, residual 65,000 → 39,000 / 16,250 / 9,750 + Oaktree's 30,000.
    expect(inv(a, "oaktree").terminationFee).toBe("21789473.68");
    expect(inv(a, "apollo").terminationFee).toBe("5131578.95");
    expect(inv(a, "sankaty").terminationFee).toBe("3078947.37");
  });

  it("step 8: percentages and money round half-up at the last digit", () => {
    const a = run(
      base({
        unitsOffered: 3,
        sharesPerUnit: 1,
        pricePerUnit: "0.01",
        maximumAmount: "0.10",
        holders: [{ id: "N", investor: null, rights: 0, exercised: 0, planShares: 0 }],
        thresholdGroup: [],
      }),
    );
    // 3.5% × $0.10 = 0.35 cents → 0 cents; 3 units at 60/25/15 → 1.8, 0.75, 0.45 → 2, 1, 0.
    expect(a.investors.map((i) => i.structuringFee)).toEqual(["0.00", "0.00", "0.00"]);
    expect(a.investors.map((i) => i.ownershipPercent)).toEqual(["0.6667", "0.3333", "0.0000"]);
    // 1 unit of 20,000 is 0.00005 exactly: half-up gives 0.0001 (half-even would give 0.0000).
    const half = run(
      base({
        unitsOffered: 20000,
        sharesPerUnit: 1,
        holders: [],
        thresholdGroup: [],
        investors: [
          { id: "oaktree", backstopPercentage: "0.99995" },
          { id: "apollo", backstopPercentage: "0.00005" },
          { id: "sankaty", backstopPercentage: "0" },
        ],
      }),
    );
    expect(inv(half, "apollo")).toMatchObject({ totalUnits: 1, ownershipPercent: "0.0001" });
    const b = run(base({ maximumAmount: "0.30", thresholdGroup: [] }));
    // 3.5% × 30 cents = 1.05 cents → 1 cent.
    expect(b.investors.reduce((s, i) => s + Number(i.structuringFee) * 100, 0)).toBe(1);
  });
});

describe("allocation engine: step 1 refusals name the holder or field", () => {
  it("refuses numbers that are not whole", () => {
    expect(errorsOf(base({ unitsOffered: 1.5 }))).toContain("unitsOffered must be a whole number (got 1.5).");
    const holders = [
      { id: "H9", investor: null, rights: 10, exercised: "3" as unknown as number, planShares: 0 },
    ];
    expect(errorsOf(base({ holders }))).toEqual([
      'holders[0] (H9): exercised must be a whole number (got "3").',
    ]);
  });
  it("refuses exercising more than the rights", () => {
    const holders = [{ id: "H1", investor: null, rights: 10, exercised: 11, planShares: 0 }];
    expect(errorsOf(base({ holders }))).toEqual([
      "holders[0] (H1): exercised 11 is more than its 10 rights.",
    ]);
  });
  it("refuses an investor affiliate that does not exercise all its rights (ECA-3(a))", () => {
    const holders = [{ id: "H1", investor: "apollo", rights: 10, exercised: 9, planShares: 0 }];
    expect(errorsOf(base({ holders }))[0]).toMatch(/H1.*apollo must exercise all its 10 rights.*ECA-3\(a\)/);
  });
  it("refuses backstop percentages that do not add up to 100%", () => {
    const investors = [
      { id: "oaktree", backstopPercentage: "0.60" },
      { id: "apollo", backstopPercentage: "0.30" },
    ];
    expect(errorsOf(base({ investors, thresholdGroup: ["oaktree"], holders: [] }))).toEqual([
      "investors: the backstop percentages add up to 90.0000%, not 100% (ECA-3(a), Schedule 1(f)).",
    ]);
  });
  it("refuses an investor that does not exist, in a holder or in the threshold group", () => {
    const holders = [{ id: "H1", investor: "blackrock", rights: 10, exercised: 10, planShares: 0 }];
    const errors = errorsOf(base({ holders, thresholdGroup: ["oaktree", "kkr"] }));
    expect(errors).toContain('thresholdGroup[1]: "kkr" is not one of the investors.');
    expect(errors).toContain('holders[0] (H1): investor "blackrock" is not one of the investors.');
  });
  it("refuses duplicate ids, more rights than units, bad money and rates", () => {
    const errors = errorsOf(
      base({
        unitsOffered: 10,
        pricePerUnit: "12.345",
        threshold: "1.5",
        holders: [
          { id: "H1", investor: null, rights: 6, exercised: 0, planShares: 0 },
          { id: "H1", investor: null, rights: 6, exercised: 0, planShares: -1 },
        ],
      }),
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        'pricePerUnit must be a positive amount like "1000.00" (got "12.345").',
        'threshold must be a fraction between 0 and 1 like "0.6650" (got "1.5").',
        "holders[1] (H1): the id H1 appears twice.",
        "holders[1] (H1): planShares must be at least 0 (got -1).",
      ]),
    );
    expect(errorsOf(base({ unitsOffered: 10 }))).toEqual([
      "holders: their rights add up to 35,000, more than the 10 units offered.",
    ]);
    expect(errorsOf(null)).toEqual(["The offering must be a JSON object."]);
  });
});

// ---------------------------------------------------------------------------------------------
// Property tests: invariants on random offerings.

const offeringArb = fc
  .record({
    unitsOffered: fc.integer({ min: 1, max: 20000 }),
    sharesPerUnit: fc.integer({ min: 1, max: 50 }),
    price: fc.integer({ min: 1, max: 500000 }),
    threshold: fc.integer({ min: 0, max: 10000 }),
    cutback: fc.integer({ min: 0, max: 100 }),
    weights: fc.tuple(
      fc.integer({ min: 0, max: 100 }),
      fc.integer({ min: 0, max: 100 }),
      fc.integer({ min: 1, max: 100 }),
    ),
    group: fc.subarray(["oaktree", "apollo", "sankaty"], { minLength: 0 }),
    holders: fc.array(
      fc.record({
        investor: fc.constantFrom(null, null, null, "oaktree", "apollo", "sankaty"),
        share: fc.integer({ min: 0, max: 1000 }),
        exercisedPart: fc.integer({ min: 0, max: 100 }),
        planShares: fc.integer({ min: 0, max: 100000 }),
      }),
      { minLength: 0, maxLength: 40 },
    ),
  })
  .map((r): OfferingSpec => {
    const [wo, wa, ws] = r.weights;
    const total = wo + wa + ws;
    // Backstop percentages as exact 4-decimal fractions that add up to 1.
    const o = Math.floor((wo * 10000) / total);
    const a = Math.floor((wa * 10000) / total);
    const s = 10000 - o - a;
    const frac = (n: number) => (n / 10000).toFixed(4);
    const shares = r.holders.map((h) => h.share);
    const sumShares = shares.reduce((x, y) => x + y, 0) || 1;
    const group = r.group.filter((g) => (g === "oaktree" ? o : g === "apollo" ? a : s) > 0);
    return {
      unitsOffered: r.unitsOffered,
      pricePerUnit: (r.price / 100).toFixed(2),
      sharesPerUnit: r.sharesPerUnit,
      threshold: frac(r.threshold),
      maximumCutback: (r.cutback / 100).toFixed(2),
      thresholdGroup: group,
      investors: [
        { id: "oaktree", backstopPercentage: frac(o) },
        { id: "apollo", backstopPercentage: frac(a) },
        { id: "sankaty", backstopPercentage: frac(s) },
      ],
      holders: r.holders.map((h, i) => {
        const rights = Math.floor((h.share * r.unitsOffered) / sumShares);
        return {
          id: `H${String(i).padStart(4, "0")}`,
          investor: h.investor,
          rights,
          exercised: h.investor ? rights : Math.floor((rights * h.exercisedPart) / 100),
          planShares: h.planShares,
        };
      }),
    };
  });

describe("allocation engine: properties (fast-check)", () => {
  it("sells exactly the units offered, never a negative figure, never a cut above the maximum", () => {
    fc.assert(
      fc.property(offeringArb, (spec) => {
        const a = run(spec);
        const residual = a.investors.reduce((s, i) => s + i.residualUnits, 0);
        const held = a.holders.reduce((s, h) => s + h.finalUnits, 0);
        expect(held + residual).toBe(spec.unitsOffered);
        expect(a.totals.subscribedUnits + a.totals.residualUnits).toBe(spec.unitsOffered);
        expect(residual).toBe(a.totals.residualUnits + a.totals.cutbackUnits);
        const cutRate = Number(spec.maximumCutback);
        spec.holders.forEach((h, i) => {
          const out = a.holders[i]!;
          expect(out.finalUnits).toBeGreaterThanOrEqual(0);
          expect(out.cutbackUnits).toBeGreaterThanOrEqual(0);
          expect(out.cutbackUnits).toBeLessThanOrEqual(
            Math.floor((Math.round(cutRate * 100) * h.exercised) / 100),
          );
          if (h.investor) expect(out.cutbackUnits).toBe(0);
          expect(out.purchasePrice).toBe(
            roundHalfUp(BigInt(out.finalUnits) * BigInt(spec.pricePerUnit.replace(".", "")), 100n, 2),
          );
        });
        for (const i of a.investors) expect(i.residualUnits).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it("meets the threshold when it says so, and otherwise has cut every other holder to its cap (ECA-2(b))", () => {
    fc.assert(
      fc.property(offeringArb, (spec) => {
        const a = run(spec);
        const group = new Set(spec.thresholdGroup);
        const planShares = spec.holders
          .filter((h) => h.investor && group.has(h.investor))
          .reduce((s, h) => s + BigInt(h.planShares), 0n);
        const units = a.investors
          .filter((i) => group.has(i.id))
          .reduce((s, i) => s + BigInt(i.totalUnits), 0n);
        const owned = planShares + units * BigInt(spec.sharesPerUnit);
        const [w, f = ""] = spec.threshold.split(".");
        const tn = BigInt(w! + f);
        const td = 10n ** BigInt(f.length);
        const meets = owned * td >= tn * BigInt(a.totals.totalShares);
        if (group.size === 0) expect(a.totals.thresholdMet).toBe(true);
        else if (a.totals.thresholdMet) expect(meets).toBe(true);
        else {
          expect(a.totals.thresholdShortfallUnits).toBeGreaterThan(0);
          const rate = Math.round(Number(spec.maximumCutback) * 100);
          spec.holders.forEach((h, i) => {
            if (!h.investor) expect(a.holders[i]!.cutbackUnits).toBe(Math.floor((rate * h.exercised) / 100));
          });
          // Every residual unit went to the group: none left for the others.
          for (const i of a.investors) if (!group.has(i.id)) expect(i.residualUnits).toBe(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("splits fees and preferred stock exactly, each within one unit of its exact share", () => {
    fc.assert(
      fc.property(offeringArb, (spec) => {
        const a = run(spec);
        const cents = (s: string) => BigInt(s.replace(".", ""));
        const fee = a.investors.reduce((s, i) => s + cents(i.structuringFee), 0n);
        const max = BigInt(spec.unitsOffered) * cents(spec.pricePerUnit);
        expect(fee).toBe(BigInt(roundHalfUp(max * 35n, 1000n, 0)));
        const termination = a.investors.reduce((s, i) => s + cents(i.terminationFee), 0n);
        expect(termination).toBe(fee > 500_000_000n ? fee - 500_000_000n : 0n);
        expect(a.investors.reduce((s, i) => s + i.preferredShares, 0)).toBe(5000);
        const bought = a.investors.reduce((s, i) => s + i.totalUnits, 0);
        if (bought > 0)
          for (const i of a.investors) {
            const exact = (5000 * i.totalUnits) / bought;
            expect(Math.abs(i.preferredShares - exact)).toBeLessThan(1);
            expect(i.preferredPrice).toBe(`${i.preferredShares * 1000}.00`);
          }
      }),
      { numRuns: 200 },
    );
  });

  it("is deterministic and does not depend on the order of the holders (ties go to the lower id)", () => {
    fc.assert(
      fc.property(offeringArb, fc.integer(), (spec, seed) => {
        const a = run(spec);
        expect(run(spec)).toEqual(a);
        const shuffled = [...spec.holders].sort(
          (x, y) => ((x.id.charCodeAt(4) * 31 + seed) % 17) - ((y.id.charCodeAt(4) * 31 + seed) % 17),
        );
        const b = run({ ...spec, holders: shuffled });
        const byId = (x: Allocation) => Object.fromEntries(x.holders.map((h) => [h.id, h]));
        expect(byId(b)).toEqual(byId(a));
        expect(b.investors).toEqual(a.investors);
        expect(b.totals).toEqual(a.totals);
      }),
      { numRuns: 150 },
    );
  });
});

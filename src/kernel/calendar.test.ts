import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addBusinessDays, businessDaysBetween, isBankHoliday, isBusinessDay } from "./calendar.ts";

describe("US banking calendar", () => {
  it("knows the Federal Reserve holidays of 2026", () => {
    for (const d of [
      "2026-01-01",
      "2026-01-19",
      "2026-02-16",
      "2026-05-25",
      "2026-06-19",
      "2026-09-07",
      "2026-10-12",
      "2026-11-11",
      "2026-11-26",
      "2026-12-25",
    ]) {
      expect(isBankHoliday(d), d).toBe(true);
    }
    // Independence Day 2026 is a Saturday: the Fed stays open on Friday the 3rd.
    expect(isBusinessDay("2026-07-03")).toBe(true);
    // Juneteenth 2027 is a Saturday, Christmas 2022 a Sunday (observed Monday the 26th).
    expect(isBusinessDay("2027-06-18")).toBe(true);
    expect(isBusinessDay("2022-12-26")).toBe(false);
    // Good Friday is not a bank holiday.
    expect(isBusinessDay("2026-04-03")).toBe(true);
  });

  it("counts business days as the Equity Commitment Agreement does (ECA-2(f), ECA-9(a))", () => {
    // 2 business days after Wednesday 2026-11-25 skip Thanksgiving (26th) and the weekend.
    expect(addBusinessDays("2026-11-25", 2)).toBe("2026-11-30");
    // 3 business days after Friday 2009-12-18 (around Christmas 2009).
    expect(addBusinessDays("2009-12-18", 3)).toBe("2009-12-23");
    expect(addBusinessDays("2009-12-23", 1)).toBe("2009-12-24");
    expect(addBusinessDays("2009-12-24", 1)).toBe("2009-12-28");
    expect(addBusinessDays("2026-01-05", 0)).toBe("2026-01-05");
    expect(addBusinessDays("2026-01-20", -1)).toBe("2026-01-16");
  });

  it("rejects impossible dates", () => {
    expect(() => addBusinessDays("2026-02-30", 1)).toThrow(/real calendar date/);
    expect(() => isBusinessDay("26-1-1")).toThrow(/YYYY-MM-DD/);
  });

  it("property: n business days later is a business day, and the count between is n", () => {
    const date = fc
      .date({
        min: new Date("2000-01-01T00:00:00Z"),
        max: new Date("2040-12-31T00:00:00Z"),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 60 }), (start, n) => {
        const end = addBusinessDays(start, n);
        expect(isBusinessDay(end)).toBe(true);
        expect(businessDaysBetween(start, end)).toBe(n);
        expect(addBusinessDays(end, -n) <= start).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

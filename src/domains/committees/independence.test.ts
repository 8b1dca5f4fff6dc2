import { describe, expect, it } from "vitest";
import { yearsBefore } from "./dates.ts";
import { evaluateIndependence } from "./independence.ts";
import { type QuestionnaireAnswers, questionnaireAnswers } from "./schemas.ts";

// Every look-back is tested on both sides of its boundary, on 2 March 2026 (3 years back: 2 March 2023).
const AS_OF = "2026-03-02";
const ALL = { nyse: true, rule16b3: true, section162m: true };
const answers = (a: Partial<QuestionnaireAnswers>) => questionnaireAnswers.parse(a);
const tests = (a: Partial<QuestionnaireAnswers>) =>
  evaluateIndependence(answers(a), AS_OF, ALL).findings.map((f) => f.test);

describe("look-back arithmetic", () => {
  it("counts years back on the calendar, 29 February falling to the 28th", () => {
    expect(yearsBefore("2026-03-02", 3)).toBe("2023-03-02");
    expect(yearsBefore("2028-02-29", 1)).toBe("2027-02-28");
    expect(yearsBefore("2027-02-28", -1)).toBe("2028-02-28");
  });
});

describe("CC-2: NYSE 303A.02(b) with its three-year look-backs", () => {
  it("(b)(i) employment by the company: ended on the first day of the look-back fails, the day before passes", () => {
    const employee = (
      to: string | null,
      who: "self" | "family" = "self",
      role: "employee" | "executive_officer" = "employee",
    ) => tests({ employment: [{ who, role, to }] });
    expect(employee("2023-03-02")).toContain("NYSE 303A.02(b)(i)");
    expect(employee("2023-03-01")).not.toContain("NYSE 303A.02(b)(i)");
    expect(employee(null)).toContain("NYSE 303A.02(b)(i)");
    // A family member counts only as an executive officer.
    expect(employee(null, "family", "employee")).toEqual([]);
    expect(employee("2023-03-02", "family", "executive_officer")).toContain("NYSE 303A.02(b)(i)");
    expect(employee("2023-03-01", "family", "executive_officer")).toEqual([]);
  });

  it("(b)(ii) $130,000 of consulting fees last year fails with the rule cited; $120,000 does not", () => {
    const result = evaluateIndependence(
      answers({
        compensation: [{ who: "self", kind: "consulting", amount: "130,000", receivedOn: "2025-12-31" }],
      }),
      AS_OF,
      { nyse: true, rule16b3: false, section162m: false },
    );
    expect(result.independent).toBe(false);
    expect(result.findings[0]).toMatchObject({
      rule: "CC-2",
      test: "NYSE 303A.02(b)(ii)",
      window: { from: "2025-01-01", to: "2025-12-31" },
    });
    expect(result.findings[0]!.message).toContain("$130,000.00");
    expect(
      tests({
        compensation: [{ who: "self", kind: "consulting", amount: "120000", receivedOn: "2025-12-31" }],
      }),
    ).not.toContain("NYSE 303A.02(b)(ii)");
  });

  it("(b)(ii) excludes director fees and pension, and looks back exactly three years", () => {
    expect(
      tests({
        compensation: [{ who: "self", kind: "director_fees", amount: "300000", receivedOn: "2025-12-31" }],
      }),
    ).toEqual([]);
    expect(
      tests({
        compensation: [{ who: "family", kind: "pension", amount: "300000", receivedOn: "2025-12-31" }],
      }),
    ).toEqual([]);
    const paid = (receivedOn: string) =>
      tests({ compensation: [{ who: "family", kind: "employment", amount: "130000", receivedOn }] });
    expect(paid("2023-03-02")).toContain("NYSE 303A.02(b)(ii)");
    expect(paid("2023-03-01")).toEqual([]);
  });

  it("(b)(ii) sums any twelve-month period: two $70,000 payments 364 days apart fail, 365 days apart pass", () => {
    const two = (first: string) =>
      tests({
        compensation: [
          { who: "self", kind: "consulting", amount: "70000", receivedOn: first },
          { who: "self", kind: "consulting", amount: "70000", receivedOn: "2025-01-09" },
        ],
      }).filter((t) => t.startsWith("NYSE"));
    expect(two("2024-01-10")).toEqual(["NYSE 303A.02(b)(ii)"]);
    expect(two("2024-01-09")).toEqual([]);
  });

  it("(b)(iii) auditor affiliation: current, family, and former partners who worked on the audit within 3 years", () => {
    const auditor = (a: QuestionnaireAnswers["auditor"][number]) => tests({ auditor: [a] });
    expect(
      auditor({ who: "self", firm: "KPMG", role: "employee", workedOnAudit: false, to: null }),
    ).toContain("NYSE 303A.02(b)(iii)");
    expect(
      auditor({ who: "family", firm: "KPMG", role: "partner", workedOnAudit: false, to: null }),
    ).toContain("NYSE 303A.02(b)(iii)");
    expect(
      auditor({ who: "family", firm: "KPMG", role: "employee", workedOnAudit: false, to: null }),
    ).toEqual([]);
    expect(
      auditor({ who: "family", firm: "KPMG", role: "employee", workedOnAudit: true, to: null }),
    ).toContain("NYSE 303A.02(b)(iii)");
    expect(
      auditor({ who: "self", firm: "KPMG", role: "partner", workedOnAudit: true, to: "2023-03-02" }),
    ).toContain("NYSE 303A.02(b)(iii)");
    expect(
      auditor({ who: "self", firm: "KPMG", role: "partner", workedOnAudit: true, to: "2023-03-01" }),
    ).toEqual([]);
    expect(
      auditor({ who: "self", firm: "KPMG", role: "partner", workedOnAudit: false, to: "2025-03-01" }),
    ).toEqual([]);
  });

  it("(b)(iv) compensation committee interlocks within 3 years", () => {
    const interlock = (to: string | null) =>
      tests({ interlocks: [{ who: "self", company: "Novelis", ourExecutive: "M. Holloway", to }] });
    expect(interlock(null)).toContain("NYSE 303A.02(b)(iv)");
    expect(interlock("2023-03-02")).toContain("NYSE 303A.02(b)(iv)");
    expect(interlock("2023-03-01")).toEqual([]);
  });

  it("(b)(v) business relationships above the greater of $1 million or 2% of the other company's revenues", () => {
    const business = (
      payments: string,
      revenue: string,
      fiscalYearEnd = "2025-12-31",
      relationshipCurrent = true,
    ) =>
      tests({
        business: [
          {
            who: "self",
            company: "Acme",
            relationshipCurrent,
            fiscalYearEnd,
            payments,
            otherCompanyRevenue: revenue,
          },
        ],
      });
    expect(business("1,000,000", "10,000,000")).toEqual([]);
    expect(business("1,000,001", "10,000,000")).toContain("NYSE 303A.02(b)(v)");
    expect(business("1,500,000", "100,000,000")).toEqual([]);
    expect(business("2,000,001", "100,000,000")).toContain("NYSE 303A.02(b)(v)");
    expect(business("5,000,000", "10,000,000", "2023-03-02")).toContain("NYSE 303A.02(b)(v)");
    expect(business("5,000,000", "10,000,000", "2023-03-01")).toEqual([]);
    expect(business("5,000,000", "10,000,000", "2025-12-31", false)).toEqual([]);
  });
});

describe("CC-2: Rule 16b-3 non-employee director and Section 162(m) outside director", () => {
  it("Rule 16b-3 looks at the last fiscal year and this one (from 1 January 2025)", () => {
    const consulting = (receivedOn: string) =>
      tests({ compensation: [{ who: "self", kind: "consulting", amount: "130000", receivedOn }] });
    expect(consulting("2025-01-01")).toContain("Rule 16b-3(b)(3)(i)(B)");
    expect(consulting("2024-12-31")).not.toContain("Rule 16b-3(b)(3)(i)(B)");
    expect(tests({ employment: [{ who: "self", role: "employee", to: null }] })).toContain(
      "Rule 16b-3(b)(3)(i)(A)",
    );
    expect(
      tests({ relatedTransactions: [{ description: "Lease", amount: "150000", date: "2025-06-01" }] }),
    ).toEqual(["Rule 16b-3(b)(3)(i)(C)"]);
    expect(
      tests({ relatedTransactions: [{ description: "Lease", amount: "150000", date: "2024-12-31" }] }),
    ).toEqual([]);
  });

  it("Section 162(m): a former officer at any time, and any non-director pay in the taxable year", () => {
    const result = evaluateIndependence(
      answers({
        employment: [{ who: "self", role: "executive_officer", from: "1995-01-01", to: "2001-06-30" }],
      }),
      AS_OF,
      ALL,
    );
    expect(result.independent).toBe(true);
    expect(result.outsideDirector).toBe(false);
    const paid = (receivedOn: string) =>
      tests({ compensation: [{ who: "self", kind: "consulting", amount: "5000", receivedOn }] });
    expect(paid("2026-01-01")).toEqual(["Section 162(m) (1.162-27(e)(3)(i)(B), (D))"]);
    expect(paid("2025-12-31")).toEqual([]);
  });

  it("applies only the checks the committee configures", () => {
    const a = answers({ employment: [{ who: "self", role: "executive_officer", to: "2001-06-30" }] });
    expect(
      evaluateIndependence(a, AS_OF, { nyse: true, rule16b3: false, section162m: false }).findings,
    ).toEqual([]);
  });
});

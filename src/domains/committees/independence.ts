import { addCalendarDays } from "../../kernel/calendar.ts";
import { formatMoney, parseMoney } from "../../kernel/money.ts";
import { yearsBefore } from "./dates.ts";
import type { QuestionnaireAnswers } from "./schemas.ts";
import type { CommitteeChecks } from "./tables.ts";
import type { IndependenceView } from "./views.ts";

/** The NYSE 303A.02(b)(ii) and Item 404(a) threshold: more than $120,000. */
export const COMPENSATION_LIMIT = 12_000_000n;
/** NYSE 303A.02(b)(v): the greater of $1 million or 2% of the other company's gross revenues. */
export const BUSINESS_FLOOR = 100_000_000n;

export type Standard = "nyse" | "rule16b3" | "section162m";

/** One failed test (CC-2); `window` is the look-back the test used, inclusive. */
export type Finding = IndependenceView["findings"][number];
export type IndependenceResult = IndependenceView;

const whose = (who: "self" | "family") => (who === "self" ? "the director" : "an immediate family member");
const within = (date: string, from: string, to: string) => date >= from && date <= to;
/** A relationship that ended on or after `from` (or has not ended) falls within the look-back. */
const reaches = (to: string | null, from: string) => to === null || to >= from;

/**
 * Evaluates a director's independence on `asOf` from their questionnaire: each NYSE 303A.02(b)
 * test with its three-year look-back, Rule 16b-3(b)(3) and Section 162(m) (Treas. Reg.
 * 1.162-27(e)(3)). Pure: the same facts and date always give the same findings.
 */
export function evaluateIndependence(
  answers: QuestionnaireAnswers,
  asOf: string,
  checks: CommitteeChecks,
): IndependenceResult {
  const findings: Finding[] = [];
  const lookback = yearsBefore(asOf, 3);
  const window3 = { from: lookback, to: asOf };
  const fail = (standard: Standard, test: string, message: string, window: Finding["window"]) =>
    findings.push({ standard, test, rule: "CC-2", message, window });

  if (checks.nyse) {
    // (b)(i) employee in the last 3 years, or a family member an executive officer.
    for (const e of answers.employment) {
      const counts = e.who === "self" || e.role === "executive_officer";
      if (counts && reaches(e.to, lookback)) {
        const role = e.role === "executive_officer" ? "an executive officer" : "an employee";
        fail(
          "nyse",
          "NYSE 303A.02(b)(i)",
          `${whose(e.who)} ${e.to ? `was ${role} of the company until ${e.to}` : `is ${role} of the company`}, within the 3-year look-back from ${lookback}`,
          window3,
        );
      }
    }
    // (b)(ii) more than $120,000 of direct compensation in any 12 months within 3 years.
    for (const w of ["self", "family"] as const) {
      const worst = worstTwelveMonths(answers, w, lookback, asOf);
      if (worst && worst.total > COMPENSATION_LIMIT) {
        fail(
          "nyse",
          "NYSE 303A.02(b)(ii)",
          `${whose(w)} received ${formatMoney(worst.total)} of direct compensation (${worst.kinds.join(", ")}) in the 12 months ending ${worst.end}, more than $120,000 excluding director fees and pension, within the 3-year look-back from ${lookback}`,
          { from: addCalendarDays(worst.start, 1), to: worst.end },
        );
      }
    }
    // (b)(iii) auditor affiliation.
    for (const a of answers.auditor) {
      const current = a.to === null;
      const firm = `${a.firm} (the company's auditor)`;
      let message: string | null = null;
      if (current && a.who === "self") message = `the director is a current ${a.role} of ${firm}`;
      else if (current && a.role === "partner")
        message = `an immediate family member is a current partner of ${firm}`;
      else if (current && a.workedOnAudit)
        message = `an immediate family member is a current employee of ${firm} working on the company's audit`;
      else if (!current && a.workedOnAudit && reaches(a.to, lookback))
        message = `${whose(a.who)} was a ${a.role} of ${firm} until ${a.to} and worked on the company's audit, within the 3-year look-back from ${lookback}`;
      if (message) fail("nyse", "NYSE 303A.02(b)(iii)", message, window3);
    }
    // (b)(iv) compensation committee interlocks.
    for (const i of answers.interlocks) {
      if (reaches(i.to, lookback)) {
        fail(
          "nyse",
          "NYSE 303A.02(b)(iv)",
          `${whose(i.who)} ${i.to ? `was until ${i.to}` : "is"} an executive officer of ${i.company} while ${i.ourExecutive}, an executive officer of the company, served on its compensation committee (look-back from ${lookback})`,
          window3,
        );
      }
    }
    // (b)(v) business relationships above the greater of $1 million or 2% of revenues.
    for (const b of answers.business) {
      if (!b.relationshipCurrent || !within(b.fiscalYearEnd, lookback, asOf)) continue;
      const payments = parseMoney(b.payments);
      const twoPercent = (parseMoney(b.otherCompanyRevenue) * 2n) / 100n;
      const threshold = twoPercent > BUSINESS_FLOOR ? twoPercent : BUSINESS_FLOOR;
      if (payments > threshold) {
        fail(
          "nyse",
          "NYSE 303A.02(b)(v)",
          `payments of ${formatMoney(payments)} between the company and ${b.company} (where ${b.who === "self" ? "the director is an employee" : "an immediate family member is an executive officer"}) in the fiscal year ending ${b.fiscalYearEnd} exceed the greater of $1,000,000 and 2% of its revenues (${formatMoney(threshold)})`,
          window3,
        );
      }
    }
  }

  // Rule 16b-3(b)(3)(i): Item 404(a) looks at the last fiscal year and the current one.
  if (checks.rule16b3) {
    const since = `${Number(asOf.slice(0, 4)) - 1}-01-01`;
    const window = { from: since, to: asOf };
    if (answers.employment.some((e) => e.who === "self" && e.to === null))
      fail(
        "rule16b3",
        "Rule 16b-3(b)(3)(i)(A)",
        "the director is currently an officer or employee of the company",
        null,
      );
    const other = sum(
      answers.compensation.filter(
        (c) => c.who === "self" && !EXCLUDED.has(c.kind) && within(c.receivedOn, since, asOf),
      ),
    );
    if (other > COMPENSATION_LIMIT)
      fail(
        "rule16b3",
        "Rule 16b-3(b)(3)(i)(B)",
        `the director received ${formatMoney(other)} for services other than as a director since ${since}, more than the Item 404(a) amount of $120,000`,
        window,
      );
    for (const t of answers.relatedTransactions) {
      const amount = parseMoney(t.amount);
      if (amount > COMPENSATION_LIMIT && within(t.date, since, asOf))
        fail(
          "rule16b3",
          "Rule 16b-3(b)(3)(i)(C)",
          `the director has an interest in a transaction of ${formatMoney(amount)} (${t.description}) on ${t.date} that Item 404(a) requires to be disclosed`,
          window,
        );
    }
  }

  // Section 162(m) outside director (legacy check, Treas. Reg. 1.162-27(e)(3)).
  if (checks.section162m) {
    const year = asOf.slice(0, 4);
    const taxYear = { from: `${year}-01-01`, to: asOf };
    const self = answers.employment.filter((e) => e.who === "self");
    if (self.some((e) => e.to === null))
      fail(
        "section162m",
        "Section 162(m) (1.162-27(e)(3)(i)(A))",
        "the director is a current employee",
        null,
      );
    if (self.some((e) => e.role === "executive_officer"))
      fail(
        "section162m",
        "Section 162(m) (1.162-27(e)(3)(i)(C))",
        "the director has been an officer of the company",
        null,
      );
    const paid = answers.compensation.filter(
      (c) =>
        c.who === "self" &&
        c.kind !== "director_fees" &&
        c.kind !== "pension" &&
        within(c.receivedOn, taxYear.from, asOf),
    );
    if (paid.length)
      fail(
        "section162m",
        "Section 162(m) (1.162-27(e)(3)(i)(B), (D))",
        `the director received ${formatMoney(sum(paid))} from the company in ${year} other than as a director`,
        taxYear,
      );
  }

  return {
    asOf,
    independent: !findings.some((f) => f.standard === "nyse"),
    nonEmployeeDirector: !findings.some((f) => f.standard === "rule16b3"),
    outsideDirector: !findings.some((f) => f.standard === "section162m"),
    findings,
  };
}

/** Director and committee fees and pension for prior service are not "direct compensation" (303A.02(b)(ii)). */
const EXCLUDED = new Set(["director_fees", "pension"]);
const sum = (items: { amount: string }[]) => items.reduce((a, c) => a + parseMoney(c.amount), 0n);

/** The 12-month window (ending on a payment date) with the most direct compensation in the look-back. */
function worstTwelveMonths(answers: QuestionnaireAnswers, who: "self" | "family", from: string, to: string) {
  const items = answers.compensation.filter(
    (c) => c.who === who && !EXCLUDED.has(c.kind) && within(c.receivedOn, from, to),
  );
  let worst: { total: bigint; start: string; end: string; kinds: string[] } | null = null;
  for (const end of items.map((c) => c.receivedOn)) {
    const start = yearsBefore(end, 1);
    const inWindow = items.filter((c) => c.receivedOn > start && c.receivedOn <= end);
    const total = sum(inWindow);
    if (!worst || total > worst.total)
      worst = { total, start, end, kinds: [...new Set(inWindow.map((c) => c.kind.replace("_", " ")))] };
  }
  return worst;
}

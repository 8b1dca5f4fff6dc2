import { addBusinessDays, addCalendarDays } from "../../kernel/calendar.ts";
import type { Facts } from "./schemas.ts";
import type { Deadline } from "./views.ts";

export type { Deadline } from "./views.ts";

/**
 * Every deadline of the agreement, in business days on the US banking calendar where it says so
 * (ECA-9, ECA-19, ECA-1(ff), ECA-26). Pure: the facts and today in, the dates out.
 */
export function computeDeadlines(facts: Facts, today: string): Deadline[] {
  const out: Deadline[] = [];
  const add = (key: string, rule: string, title: string, date: string | null, basis: string) =>
    out.push({
      key,
      rule,
      title,
      date,
      basis,
      status: date === null ? "waiting" : date < today ? "passed" : "upcoming",
    });
  const s = facts.signingDate ?? null;
  const psa = facts.plansupportReceivedDate ?? null;
  const ds = facts.disclosureStatementOrderDate ?? null;
  const dsOrder = "the Disclosure Statement Order";
  // Counted in business days from an event: waiting until the event has happened.
  const businessDayDeadlines = [
    ["motion", "ECA-9(a)", "Motion for the Equity Commitment Order", s, 3, "signing", "after signing"],
    ["plan", "ECA-9(b)", "Plan and Disclosure Statement filed", s, 2, "signing", "after signing"],
    [
      "psa",
      "ECA-9(c)",
      "Company executes the Plan Support Agreements",
      psa,
      3,
      "receipt",
      "after the signed PSAs are received",
    ],
    [
      "psa-termination",
      "ECA-19(a)(ii)",
      "PSAs entered by the Minimum Backstop Parties, or a right to terminate arises",
      ds,
      4,
      dsOrder,
      `after ${dsOrder}`,
    ],
    [
      "psa-termination-lapse",
      "ECA-19(a)(ii)",
      "The termination right lapses if not exercised",
      ds,
      6,
      dsOrder,
      `after ${dsOrder}`,
    ],
  ] as const;
  for (const [key, rule, title, from, days, event, pending] of businessDayDeadlines)
    add(
      key,
      rule,
      title,
      from && addBusinessDays(from, days),
      from ? `${days} business days after ${event} on ${from}` : pending,
    );
  const eco = facts.equityCommitmentOrderDate ?? null;
  add(
    "antitrust",
    "ECA-9(h)",
    "HSR and antitrust filings",
    eco && addCalendarDays(eco, 30),
    eco ? `30 days after the Equity Commitment Order on ${eco}` : "after the Equity Commitment Order",
  );
  // The agreement's own dates are the offering's record (entered as facts), never a fixed year: an
  // offering of 2026 must not show the Aleris dates of 2010 beside its exercise period.
  const notEntered = "not entered for this offering (Deadlines → dated facts)";
  const orderBy = facts.orderDeadline ?? null;
  add(
    "order",
    "ECA-19(a)(iii)",
    "Equity Commitment Order entered",
    orderBy,
    orderBy ? (eco ? `the agreement's date; entered on ${eco}` : "the agreement's date") : notEntered,
  );
  const finalBy = facts.finalOrderDeadline ?? null;
  add(
    "order-final",
    "ECA-19(a)(iv)",
    "Equity Commitment Order a Final Order",
    finalBy,
    finalBy ? "the agreement's date" : notEntered,
  );
  // ECA-1(ff): the Termination Date, or — if the Confirmation Order is entered by then but not
  // final — the earlier of the extended date and the DIP loans' maturity.
  const td = facts.terminationDate ?? null;
  const co = facts.confirmationOrderDate ?? null;
  const extendedTo = facts.extendedTerminationDate ?? null;
  const extended =
    td !== null && co !== null && co <= td && facts.confirmationOrderFinal !== true && extendedTo !== null;
  const maturity = facts.dipMaturityDate ?? null;
  const extendedDate = extendedTo && maturity && maturity < extendedTo ? maturity : extendedTo;
  add(
    "termination-date",
    "ECA-1(ff)",
    "Termination Date",
    extended ? extendedDate : td,
    td === null
      ? notEntered
      : extended
        ? `extended: the Confirmation Order was entered on ${co} but is not final, so the earlier of ${extendedTo} and the DIP maturity${maturity ? ` (${maturity})` : ""}`
        : `the agreement's date${extendedTo ? `; extended to the earlier of ${extendedTo} and the DIP maturity if the Confirmation Order is entered by then but not final` : ""}`,
  );
  const eff = facts.expectedEffectiveDate ?? null;
  add(
    "effective-notice",
    "ECA-9(g)",
    "Notice of the Effective Date to the investors",
    eff && addCalendarDays(eff, -14),
    eff ? `at least 14 days before the expected Effective Date ${eff}` : "before the Effective Date",
  );
  add(
    "apollo-withdrawal",
    "ECA-26",
    "Last day for Apollo to withdraw its commitment",
    eff && addCalendarDays(eff, -10),
    eff ? `10 days before the expected Effective Date ${eff}` : "before the Effective Date",
  );
  const start = facts.apolloHsrFilingDate ?? s;
  add(
    "apollo-70",
    "ECA-26",
    facts.apolloCleared
      ? "Apollo's regulatory clock (cleared)"
      : "Apollo's 70-day regulatory clock: if not cleared, Apollo's commitment is deemed withdrawn and Oaktree assumes it",
    start ? addCalendarDays(start, 70) : null,
    start
      ? `70 days after ${facts.apolloHsrFilingDate ? `the HSR filing for Apollo on ${start}` : `the agreement's date ${start}`}`
      : "after the HSR filing for Apollo",
  );
  return out;
}

/** Termination events of ECA-19 and whether each owes the Termination Fee (ECA-2(d), ECA-19(c), 19(d)). */
export const TERMINATION_EVENTS: { code: string; label: string; feeOwed: boolean | "19(d)" }[] = [
  { code: "19(a)(i)", label: "Mutual consent of the Requisite Investors and the Company", feeOwed: false },
  {
    code: "19(a)(ii)",
    label: "No Plan Support Agreements within 4 business days of the Disclosure Statement Order",
    feeOwed: "19(d)",
  },
  { code: "19(a)(iii)", label: "No Equity Commitment Order by April 1, 2010", feeOwed: false },
  { code: "19(a)(iv)", label: "Equity Commitment Order not final by April 15, 2010", feeOwed: false },
  {
    code: "19(a)(v)",
    label: "The Bankruptcy Court will not approve the agreement or a provision",
    feeOwed: false,
  },
  { code: "19(a)(vi)", label: "The Termination Date", feeOwed: false },
  {
    code: "19(b)(i)",
    label: "A Plan Support Agreement is terminated (by the Requisite Investors)",
    feeOwed: false,
  },
  { code: "19(b)(ii)", label: "The Company's material breach (by the Requisite Investors)", feeOwed: true },
  {
    code: "19(b)(iii)",
    label: "A condition became incapable of being satisfied and was not waived",
    feeOwed: false,
  },
  {
    code: "19(b)(iv)",
    label: "The Company supports another plan (by the Requisite Investors)",
    feeOwed: true,
  },
  { code: "19(b)(v)", label: "The Company withdraws the Plan (by the Requisite Investors)", feeOwed: true },
  { code: "19(b)(vi)", label: "A Superior Proposal (by the Requisite Investors)", feeOwed: true },
  { code: "19(c)(i)", label: "A Plan Support Agreement is terminated (by the Company)", feeOwed: false },
  { code: "19(c)(ii)", label: "The Investors' material breach (by the Company)", feeOwed: false },
  {
    code: "19(c)(iii)",
    label: "The Company supports another plan (by the Company; fee paid first)",
    feeOwed: true,
  },
  {
    code: "19(c)(iv)",
    label: "The Company withdraws the Plan (by the Company; fee paid first)",
    feeOwed: true,
  },
  { code: "19(c)(v)", label: "A Superior Proposal (by the Company; fee paid first)", feeOwed: true },
];

/** ECA-2(d), ECA-19(d): is the Termination Fee owed for this event? */
export function terminationFeeOwed(
  event: string,
  minimumBackstopPartiesReady: boolean,
  dsOrderEntered: boolean,
): boolean {
  const e = TERMINATION_EVENTS.find((t) => t.code === event);
  if (!e) return false;
  if (e.feeOwed === "19(d)") return minimumBackstopPartiesReady && dsOrderEntered;
  return e.feeOwed;
}

/** ECA-9(g): the Fridays of the exercise period and each of the last 5 business days before it expires. */
export function progressReportReason(date: string, start: string, end: string): string | null {
  if (date < start || date > end) return null;
  const lastFive =
    date >= addBusinessDays(end, -5) && date < end && addBusinessDays(addBusinessDays(date, -1), 1) === date;
  if (lastFive) return "one of the last 5 business days before the exercise period ends (ECA-9(g))";
  if (new Date(`${date}T00:00:00Z`).getUTCDay() === 5) return "a Friday of the exercise period (ECA-9(g))";
  return null;
}

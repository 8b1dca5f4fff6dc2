import type { Ctx } from "../../kernel/context.ts";
import { notFound } from "../../kernel/errors.ts";
import { committeesDb } from "./db.ts";
import { dutyCalendar } from "./duty-calendar.ts";
import { loadCommittee, membersOf, servesOn, standingOf, today } from "./load.ts";
import { can } from "./policy.ts";
import type { ProxyReportView } from "./views.ts";

/**
 * The draft compensation committee report for the proxy statement (CC-22, Regulation S-K Item
 * 407(e)(5)), produced from the year's records: the members who served, meetings held, and whether
 * the review of the CD&A is on record.
 */
export async function proxyReport(ctx: Ctx, committeeId: string, year: number): Promise<ProxyReportView> {
  const committee = await loadCommittee(ctx, committeeId);
  if (!can(ctx.actor, "committee.read", await standingOf(ctx, committeeId))) throw notFound("The committee");
  const all = await membersOf(ctx, committeeId);
  const asOf = today(ctx);
  const signing = all.filter((m) => servesOn(m, asOf));
  const during = all.filter(
    (m) => m.startDate <= `${year}-12-31` && (m.endDate === null || m.endDate >= `${year}-01-01`),
  );
  const meetings = await committeesDb(ctx)
    .selectFrom("committee_meetings")
    .select(["kind", "status"])
    .where("committee_id", "=", committeeId)
    .where("status", "=", "adjourned")
    .where("starts_at", ">=", `${year}-01-01`)
    .where("starts_at", "<", `${year + 1}-01-01`)
    .execute();
  const consents = await committeesDb(ctx)
    .selectFrom("written_consents")
    .select("id")
    .where("committee_id", "=", committeeId)
    .where("status", "=", "effective")
    .where("effective_at", ">=", `${year}-01-01`)
    .where("effective_at", "<", `${year + 1}-01-01`)
    .execute();
  const calendar = await dutyCalendar(ctx, committeeId, year, asOf);
  const names = (ms: typeof all) => ms.map((m) => `${m.name}${m.isChair ? ", Chair" : ""}`);
  const text = [
    `${committee.name.toUpperCase()} REPORT`,
    "",
    `The ${committee.name} has reviewed and discussed the Compensation Discussion and Analysis required by Item 402(b) of Regulation S-K with management and, based on such review and discussion, the ${committee.name} recommended to the Board of Directors that the Compensation Discussion and Analysis be included in the proxy statement.`,
    "",
    `Submitted by the ${committee.name} of the Board of Directors:`,
    ...names(signing),
  ].join("\n");
  return {
    year,
    draft: true,
    text,
    members: names(signing),
    membersDuringYear: names(during),
    meetingsHeld: {
      regular: meetings.filter((m) => m.kind === "regular").length,
      special: meetings.filter((m) => m.kind === "special").length,
    },
    writtenConsents: consents.length,
    duties: calendar.totals,
    cdaReviewOnRecord: calendar.duties.some((d) => d.key === "proxy_report" && d.status === "done"),
  };
}

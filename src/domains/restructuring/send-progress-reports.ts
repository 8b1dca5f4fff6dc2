// The progress reports of ECA-9(g): on schedule (caught up when the job missed a day) and on request.
import { record } from "../../kernel/audit.ts";
import { addBusinessDays, addCalendarDays } from "../../kernel/calendar.ts";
import { isoNow, isoToday } from "../../kernel/clock.ts";
import { type Ctx, systemActor, withTransaction } from "../../kernel/context.ts";
import { conflict } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { queueMail } from "../../kernel/mail.ts";
import { col, int, rxDb } from "./db.ts";
import { progressReportReason } from "./deadlines.ts";
import { loadOffering } from "./offerings.ts";
import { authorize } from "./policy.ts";
import type { ProgressReportKind } from "./tables.ts";
import type { ProgressReportView } from "./views.ts";

/** A missed scheduled report is caught up for this many business days after the period ends. */
const CATCH_UP_BUSINESS_DAYS = 5;

/** Every date of the exercise period up to `through` that owes a report (ECA-9(g)). */
export function dueReportDates(start: string, end: string, through: string): string[] {
  const out: string[] = [];
  for (let d = start; d <= end && d <= through; d = addCalendarDays(d, 1))
    if (progressReportReason(d, start, end)) out.push(d);
  return out;
}

type Offering = { id: string; name: string };

/** Writes one report, mails it to the investors' users and audits it, in the caller's transaction. */
async function sendReport(
  tx: Ctx,
  o: Offering,
  report: { date: string; kind: ProgressReportKind; reason: string; asOf: string },
): Promise<ProgressReportView> {
  const t = rxDb(tx);
  const s = await t
    .selectFrom("rx_holders")
    .select((eb) => [
      eb.fn
        .sum<string | number | null>(
          eb
            .case()
            // A scheduled report counts to the close of the preceding day; one on request, to now.
            .when("elected_at", report.kind === "on-request" ? "<=" : "<", report.asOf)
            .then(eb.ref("exercised"))
            .else(0)
            .end(),
        )
        .as("exercised"),
      eb.fn.sum<string | number | null>("rights").as("rights"),
    ])
    .where("offering_id", "=", o.id)
    .executeTakeFirstOrThrow();
  const id = newId();
  const now = isoNow(tx.clock);
  await t
    .insertInto("rx_progress_reports")
    .values({
      id,
      offering_id: o.id,
      report_date: report.date,
      kind: report.kind,
      reason: report.reason,
      rights_exercised: col(int(s.exercised)),
      rights_total: col(int(s.rights)),
      sent_at: now,
    })
    .execute();
  const users = await t
    .selectFrom("rx_investor_users as u")
    .innerJoin("rx_investors as i", "i.id", "u.investor_id")
    .innerJoin("users", "users.id", "u.user_id")
    .select("users.email")
    .where("i.offering_id", "=", o.id)
    .execute();
  const asOf =
    report.kind === "on-request"
      ? `As of ${now.slice(0, 16).replace("T", " ")} UTC`
      : "As of the close of business on the preceding day";
  for (const u of users)
    await queueMail(tx, {
      to: u.email,
      subject: `Rights exercised: ${o.name} (${report.date})`,
      text: `${asOf}, ${int(s.exercised).toLocaleString("en-US")} of ${int(s.rights).toLocaleString("en-US")} rights had been exercised in ${o.name}. Sent on ${report.reason}.`,
    });
  await record(
    tx,
    report.kind === "on-request" ? "progress.request" : "progress.report",
    { type: "offering", id: o.id },
    {
      date: report.date,
      kind: report.kind,
      exercised: int(s.exercised),
      late: now.slice(0, 10) > report.date,
    },
  );
  return {
    id,
    reportDate: report.date,
    kind: report.kind,
    reason: report.reason,
    rightsExercised: int(s.exercised),
    rightsTotal: int(s.rights),
    sentAt: now,
    status: report.kind === "on-request" ? "on request" : now.slice(0, 10) > report.date ? "late" : "on time",
  };
}

/**
 * The `restructuring.progress` job (ECA-9(g)): on each Friday of the exercise period and each of
 * its last 5 business days, tells the investors how many rights had been exercised by the close of
 * the preceding day. Once per offering and date, however often the job runs; a date the job missed
 * (the server was down, the offering was created late) is caught up, marked late, up to 5 business
 * days after the period ends; older misses are shown as missed in the list.
 */
export async function sendProgressReports(ctx: Ctx): Promise<number> {
  const date = isoToday(ctx.clock);
  const db = rxDb(ctx);
  const offerings = await db
    .selectFrom("rx_offerings")
    .select(["id", "name", "exercise_start", "exercise_end"])
    .where("exercise_start", "<=", date)
    .execute();
  let sent = 0;
  for (const o of offerings) {
    if (addBusinessDays(o.exercise_end, CATCH_UP_BUSINESS_DAYS) < date) continue;
    const due = dueReportDates(o.exercise_start, o.exercise_end, date);
    if (due.length === 0) continue;
    await withTransaction({ ...ctx, actor: systemActor("progress reports") }, async (tx) => {
      const done = new Set(
        (
          await rxDb(tx)
            .selectFrom("rx_progress_reports")
            .select("report_date")
            .where("offering_id", "=", o.id)
            .where("kind", "=", "scheduled")
            .execute()
        ).map((r) => r.report_date),
      );
      for (const d of due) {
        if (done.has(d)) continue;
        const reason = progressReportReason(d, o.exercise_start, o.exercise_end)!;
        await sendReport(tx, o, {
          date: d,
          kind: "scheduled",
          reason: d < date ? `${reason}; missed on ${d} and caught up on ${date}` : reason,
          asOf: `${d}T00:00:00.000Z`,
        });
        sent += 1;
      }
    });
  }
  return sent;
}

/** A report sent now at an investor's request (ECA-9(g)), with the elections as they stand. */
export async function requestProgressReport(
  ctx: Ctx,
  offeringId: string,
  input: { requestedBy: string },
): Promise<ProgressReportView> {
  authorize(ctx.actor, "progress.request");
  return withTransaction(ctx, async (tx) => {
    const o = await loadOffering(tx, offeringId);
    const date = isoToday(tx.clock);
    const done = await rxDb(tx)
      .selectFrom("rx_progress_reports")
      .select("sent_at")
      .where("offering_id", "=", offeringId)
      .where("kind", "=", "on-request")
      .where("report_date", "=", date)
      .executeTakeFirst();
    if (done)
      throw conflict(
        `A report on request was already sent today at ${done.sent_at.slice(11, 16)} UTC (ECA-9(g)); one a day.`,
      );
    return sendReport(tx, o, {
      date,
      kind: "on-request",
      reason: `the request of ${input.requestedBy} (ECA-9(g))`,
      asOf: isoNow(tx.clock),
    });
  });
}

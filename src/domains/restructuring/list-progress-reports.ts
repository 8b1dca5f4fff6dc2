import { isoToday } from "../../kernel/clock.ts";
import type { Ctx } from "../../kernel/context.ts";
import { int, rxDb } from "./db.ts";
import { progressReportReason } from "./deadlines.ts";
import { readable } from "./oversight.ts";
import { dueReportDates } from "./send-progress-reports.ts";
import type { ProgressReportView } from "./views.ts";

/**
 * The reports sent, newest first, with each date of the exercise period that owed a report and
 * has none listed as missed (ECA-9(g)): nothing is left unsaid because the job only looks at today.
 */
export async function listProgressReports(ctx: Ctx, offeringId: string): Promise<ProgressReportView[]> {
  const o = await readable(ctx, offeringId);
  const rows = await rxDb(ctx)
    .selectFrom("rx_progress_reports")
    .selectAll()
    .where("offering_id", "=", offeringId)
    .execute();
  const sent: ProgressReportView[] = rows.map((r) => ({
    id: r.id,
    reportDate: r.report_date,
    kind: r.kind,
    reason: r.reason,
    rightsExercised: int(r.rights_exercised),
    rightsTotal: int(r.rights_total),
    sentAt: r.sent_at,
    status:
      r.kind === "on-request" ? "on request" : r.sent_at.slice(0, 10) > r.report_date ? "late" : "on time",
  }));
  const scheduled = new Set(rows.filter((r) => r.kind === "scheduled").map((r) => r.report_date));
  const today = isoToday(ctx.clock);
  // Today's report is not missed yet: the job sends it during the day.
  const missed: ProgressReportView[] = dueReportDates(o.exercise_start, o.exercise_end, today)
    .filter((d) => d < today && !scheduled.has(d))
    .map((d) => ({
      id: `missed-${d}`,
      reportDate: d,
      kind: "scheduled",
      reason: `${progressReportReason(d, o.exercise_start, o.exercise_end)}: NOT SENT`,
      rightsExercised: 0,
      rightsTotal: 0,
      sentAt: null,
      status: "missed",
    }));
  return [...sent, ...missed].sort(
    (a, b) => b.reportDate.localeCompare(a.reportDate) || (b.sentAt ?? "").localeCompare(a.sentAt ?? ""),
  );
}

import type { Ctx } from "../../kernel/context.ts";
import { int, rxDb } from "./db.ts";
import { readable } from "./oversight.ts";
import type { ProgressReportView } from "./views.ts";

export async function listProgressReports(ctx: Ctx, offeringId: string): Promise<ProgressReportView[]> {
  await readable(ctx, offeringId);
  const rows = await rxDb(ctx)
    .selectFrom("rx_progress_reports")
    .selectAll()
    .where("offering_id", "=", offeringId)
    .orderBy("report_date", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    reportDate: r.report_date,
    reason: r.reason,
    rightsExercised: int(r.rights_exercised),
    rightsTotal: int(r.rights_total),
    sentAt: r.sent_at,
  }));
}

import { record } from "../../kernel/audit.ts";
import { type Ctx, hasPermission, withTransaction } from "../../kernel/context.ts";
import { forbidden } from "../../kernel/errors.ts";
import { renderPdf } from "../../kernel/pdf.ts";
import { getOrganisation } from "../people/index.ts";
import { speakupDb } from "./db.ts";
import { clocksOf } from "./list-cases.ts";
import { visibleTo } from "./policy.ts";
import { getStats, periodOf } from "./stats.ts";
import { categoryLabel, TEAM_LABELS } from "./vocabulary.ts";

const pct = (v: number | null) => (v === null ? "fewer than 5" : `${Math.round(v * 100)}%`);
const num = (v: number | null) => (v === null ? "fewer than 5" : String(v));

/**
 * The Audit Committee's quarterly speak-up report (SOC-4): statistics with small counts withheld,
 * and the cases routed to the Committee, by number and category only.
 */
export async function quarterlyReportPdf(ctx: Ctx, quarter: string): Promise<Buffer> {
  if (!hasPermission(ctx.actor, "speakup.stats"))
    throw forbidden("You may not produce the Audit Committee report (speakup.stats).");
  const period = periodOf({ quarter }, "");
  const stats = await getStats(ctx, { quarter });
  const org = await getOrganisation(ctx);
  const now = ctx.clock.now().toISOString();
  const cases = await speakupDb(ctx)
    .selectFrom("speakup_cases as c")
    .where(visibleTo(ctx))
    .where("c.team", "=", "audit_committee")
    .where("c.received_at", "<=", `${period.to}T23:59:59.999Z`)
    .where((eb) =>
      eb.or([eb("c.closed_at", "is", null), eb("c.closed_at", ">=", `${period.from}T00:00:00.000Z`)]),
    )
    .select([
      "c.number",
      "c.category",
      "c.status",
      "c.outcome",
      "c.received_at",
      "c.acknowledged_at",
      "c.ack_due_at",
      "c.feedback_given_at",
      "c.feedback_due_at",
    ])
    .orderBy("c.received_at")
    .execute();
  const doc = {
    info: { title: `Speak-up report to the Audit Committee, ${quarter}` },
    defaultStyle: { fontSize: 10 },
    pageMargins: [50, 60, 50, 60],
    footer: (page: number, pages: number) => ({
      text: `Confidential: for the Audit Committee. Page ${page} of ${pages}`,
      alignment: "center",
      fontSize: 8,
      margin: [0, 20, 0, 0],
    }),
    content: [
      { text: org.name, fontSize: 11, color: "#555" },
      {
        text: `Speak-up report to the Audit Committee: ${quarter}`,
        fontSize: 18,
        bold: true,
        margin: [0, 4, 0, 2],
      },
      {
        text: `${period.from} to ${period.to}. Produced ${now.slice(0, 16).replace("T", " ")} UTC. Counts under ${stats.minCell} are withheld so no one can be singled out.`,
        fontSize: 9,
        color: "#555",
        margin: [0, 0, 0, 12],
      },
      { text: "Summary", fontSize: 13, bold: true, margin: [0, 6, 0, 4] },
      {
        table: {
          widths: ["*", 110, 110],
          body: [
            [
              { text: "Measure", bold: true },
              { text: "This quarter", bold: true },
              { text: "NAVEX 2024", bold: true },
            ],
            ["Reports received", num(stats.totals.reports), "—"],
            [
              "Reports per 100 employees (annualised)",
              stats.totals.reportsPer100Employees === null
                ? "fewer than 5 reports"
                : String(stats.totals.reportsPer100Employees),
              String(stats.benchmark.reportsPer100Employees),
            ],
            ["Anonymous reports", pct(stats.totals.anonymousShare), pct(stats.benchmark.anonymousShare)],
            [
              "Substantiated (fully or partly)",
              pct(stats.totals.substantiatedShare),
              pct(stats.benchmark.substantiatedShare),
            ],
            [
              "Median days to close",
              stats.totals.medianDaysToClose === null
                ? "fewer than 5 closed"
                : String(Math.round(stats.totals.medianDaysToClose)),
              String(stats.benchmark.medianDaysToClose),
            ],
          ],
        },
        layout: "lightHorizontalLines",
      },
      { text: "Reports by category", fontSize: 13, bold: true, margin: [0, 14, 0, 4] },
      {
        table: {
          widths: ["*", 110],
          body: [
            [
              { text: "Category", bold: true },
              { text: "Reports", bold: true },
            ],
            ...stats.byCategory.filter((c) => c.count !== 0).map((c) => [c.label, num(c.count)]),
          ],
        },
        layout: "lightHorizontalLines",
      },
      {
        text: `Cases routed to the ${TEAM_LABELS.audit_committee} (SOC-4)`,
        fontSize: 13,
        bold: true,
        margin: [0, 14, 0, 4],
      },
      cases.length === 0
        ? { text: "No cases were with the Audit Committee this quarter.", italics: true }
        : {
            table: {
              widths: [80, "*", 70, 80, 70],
              body: [
                ["Case", "Category", "Received", "Status", "Deadlines"].map((t) => ({ text: t, bold: true })),
                ...cases.map((c) => {
                  const clocks = Object.values(clocksOf(c, now));
                  return [
                    c.number,
                    categoryLabel(c.category),
                    c.received_at.slice(0, 10),
                    c.outcome ? `${c.status} (${c.outcome.replace("_", " ")})` : c.status,
                    clocks.includes("missed") ? "missed" : clocks.includes("overdue") ? "overdue" : "on time",
                  ];
                }),
              ],
            },
            layout: "lightHorizontalLines",
          },
    ],
  };
  const buffer = await renderPdf(doc);
  await withTransaction(ctx, (tx) =>
    record(tx, "speakup.report.quarterly", { type: "speakup_report", id: quarter }, { cases: cases.length }),
  );
  return buffer;
}

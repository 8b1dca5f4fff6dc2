import type { Ctx } from "../../kernel/context.ts";
import { renderPdf } from "../../kernel/pdf.ts";
import { styles } from "./documents.ts";
import { proxyReport } from "./proxy-report.ts";

export async function proxyReportPdf(ctx: Ctx, committeeId: string, year: number): Promise<Buffer> {
  const r = await proxyReport(ctx, committeeId, year);
  return renderPdf({
    info: { title: `Compensation committee report ${year}` },
    content: [
      { text: "DRAFT for the proxy statement (CC-22)", color: "#b00", bold: true, margin: [0, 0, 0, 10] },
      { text: r.text },
      { text: `Records of ${year}`, style: "h2" },
      {
        ul: [
          `Regular meetings held: ${r.meetingsHeld.regular}; special meetings: ${r.meetingsHeld.special}; unanimous written consents: ${r.writtenConsents}.`,
          `Members during the year: ${r.membersDuringYear.join("; ") || "none"}.`,
          `Yearly duties: ${r.duties.done} done, ${r.duties.due} due, ${r.duties.overdue} overdue.`,
          r.cdaReviewOnRecord
            ? "The review of the CD&A is on record."
            : "The review of the CD&A is not yet on record: link its evidence to the duty before filing.",
        ],
      },
    ],
    styles,
  });
}

import type { Ctx } from "../../kernel/context.ts";
import { renderPdf } from "../../kernel/pdf.ts";
import { header, styles } from "./documents.ts";
import { getMeeting } from "./meeting-view.ts";

/** The meeting book: notice, agenda and materials as the reader may see them (privileged marked, CC-21). */
export async function meetingBookPdf(ctx: Ctx, meetingId: string): Promise<Buffer> {
  const m = await getMeeting(ctx, meetingId);
  const content: object[] = [
    ...header(
      `${m.committee.name}: meeting book`,
      `${m.title} — ${new Date(m.startsAt).toUTCString()} (${m.kind})`,
    ),
    { text: "Members", style: "h2" },
    { ul: m.members.map((x) => `${x.name}${x.isChair ? " (Chair)" : ""}`) },
    { text: "Agenda", style: "h2" },
    {
      ol: m.agenda.map((i) => ({
        text: [
          { text: i.title, bold: true },
          i.isPrivileged ? { text: "  PRIVILEGED", color: "#b00" } : "",
          i.description ? `\n${i.description}` : "",
        ],
      })),
    },
  ];
  for (const mat of m.materials) {
    content.push({
      text: `${mat.title}${mat.isPrivileged ? " — PRIVILEGED AND CONFIDENTIAL (CC-21)" : ""}`,
      style: "h2",
      pageBreak: "before",
    });
    content.push({ text: mat.body });
  }
  return renderPdf({ info: { title: `${m.committee.name} meeting book` }, content, styles });
}

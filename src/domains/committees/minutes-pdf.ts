import type { Ctx } from "../../kernel/context.ts";
import { conflict, notFound } from "../../kernel/errors.ts";
import { renderPdf } from "../../kernel/pdf.ts";
import { header, styles } from "./documents.ts";
import { getMeeting } from "./meeting-view.ts";

/** The approved minutes, with their approval, signature and hash (CC-6). */
export async function minutesPdf(ctx: Ctx, meetingId: string): Promise<Buffer> {
  const m = await getMeeting(ctx, meetingId);
  const n = m.minutes;
  if (!n) throw notFound("The minutes");
  if (n.status === "draft" || n.status === "circulated")
    throw conflict("CC-6: only minutes approved by the committee are exported.");
  const content = [
    ...header(`${m.committee.name}: approved minutes`, `${m.title} — ${new Date(m.startsAt).toUTCString()}`),
    { text: n.body, margin: [0, 0, 0, 16] },
    {
      text: `Approved by the committee on ${n.approvedAt?.slice(0, 10)} (version ${n.version}).`,
      italics: true,
    },
    ...(n.signedBy
      ? [
          {
            text: `Signed by the Chair (${n.signedBy}) on ${n.lockedAt?.slice(0, 10)}; SHA-256 ${n.contentHash}.`,
            italics: true,
          },
        ]
      : []),
    ...(n.filedAt
      ? [
          {
            text: `Filed with the Corporate Secretary on ${n.filedAt.slice(0, 10)} (${n.filedBy}).`,
            italics: true,
          },
        ]
      : []),
  ];
  return renderPdf({
    info: { title: `${m.committee.name} minutes ${m.startsAt.slice(0, 10)}` },
    content,
    styles,
  });
}

import type { Ctx } from "../../kernel/context.ts";
import { committeesDb } from "./db.ts";
import { getMeeting } from "./meeting-view.ts";

/** RFC 5545 text: escape, then fold lines at 75 octets with CRLF. */
const esc = (s: string) =>
  s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
const stamp = (iso: string) => iso.replace(/[-:]/g, "").replace(/\.\d{3}/, "");
function fold(line: string): string {
  const bytes = Buffer.from(line, "utf8");
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = "";
  for (const ch of line) {
    if (Buffer.byteLength(current + ch) > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = "";
    }
    current += ch;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

/** The meeting invitation as iCalendar (RFC 5545), one VEVENT with each member as attendee. */
export async function meetingIcs(ctx: Ctx, meetingId: string): Promise<string> {
  const m = await getMeeting(ctx, meetingId);
  const emails = await committeesDb(ctx)
    .selectFrom("persons")
    .select(["id", "email"])
    .where("id", "in", m.members.map((x) => x.personId).concat(""))
    .execute();
  const end = new Date(Date.parse(m.startsAt) + m.durationMinutes * 60_000).toISOString();
  const where = m.mode === "telephone" ? "Conference telephone call" : (m.location ?? "In person");
  const agenda = m.agenda.map((i) => `${i.position}. ${i.title}`).join("\n");
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Probity//Committees//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:${m.id}@probity`,
    `DTSTAMP:${stamp(ctx.clock.now().toISOString())}`,
    `DTSTART:${stamp(m.startsAt)}`,
    `DTEND:${stamp(end)}`,
    `SUMMARY:${esc(`${m.committee.name}: ${m.title}`)}`,
    `LOCATION:${esc(where)}`,
    `DESCRIPTION:${esc(`${m.kind === "special" ? "Special" : "Regular"} meeting.${agenda ? `\nAgenda:\n${agenda}` : ""}`)}`,
    `STATUS:${m.status === "cancelled" ? "CANCELLED" : "CONFIRMED"}`,
    ...m.members
      .map((x) => ({ ...x, email: emails.find((e) => e.id === x.personId)?.email }))
      .filter((x) => x.email)
      .map(
        (x) => `ATTENDEE;CN=${esc(x.name)};ROLE=${x.isChair ? "CHAIR" : "REQ-PARTICIPANT"}:mailto:${x.email}`,
      ),
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return `${lines.map(fold).join("\r\n")}\r\n`;
}

import type { Ctx } from "../../kernel/context.ts";
import { conflict, notFound } from "../../kernel/errors.ts";
import { renderPdf } from "../../kernel/pdf.ts";
import { committeesDb } from "./db.ts";
import { dutyCalendar } from "./duties.ts";
import { loadCommittee, membersOf, servesOn, standingOf, today } from "./load.ts";
import { getMeeting } from "./meeting-view.ts";
import { can } from "./policy.ts";
import type { ProxyReportView } from "./views.ts";

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

const header = (title: string, subtitle: string) => [
  { text: title, style: "title" },
  { text: subtitle, color: "#555", margin: [0, 0, 0, 12] },
];
const styles = {
  title: { fontSize: 16, bold: true },
  h2: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
};

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

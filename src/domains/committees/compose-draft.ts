import type { Ctx } from "../../kernel/context.ts";
import { committeesDb } from "./db.ts";
import { type MeetingContext, recusalsOf } from "./meetings.ts";

/** The first draft, written from the record: attendance, the agenda and each item's resolutions. */
export async function composeDraft(ctx: Ctx, mc: MeetingContext): Promise<string> {
  const db = committeesDb(ctx);
  const { meeting, committee } = mc;
  const attendance = await db
    .selectFrom("meeting_attendance")
    .selectAll()
    .where("meeting_id", "=", meeting.id)
    .orderBy("arrived_at")
    .execute();
  const items = await db
    .selectFrom("meeting_agenda_items")
    .selectAll()
    .where("meeting_id", "=", meeting.id)
    .orderBy("position")
    .execute();
  const resolutions = await db
    .selectFrom("committee_resolutions")
    .selectAll()
    .where("meeting_id", "=", meeting.id)
    .orderBy("adopted_at")
    .execute();
  const recusals = await recusalsOf(ctx, items);
  const names = new Map(attendance.map((a) => [a.person_id ?? a.id, a.name]));
  for (const m of mc.members) names.set(m.personId, m.name);
  const unique = (xs: string[]) => [...new Set(xs)];
  const who = (capacity: string) =>
    unique(
      attendance
        .filter((a) => a.capacity === capacity)
        .map((a) => `${a.name}${a.mode === "telephone" ? " (by telephone)" : ""}`),
    );
  const members = who("member");
  const lines = [
    `MINUTES OF THE ${meeting.kind.toUpperCase()} MEETING OF THE ${committee.name.toUpperCase()}`,
    `${new Date(meeting.starts_at).toUTCString()} — ${meeting.mode === "telephone" ? "by conference telephone call" : meeting.mode === "hybrid" ? "in person and by conference telephone call" : `in person${meeting.location ? `, ${meeting.location}` : ""}`}`,
    "",
    `Members present: ${members.join(", ") || "none recorded"}.`,
    `Members absent: ${
      mc.members
        .filter((m) => !attendance.some((a) => a.person_id === m.personId))
        .map((m) => m.name)
        .join(", ") || "none"
    }.`,
    ...(who("consultant").length ? [`Consultants attending: ${who("consultant").join(", ")}.`] : []),
    ...(who("counsel").length ? [`Counsel attending: ${who("counsel").join(", ")}.`] : []),
    ...(who("management").length ? [`Also attending: ${who("management").join(", ")}.`] : []),
    `A quorum of ${committee.quorum} members ${members.length >= committee.quorum ? "was" : "was not"} present (CC-8).`,
    "",
  ];
  for (const item of items) {
    lines.push(
      `${item.position}. ${item.title}${item.is_privileged ? " [PRIVILEGED AND CONFIDENTIAL — attorney-client communication (CC-21)]" : ""}`,
    );
    if (item.description) lines.push(item.description);
    for (const r of recusals.filter((x) => x.agenda_item_id === item.id))
      lines.push(`${names.get(r.person_id) ?? "A member"} was recused from this item: ${r.reason}.`);
    for (const r of resolutions.filter((x) => x.agenda_item_id === item.id))
      lines.push(
        `RESOLVED: ${r.text} (${r.outcome}: ${r.votes_for} for, ${r.votes_against} against, ${r.abstentions} abstaining, of ${r.members_present} members eligible).`,
      );
    lines.push("");
  }
  lines.push("There being no further business, the meeting was adjourned.");
  return lines.join("\n");
}

import type { Ctx } from "../../kernel/context.ts";
import { committeesDb } from "./db.ts";
import { type MeetingContext, recusalsOf } from "./meetings.ts";
import type { QuorumView } from "./views.ts";

/** The quorum for one agenda item (its shape is `itemQuorumView` in views.ts). */
export type ItemQuorum = QuorumView["items"][number];
export type Quorum = QuorumView;

/**
 * The live quorum (CC-8): members of the committee serving on the meeting's day who are present
 * now. For each agenda item a recused member, or the member whose pay it concerns, does not count.
 */
export async function quorumOf(ctx: Ctx, mc: MeetingContext): Promise<Quorum> {
  const db = committeesDb(ctx);
  const attendance = await db
    .selectFrom("meeting_attendance")
    .select(["person_id", "name", "mode", "capacity"])
    .where("meeting_id", "=", mc.meeting.id)
    .where("left_at", "is", null)
    .execute();
  const memberIds = new Set(mc.members.map((m) => m.personId));
  const present = attendance
    .filter((a) => a.capacity === "member" && a.person_id && memberIds.has(a.person_id))
    .map((a) => ({ personId: a.person_id!, name: a.name, mode: a.mode }));
  const inRoom = new Set(attendance.map((a) => a.person_id).filter(Boolean));
  const items = await db
    .selectFrom("meeting_agenda_items")
    .select(["id", "concerns_person_id"])
    .where("meeting_id", "=", mc.meeting.id)
    .orderBy("position")
    .execute();
  const recusals = await recusalsOf(ctx, items);
  const required = mc.committee.quorum;
  const nameOf = (id: string) => mc.members.find((m) => m.personId === id)?.name ?? id;
  return {
    required,
    present,
    hasQuorum: present.length >= required,
    items: items.map((item) => {
      const out = recusals.filter((r) => r.agenda_item_id === item.id);
      const outIds = new Set(out.map((r) => r.person_id));
      if (item.concerns_person_id) outIds.add(item.concerns_person_id);
      const eligible = present
        .filter((p) => !outIds.has(p.personId))
        .map(({ personId, name }) => ({ personId, name }));
      return {
        agendaItemId: item.id,
        eligible,
        recused: out.map((r) => ({ personId: r.person_id, name: nameOf(r.person_id), reason: r.reason })),
        required,
        hasQuorum: eligible.length >= required,
        concernedPresent:
          item.concerns_person_id && inRoom.has(item.concerns_person_id) ? item.concerns_person_id : null,
      };
    }),
  };
}

import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict, invalid, notFound } from "../../kernel/errors.ts";
import { committeesDb } from "./db.ts";
import { loadMeetingToRecord } from "./meetings.ts";
import { quorumOf } from "./quorum.ts";
import type { QuorumView } from "./views.ts";

/** A member with a conflict on an item is recused from it and does not count towards its quorum (CC-8). */
export async function recuse(
  ctx: Ctx,
  meetingId: string,
  itemId: string,
  input: { personId: string; reason: string },
): Promise<QuorumView> {
  return withTransaction(ctx, async (tx) => {
    const mc = await loadMeetingToRecord(tx, meetingId);
    const db = committeesDb(tx);
    const item = await db
      .selectFrom("meeting_agenda_items")
      .select("id")
      .where("id", "=", itemId)
      .where("meeting_id", "=", meetingId)
      .executeTakeFirst();
    if (!item) throw notFound("The agenda item");
    if (!mc.members.some((m) => m.personId === input.personId))
      throw invalid("Only a serving member is recused.", [
        { path: "personId", message: "is not a serving member" },
      ]);
    const exists = await db
      .selectFrom("agenda_item_recusals")
      .select("person_id")
      .where("agenda_item_id", "=", itemId)
      .where("person_id", "=", input.personId)
      .executeTakeFirst();
    if (exists) throw conflict("This member is already recused from the item.");
    await db
      .insertInto("agenda_item_recusals")
      .values({
        agenda_item_id: itemId,
        person_id: input.personId,
        reason: input.reason,
        recorded_at: isoNow(tx.clock),
      })
      .execute();
    await record(
      tx,
      "meeting.recuse",
      { type: "meeting", id: meetingId },
      { agendaItemId: itemId, personId: input.personId, reason: input.reason },
    );
    return quorumOf(tx, mc);
  });
}

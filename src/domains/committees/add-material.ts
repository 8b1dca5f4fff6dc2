import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { invalid } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { committeesDb } from "./db.ts";
import { loadMeeting } from "./meetings.ts";
import { authorize } from "./policy.ts";
import type { MaterialAddedView } from "./views.ts";

/** Materials for the meeting; privileged ones (legal advice, CC-21) stay with the committee and counsel. */
export async function addMaterial(
  ctx: Ctx,
  meetingId: string,
  input: { title: string; body: string; agendaItemId?: string | null | undefined; isPrivileged: boolean },
): Promise<MaterialAddedView> {
  return withTransaction(ctx, async (tx) => {
    const { meeting, standing } = await loadMeeting(tx, meetingId);
    authorize(tx.actor, "meeting.materials", standing);
    let privileged = input.isPrivileged;
    if (input.agendaItemId) {
      const item = await committeesDb(tx)
        .selectFrom("meeting_agenda_items")
        .select(["id", "is_privileged"])
        .where("id", "=", input.agendaItemId)
        .where("meeting_id", "=", meeting.id)
        .executeTakeFirst();
      if (!item)
        throw invalid("The agenda item is not on this meeting's agenda.", [
          { path: "agendaItemId", message: "is not on the agenda" },
        ]);
      privileged ||= item.is_privileged === 1;
    }
    const id = newId();
    await committeesDb(tx)
      .insertInto("meeting_materials")
      .values({
        id,
        meeting_id: meeting.id,
        agenda_item_id: input.agendaItemId ?? null,
        title: input.title,
        body: input.body,
        is_privileged: privileged ? 1 : 0,
        created_by: tx.actor.label,
        created_at: isoNow(tx.clock),
      })
      .execute();
    await record(
      tx,
      "meeting.materials",
      { type: "meeting", id: meeting.id },
      { materialId: id, isPrivileged: privileged },
    );
    return { id, isPrivileged: privileged };
  });
}

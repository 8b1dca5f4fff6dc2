import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { newId } from "../../kernel/ids.ts";
import { committeesDb } from "./db.ts";
import { assertOpen, loadMeeting } from "./meetings.ts";
import { authorize } from "./policy.ts";
import type { AgendaItemInput } from "./schemas.ts";
import type { AgendaAddedView } from "./views.ts";

async function nextPosition(ctx: Ctx, meetingId: string) {
  const last = await committeesDb(ctx)
    .selectFrom("meeting_agenda_items")
    .select("position")
    .where("meeting_id", "=", meetingId)
    .orderBy("position", "desc")
    .executeTakeFirst();
  return (last?.position ?? 0) + 1;
}

/** The Chair prepares the agenda (CC-23): items are appended in order. */
export async function addAgendaItems(
  ctx: Ctx,
  meetingId: string,
  items: AgendaItemInput[],
): Promise<AgendaAddedView> {
  return withTransaction(ctx, async (tx) => {
    const { meeting, standing } = await loadMeeting(tx, meetingId);
    authorize(tx.actor, "meeting.agenda", standing);
    assertOpen(meeting);
    let position = await nextPosition(tx, meetingId);
    const ids: string[] = [];
    for (const item of items) {
      const id = newId();
      ids.push(id);
      await committeesDb(tx)
        .insertInto("meeting_agenda_items")
        .values({
          id,
          meeting_id: meetingId,
          position: position++,
          title: item.title,
          description: item.description ?? null,
          is_privileged: item.isPrivileged ? 1 : 0,
          duty_key: item.dutyKey ?? null,
          concerns_person_id: item.concernsPersonId ?? null,
          created_at: isoNow(tx.clock),
        })
        .execute();
    }
    await record(
      tx,
      "meeting.agenda",
      { type: "meeting", id: meetingId },
      {
        items: items.map((i) => ({
          title: i.isPrivileged ? "[privileged]" : i.title,
          dutyKey: i.dutyKey ?? null,
        })),
      },
    );
    return { ids };
  });
}

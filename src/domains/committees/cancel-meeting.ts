import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict } from "../../kernel/errors.ts";
import { committeesDb } from "./db.ts";
import { loadMeeting } from "./meetings.ts";
import { authorize } from "./policy.ts";
import type { MeetingCancelledView } from "./views.ts";

export async function cancelMeeting(ctx: Ctx, meetingId: string): Promise<MeetingCancelledView> {
  return withTransaction(ctx, async (tx) => {
    const { meeting, standing } = await loadMeeting(tx, meetingId);
    authorize(tx.actor, "meeting.schedule", standing);
    if (meeting.status !== "scheduled")
      throw conflict("Only a meeting that has not started can be cancelled.");
    await committeesDb(tx)
      .updateTable("committee_meetings")
      .set({ status: "cancelled", updated_at: isoNow(tx.clock) })
      .where("id", "=", meeting.id)
      .execute();
    await record(tx, "meeting.cancel", { type: "meeting", id: meeting.id });
    return { id: meeting.id, status: "cancelled" as const };
  });
}

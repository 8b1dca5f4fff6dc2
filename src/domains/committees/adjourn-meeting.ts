import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict } from "../../kernel/errors.ts";
import { committeesDb } from "./db.ts";
import { loadMeeting } from "./meetings.ts";
import { authorize } from "./policy.ts";
import type { MeetingAdjournedView } from "./views.ts";

/** Closes the meeting: everyone still present leaves; a regular meeting held counts towards CC-4. */
export async function adjournMeeting(ctx: Ctx, meetingId: string): Promise<MeetingAdjournedView> {
  return withTransaction(ctx, async (tx) => {
    const mc = await loadMeeting(tx, meetingId);
    authorize(tx.actor, "meeting.record", mc.standing);
    if (mc.meeting.status !== "in_session")
      throw conflict("Only a meeting in session can be adjourned (record who attends first).");
    const now = isoNow(tx.clock);
    const db = committeesDb(tx);
    await db
      .updateTable("meeting_attendance")
      .set({ left_at: now })
      .where("meeting_id", "=", meetingId)
      .where("left_at", "is", null)
      .execute();
    await db
      .updateTable("committee_meetings")
      .set({ status: "adjourned", closed_at: now, updated_at: now })
      .where("id", "=", meetingId)
      .execute();
    await record(tx, "meeting.adjourn", { type: "meeting", id: meetingId });
    return { id: meetingId, status: "adjourned" as const };
  });
}

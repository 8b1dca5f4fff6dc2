import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict, notFound } from "../../kernel/errors.ts";
import { committeesDb } from "./db.ts";
import { loadMeetingToRecord } from "./meetings.ts";
import { quorumOf } from "./quorum.ts";
import type { QuorumView } from "./views.ts";

export async function recordDeparture(
  ctx: Ctx,
  meetingId: string,
  attendanceId: string,
): Promise<QuorumView> {
  return withTransaction(ctx, async (tx) => {
    const mc = await loadMeetingToRecord(tx, meetingId);
    const db = committeesDb(tx);
    const row = await db
      .selectFrom("meeting_attendance")
      .selectAll()
      .where("id", "=", attendanceId)
      .where("meeting_id", "=", meetingId)
      .executeTakeFirst();
    if (!row) throw notFound("The attendance record");
    if (row.left_at) throw conflict(`${row.name} has already left.`);
    await db
      .updateTable("meeting_attendance")
      .set({ left_at: isoNow(tx.clock) })
      .where("id", "=", attendanceId)
      .execute();
    await record(
      tx,
      "meeting.leave",
      { type: "meeting", id: meetingId },
      { personId: row.person_id, name: row.name },
    );
    return quorumOf(tx, mc);
  });
}

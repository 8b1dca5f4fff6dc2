import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict, invalid } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { assertAdviserMayAdvise } from "./advisers.ts";
import { committeesDb } from "./db.ts";
import { personName } from "./load.ts";
import { loadMeeting, loadMeetingToRecord, meetingDay } from "./meetings.ts";
import { quorumOf } from "./quorum.ts";
import type { AttendanceInput } from "./schemas.ts";
import type { QuorumView } from "./views.ts";

/**
 * Records someone joining the meeting, in person or by telephone (CC-5). Members count towards
 * the quorum; consultants attend only if retained by the committee with a current Rule 10C-1
 * assessment (CC-9, CC-16).
 */
export async function recordArrival(
  ctx: Ctx,
  meetingId: string,
  input: AttendanceInput,
): Promise<QuorumView> {
  return withTransaction(ctx, async (tx) => {
    const mc = await loadMeetingToRecord(tx, meetingId);
    const db = committeesDb(tx);
    let name = input.name ?? null;
    if (input.capacity === "member") {
      const m = mc.members.find((x) => x.personId === input.personId);
      if (!m)
        throw invalid(
          `Only a member serving on ${meetingDay(mc.meeting)} attends as a member (CC-8 counts members).`,
          [{ path: "personId", message: "is not a serving member" }],
        );
      name = m.name;
    } else if (input.capacity === "consultant") {
      if (!input.adviserId)
        throw invalid("CC-9: a consultant attends as an adviser retained by the committee.", [
          { path: "adviserId", message: "is required" },
        ]);
      const adviser = await assertAdviserMayAdvise(
        tx,
        mc.committee.id,
        input.adviserId,
        meetingDay(mc.meeting),
      );
      name = `${adviser.name} (${adviser.firm})`;
    } else if (input.personId) {
      name = await personName(tx, input.personId);
    }
    if (!name) throw invalid("Name the person attending.", [{ path: "name", message: "is required" }]);
    const present = await db
      .selectFrom("meeting_attendance")
      .select("id")
      .where("meeting_id", "=", meetingId)
      .where("left_at", "is", null)
      .where((eb) =>
        input.personId
          ? eb("person_id", "=", input.personId)
          : input.adviserId
            ? eb("adviser_id", "=", input.adviserId)
            : eb("name", "=", name!),
      )
      .executeTakeFirst();
    if (present) throw conflict(`${name} is already recorded as present.`);
    const now = isoNow(tx.clock);
    await db
      .insertInto("meeting_attendance")
      .values({
        id: newId(),
        meeting_id: meetingId,
        person_id: input.personId ?? null,
        adviser_id: input.adviserId ?? null,
        name,
        capacity: input.capacity,
        mode: input.mode,
        arrived_at: now,
        left_at: null,
      })
      .execute();
    if (mc.meeting.status === "scheduled")
      await db
        .updateTable("committee_meetings")
        .set({ status: "in_session", opened_at: now, updated_at: now })
        .where("id", "=", meetingId)
        .execute();
    await record(
      tx,
      "meeting.attend",
      { type: "meeting", id: meetingId },
      {
        personId: input.personId ?? null,
        adviserId: input.adviserId ?? null,
        capacity: input.capacity,
        mode: input.mode,
      },
    );
    return quorumOf(tx, await loadMeeting(tx, meetingId));
  });
}

import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict, invalid, notFound } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { assertAdviserMayAdvise } from "./advisers.ts";
import { committeesDb } from "./db.ts";
import { personName } from "./load.ts";
import { assertOpen, loadMeeting, meetingDay } from "./meetings.ts";
import { authorize } from "./policy.ts";
import { quorumOf } from "./quorum.ts";
import type { AttendanceInput } from "./schemas.ts";
import type { MeetingAdjournedView, QuorumView } from "./views.ts";

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
    const mc = await loadMeeting(tx, meetingId);
    authorize(tx.actor, "meeting.record", mc.standing);
    assertOpen(mc.meeting);
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

export async function recordDeparture(
  ctx: Ctx,
  meetingId: string,
  attendanceId: string,
): Promise<QuorumView> {
  return withTransaction(ctx, async (tx) => {
    const mc = await loadMeeting(tx, meetingId);
    authorize(tx.actor, "meeting.record", mc.standing);
    assertOpen(mc.meeting);
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

/** A member with a conflict on an item is recused from it and does not count towards its quorum (CC-8). */
export async function recuse(
  ctx: Ctx,
  meetingId: string,
  itemId: string,
  input: { personId: string; reason: string },
): Promise<QuorumView> {
  return withTransaction(ctx, async (tx) => {
    const mc = await loadMeeting(tx, meetingId);
    authorize(tx.actor, "meeting.record", mc.standing);
    assertOpen(mc.meeting);
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

import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { forbidden, invalid } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { getBoard } from "./committees.ts";
import { committeesDb } from "./db.ts";
import { currentMembers, loadCommittee, standingOf } from "./load.ts";
import { authorize } from "./policy.ts";
import type { MeetingInput } from "./schemas.ts";
import type { CommitteeMeetingsTable } from "./tables.ts";
import type { MeetingScheduledView } from "./views.ts";

/**
 * Schedules a meeting. Regular meetings are the committee's calendar (CC-4); a special meeting
 * must name who called it: the committee's Chair, the Chairman of the Board or a member (CC-7).
 * Meetings are in person or by conference telephone call (CC-5).
 */
export async function scheduleMeeting(
  ctx: Ctx,
  committeeId: string,
  input: MeetingInput,
): Promise<MeetingScheduledView> {
  return withTransaction(ctx, async (tx) => {
    const committee = await loadCommittee(tx, committeeId);
    authorize(tx.actor, "meeting.schedule", await standingOf(tx, committeeId));
    const day = input.startsAt.slice(0, 10);
    let caller: { personId: string; capacity: string } | null = null;
    if (input.kind === "special") {
      if (!input.calledByPersonId || !input.calledByCapacity)
        throw invalid(
          "CC-7: a special meeting names who called it (the committee's Chair, the Chairman of the Board or a member).",
          [{ path: "calledByPersonId", message: "is required for a special meeting" }],
        );
      const members = await currentMembers(tx, committeeId, day);
      const m = members.find((x) => x.personId === input.calledByPersonId);
      const board = await getBoard(tx);
      const ok =
        input.calledByCapacity === "committee_chair"
          ? !!m?.isChair
          : input.calledByCapacity === "member"
            ? !!m
            : board.chairmanPersonId === input.calledByPersonId;
      if (!ok)
        throw forbidden(
          `CC-7: only the Committee Chairman, the Chairman of the Board or a member of the committee may call a special meeting; this person is not the ${input.calledByCapacity.replace("_", " ")}.`,
        );
      caller = { personId: input.calledByPersonId, capacity: input.calledByCapacity };
    }
    const id = newId();
    const now = isoNow(tx.clock);
    await committeesDb(tx)
      .insertInto("committee_meetings")
      .values({
        id,
        committee_id: committeeId,
        kind: input.kind,
        title: input.title,
        starts_at: new Date(input.startsAt).toISOString(),
        duration_minutes: input.durationMinutes,
        mode: input.mode,
        location: input.location ?? null,
        called_by_person_id: caller?.personId ?? null,
        called_by_capacity: (caller?.capacity as CommitteeMeetingsTable["called_by_capacity"]) ?? null,
        status: "scheduled",
        notice_sent_at: null,
        opened_at: null,
        closed_at: null,
        created_by: tx.actor.label,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await record(
      tx,
      "meeting.schedule",
      { type: "meeting", id },
      {
        committeeId,
        kind: input.kind,
        startsAt: input.startsAt,
        mode: input.mode,
        calledBy: caller,
      },
    );
    return { id, committeeId: committee.id };
  });
}

import type { Ctx } from "../../kernel/context.ts";
import { conflict, notFound } from "../../kernel/errors.ts";
import { committeesDb } from "./db.ts";
import { currentMembers, loadCommittee, type Member, standingOf } from "./load.ts";
import { authorize, can, type Standing } from "./policy.ts";
import type { CommitteeMeetingsTable, CommitteesTable } from "./tables.ts";

export type MeetingContext = {
  meeting: CommitteeMeetingsTable;
  committee: CommitteesTable;
  standing: Standing;
  /** The members serving on the meeting's day. */
  members: Member[];
};

export const meetingDay = (m: { starts_at: string }) => m.starts_at.slice(0, 10);

/** Loads a meeting with its committee, checking that the actor may read it. */
export async function loadMeeting(ctx: Ctx, meetingId: string): Promise<MeetingContext> {
  const meeting = await committeesDb(ctx)
    .selectFrom("committee_meetings")
    .selectAll()
    .where("id", "=", meetingId)
    .executeTakeFirst();
  if (!meeting) throw notFound("The meeting");
  const committee = await loadCommittee(ctx, meeting.committee_id);
  const standing = await standingOf(ctx, committee.id);
  if (!can(ctx.actor, "committee.read", standing)) throw notFound("The meeting");
  return {
    meeting,
    committee,
    standing,
    members: await currentMembers(ctx, committee.id, meetingDay(meeting)),
  };
}

export function assertOpen(meeting: CommitteeMeetingsTable) {
  if (meeting.status === "adjourned") throw conflict("The meeting has been adjourned; its record is closed.");
  if (meeting.status === "cancelled") throw conflict("The meeting was cancelled.");
}

/** A meeting in session whose attendance and recusals the actor may record (meeting.record). */
export async function loadMeetingToRecord(ctx: Ctx, meetingId: string): Promise<MeetingContext> {
  const mc = await loadMeeting(ctx, meetingId);
  authorize(ctx.actor, "meeting.record", mc.standing);
  assertOpen(mc.meeting);
  return mc;
}

/** The recusals recorded on these agenda items (none asked, none read). */
export async function recusalsOf(ctx: Ctx, items: { id: string }[]) {
  if (!items.length) return [];
  return committeesDb(ctx)
    .selectFrom("agenda_item_recusals")
    .selectAll()
    .where(
      "agenda_item_id",
      "in",
      items.map((i) => i.id),
    )
    .execute();
}

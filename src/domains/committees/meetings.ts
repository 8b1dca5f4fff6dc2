import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict, forbidden, invalid, notFound } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { queueMail } from "../../kernel/mail.ts";
import { getBoard } from "./committees.ts";
import { committeesDb } from "./db.ts";
import { currentMembers, loadCommittee, type Member, standingOf } from "./load.ts";
import { authorize, can, type Standing } from "./policy.ts";
import type { AgendaItemInput, MeetingInput } from "./schemas.ts";
import type { CommitteeMeetingsTable, CommitteesTable } from "./tables.ts";
import type {
  AgendaAddedView,
  MaterialAddedView,
  MeetingCancelledView,
  MeetingList,
  MeetingScheduledView,
  NoticeSentView,
} from "./views.ts";

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

/** Sends the notice of meeting to each serving member, with the link to its invitation (.ics). */
export async function sendNotice(ctx: Ctx, meetingId: string): Promise<NoticeSentView> {
  return withTransaction(ctx, async (tx) => {
    const { meeting, committee, standing, members } = await loadMeeting(tx, meetingId);
    authorize(tx.actor, "meeting.schedule", standing);
    assertOpen(meeting);
    const when = new Date(meeting.starts_at).toUTCString();
    let sent = 0;
    for (const m of members) {
      if (!m.email) continue;
      await queueMail(tx, {
        to: m.email,
        subject: `Notice of ${meeting.kind} meeting: ${committee.name}, ${when}`,
        text: [
          `Dear ${m.name},`,
          "",
          `A ${meeting.kind} meeting of the ${committee.name} is called for ${when} (${meeting.duration_minutes} minutes), ${meeting.mode === "telephone" ? "by conference telephone call" : `in person${meeting.location ? ` at ${meeting.location}` : ""}`}.`,
          `Agenda and materials: /committees/meetings/${meeting.id}`,
          `Calendar invitation: /api/committees/meetings/${meeting.id}/invite.ics`,
        ].join("\n"),
      });
      sent += 1;
    }
    await committeesDb(tx)
      .updateTable("committee_meetings")
      .set({ notice_sent_at: isoNow(tx.clock), updated_at: isoNow(tx.clock) })
      .where("id", "=", meeting.id)
      .execute();
    await record(tx, "meeting.notice", { type: "meeting", id: meeting.id }, { recipients: sent });
    return { sent };
  });
}

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

export async function listMeetings(ctx: Ctx, committeeId: string): Promise<MeetingList> {
  await loadCommittee(ctx, committeeId);
  if (!can(ctx.actor, "committee.read", await standingOf(ctx, committeeId))) throw notFound("The committee");
  const rows = await committeesDb(ctx)
    .selectFrom("committee_meetings as m")
    .leftJoin("meeting_minutes as n", "n.meeting_id", "m.id")
    .select(["m.id", "m.kind", "m.title", "m.starts_at", "m.mode", "m.status", "n.status as minutes_status"])
    .where("m.committee_id", "=", committeeId)
    .orderBy("m.starts_at", "desc")
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      startsAt: r.starts_at,
      mode: r.mode,
      status: r.status,
      minutesStatus: r.minutes_status ?? null,
    })),
  };
}

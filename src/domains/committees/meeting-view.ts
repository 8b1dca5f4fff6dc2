import type { Ctx } from "../../kernel/context.ts";
import { committeesDb } from "./db.ts";
import { dutyTemplates } from "./duties.ts";
import { getAdvisers } from "./get-advisers.ts";
import { getMinutes, minutesActions } from "./get-minutes.ts";
import { resolutionFields } from "./get-resolution.ts";
import { loadMeeting } from "./meetings.ts";
import { can } from "./policy.ts";
import { quorumOf } from "./quorum.ts";
import type { MeetingView } from "./views.ts";

const WITHHELD = "Privileged and confidential: withheld (communication with counsel, CC-21).";

/**
 * A meeting as the current user may see it: agenda, materials (privileged items withheld unless the
 * user is a member, the Secretary or counsel, CC-21), attendance, the live quorum, resolutions,
 * minutes and what the user may do.
 */
export async function getMeeting(ctx: Ctx, meetingId: string): Promise<MeetingView> {
  const mc = await loadMeeting(ctx, meetingId);
  const db = committeesDb(ctx);
  const privileged = can(ctx.actor, "privileged.read", mc.standing);
  const items = await db
    .selectFrom("meeting_agenda_items")
    .selectAll()
    .where("meeting_id", "=", meetingId)
    .orderBy("position")
    .execute();
  const materials = await db
    .selectFrom("meeting_materials")
    .selectAll()
    .where("meeting_id", "=", meetingId)
    .orderBy("created_at")
    .execute();
  const attendance = await db
    .selectFrom("meeting_attendance")
    .selectAll()
    .where("meeting_id", "=", meetingId)
    .orderBy("arrived_at")
    .execute();
  const resolutions = await db
    .selectFrom("committee_resolutions")
    .selectAll()
    .where("meeting_id", "=", meetingId)
    .orderBy("adopted_at")
    .execute();
  const people = await db
    .selectFrom("persons")
    .select(["id", "first_name", "last_name"])
    .where("id", "in", [
      ...items.map((i) => i.concerns_person_id ?? ""),
      mc.meeting.called_by_person_id ?? "",
    ])
    .execute();
  const nameOf = (id: string | null) => {
    const p = people.find((x) => x.id === id);
    return p ? `${p.first_name} ${p.last_name}` : null;
  };
  const quorum = await quorumOf(ctx, mc);
  const advisers = (await getAdvisers(ctx, mc.committee.id)).items.filter((a) => a.status === "retained");
  const { meeting, committee } = mc;
  const open = meeting.status === "scheduled" || meeting.status === "in_session";
  return {
    id: meeting.id,
    committee: { id: committee.id, name: committee.name, quorum: committee.quorum },
    kind: meeting.kind,
    title: meeting.title,
    startsAt: meeting.starts_at,
    durationMinutes: meeting.duration_minutes,
    mode: meeting.mode,
    location: meeting.location,
    calledBy: meeting.called_by_person_id
      ? {
          personId: meeting.called_by_person_id,
          name: nameOf(meeting.called_by_person_id),
          capacity: meeting.called_by_capacity,
        }
      : null,
    status: meeting.status,
    noticeSentAt: meeting.notice_sent_at,
    members: mc.members.map((m) => ({ personId: m.personId, name: m.name, isChair: m.isChair })),
    agenda: items.map((i) => {
      const hidden = i.is_privileged === 1 && !privileged;
      return {
        id: i.id,
        position: i.position,
        title: hidden ? "Privileged item" : i.title,
        description: hidden ? WITHHELD : i.description,
        isPrivileged: i.is_privileged === 1,
        dutyKey: i.duty_key,
        concerns: i.concerns_person_id
          ? { personId: i.concerns_person_id, name: nameOf(i.concerns_person_id) }
          : null,
        quorum: quorum.items.find((q) => q.agendaItemId === i.id)!,
      };
    }),
    materials: materials.map((m) => {
      const hidden = m.is_privileged === 1 && !privileged;
      return {
        id: m.id,
        agendaItemId: m.agenda_item_id,
        title: hidden ? "Privileged material" : m.title,
        body: hidden ? WITHHELD : m.body,
        isPrivileged: m.is_privileged === 1,
        isWithheld: hidden,
        createdAt: m.created_at,
      };
    }),
    attendance: attendance.map((a) => ({
      id: a.id,
      personId: a.person_id,
      adviserId: a.adviser_id,
      name: a.name,
      capacity: a.capacity,
      mode: a.mode,
      arrivedAt: a.arrived_at,
      leftAt: a.left_at,
    })),
    quorum: { required: quorum.required, present: quorum.present, hasQuorum: quorum.hasQuorum },
    resolutions: resolutions.map(resolutionFields),
    minutes: await getMinutes(ctx, meetingId),
    advisers: advisers.map((a) => ({
      id: a.id,
      name: a.name,
      firm: a.firm,
      assessmentCurrent: a.assessmentCurrent,
    })),
    duties: dutyTemplates(committee.kind).map((d) => ({ key: d.key, title: d.title, rule: d.rule })),
    can: {
      agenda: open && can(ctx.actor, "meeting.agenda", mc.standing),
      record: open && can(ctx.actor, "meeting.record", mc.standing),
      materials: can(ctx.actor, "meeting.materials", mc.standing),
      schedule: can(ctx.actor, "meeting.schedule", mc.standing),
      approveMinutesElsewhere: can(ctx.actor, "meeting.record", mc.standing),
      seePrivileged: privileged,
      minutes: minutesActions(ctx, mc),
    },
  };
}

import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict, invalid, notFound } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { committeesDb } from "./db.ts";
import { linkDutyEvidence } from "./duties.ts";
import { sha256 } from "./load.ts";
import { loadMeeting, type MeetingContext, meetingDay } from "./meetings.ts";
import { authorize, can } from "./policy.ts";
import { voteOnItem } from "./resolutions.ts";
import type { Vote } from "./tables.ts";
import type { MinutesApprovalView, MinutesVersionView, MinutesView } from "./views.ts";

export type Minutes = MinutesView;

async function load(ctx: Ctx, meetingId: string): Promise<Minutes | null> {
  const db = committeesDb(ctx);
  const m = await db
    .selectFrom("meeting_minutes")
    .selectAll()
    .where("meeting_id", "=", meetingId)
    .executeTakeFirst();
  if (!m) return null;
  const versions = await db
    .selectFrom("meeting_minutes_versions")
    .select(["version", "note", "created_by", "created_at"])
    .where("minutes_id", "=", m.id)
    .orderBy("version", "desc")
    .execute();
  return {
    id: m.id,
    meetingId,
    status: m.status,
    version: m.version,
    body: m.body,
    circulatedAt: m.circulated_at,
    approvedAt: m.approved_at,
    approvedAtMeetingId: m.approved_at_meeting_id,
    approvalResolutionId: m.approval_resolution_id,
    lockedAt: m.locked_at,
    contentHash: m.content_hash,
    signedBy: m.signed_by,
    filedAt: m.filed_at,
    filedBy: m.filed_by,
    versions: versions.map((v) => ({
      version: v.version,
      note: v.note,
      createdBy: v.created_by,
      createdAt: v.created_at,
    })),
  };
}

export async function getMinutes(ctx: Ctx, meetingId: string) {
  await loadMeeting(ctx, meetingId);
  return load(ctx, meetingId);
}

export async function getMinutesVersion(
  ctx: Ctx,
  meetingId: string,
  version: number,
): Promise<MinutesVersionView> {
  const m = await getMinutes(ctx, meetingId);
  if (!m) throw notFound("The minutes");
  const v = await committeesDb(ctx)
    .selectFrom("meeting_minutes_versions")
    .selectAll()
    .where("minutes_id", "=", m.id)
    .where("version", "=", version)
    .executeTakeFirst();
  if (!v) throw notFound(`Version ${version} of the minutes`);
  return { version: v.version, body: v.body, note: v.note, createdBy: v.created_by, createdAt: v.created_at };
}

/** The first draft, written from the record: attendance, the agenda and each item's resolutions. */
export async function composeDraft(ctx: Ctx, mc: MeetingContext): Promise<string> {
  const db = committeesDb(ctx);
  const { meeting, committee } = mc;
  const attendance = await db
    .selectFrom("meeting_attendance")
    .selectAll()
    .where("meeting_id", "=", meeting.id)
    .orderBy("arrived_at")
    .execute();
  const items = await db
    .selectFrom("meeting_agenda_items")
    .selectAll()
    .where("meeting_id", "=", meeting.id)
    .orderBy("position")
    .execute();
  const resolutions = await db
    .selectFrom("committee_resolutions")
    .selectAll()
    .where("meeting_id", "=", meeting.id)
    .orderBy("adopted_at")
    .execute();
  const recusals = items.length
    ? await db
        .selectFrom("agenda_item_recusals")
        .selectAll()
        .where(
          "agenda_item_id",
          "in",
          items.map((i) => i.id),
        )
        .execute()
    : [];
  const names = new Map(attendance.map((a) => [a.person_id ?? a.id, a.name]));
  for (const m of mc.members) names.set(m.personId, m.name);
  const unique = (xs: string[]) => [...new Set(xs)];
  const who = (capacity: string) =>
    unique(
      attendance
        .filter((a) => a.capacity === capacity)
        .map((a) => `${a.name}${a.mode === "telephone" ? " (by telephone)" : ""}`),
    );
  const members = who("member");
  const lines = [
    `MINUTES OF THE ${meeting.kind.toUpperCase()} MEETING OF THE ${committee.name.toUpperCase()}`,
    `${new Date(meeting.starts_at).toUTCString()} — ${meeting.mode === "telephone" ? "by conference telephone call" : meeting.mode === "hybrid" ? "in person and by conference telephone call" : `in person${meeting.location ? `, ${meeting.location}` : ""}`}`,
    "",
    `Members present: ${members.join(", ") || "none recorded"}.`,
    `Members absent: ${
      mc.members
        .filter((m) => !attendance.some((a) => a.person_id === m.personId))
        .map((m) => m.name)
        .join(", ") || "none"
    }.`,
    ...(who("consultant").length ? [`Consultants attending: ${who("consultant").join(", ")}.`] : []),
    ...(who("counsel").length ? [`Counsel attending: ${who("counsel").join(", ")}.`] : []),
    ...(who("management").length ? [`Also attending: ${who("management").join(", ")}.`] : []),
    `A quorum of ${committee.quorum} members ${members.length >= committee.quorum ? "was" : "was not"} present (CC-8).`,
    "",
  ];
  for (const item of items) {
    lines.push(
      `${item.position}. ${item.title}${item.is_privileged ? " [PRIVILEGED AND CONFIDENTIAL — attorney-client communication (CC-21)]" : ""}`,
    );
    if (item.description) lines.push(item.description);
    for (const r of recusals.filter((x) => x.agenda_item_id === item.id))
      lines.push(`${names.get(r.person_id) ?? "A member"} was recused from this item: ${r.reason}.`);
    for (const r of resolutions.filter((x) => x.agenda_item_id === item.id))
      lines.push(
        `RESOLVED: ${r.text} (${r.outcome}: ${r.votes_for} for, ${r.votes_against} against, ${r.abstentions} abstaining, of ${r.members_present} members eligible).`,
      );
    lines.push("");
  }
  lines.push("There being no further business, the meeting was adjourned.");
  return lines.join("\n");
}

/** Minutes are prepared for each meeting (CC-6): drafted from the agenda, then edited in versions. */
export async function draftMinutes(ctx: Ctx, meetingId: string): Promise<MinutesView> {
  return withTransaction(ctx, async (tx) => {
    const mc = await loadMeeting(tx, meetingId);
    authorize(tx.actor, "minutes.edit", mc.standing);
    if (await load(tx, meetingId))
      throw conflict("Minutes of this meeting already exist; edit them instead.");
    const body = await composeDraft(tx, mc);
    const id = newId();
    const now = isoNow(tx.clock);
    await committeesDb(tx)
      .insertInto("meeting_minutes")
      .values({
        id,
        meeting_id: meetingId,
        status: "draft",
        version: 1,
        body,
        circulated_at: null,
        approved_at: null,
        approved_at_meeting_id: null,
        approval_resolution_id: null,
        locked_at: null,
        content_hash: null,
        signed_by: null,
        filed_at: null,
        filed_by: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await committeesDb(tx)
      .insertInto("meeting_minutes_versions")
      .values({
        minutes_id: id,
        version: 1,
        body,
        note: "Drafted from the agenda and the record",
        created_by: tx.actor.label,
        created_at: now,
      })
      .execute();
    await record(tx, "minutes.draft", { type: "meeting", id: meetingId }, { minutesId: id });
    return (await load(tx, meetingId))!;
  });
}

async function mustLoad(ctx: Ctx, meetingId: string) {
  const m = await load(ctx, meetingId);
  if (!m) throw notFound("The minutes");
  return m;
}

/** A new version of draft or circulated minutes; circulated minutes go back to draft. */
export async function editMinutes(
  ctx: Ctx,
  meetingId: string,
  input: { body: string; note?: string | null | undefined },
): Promise<MinutesView> {
  return withTransaction(ctx, async (tx) => {
    const mc = await loadMeeting(tx, meetingId);
    authorize(tx.actor, "minutes.edit", mc.standing);
    const m = await mustLoad(tx, meetingId);
    if (m.status !== "draft" && m.status !== "circulated")
      throw conflict(`The minutes are ${m.status}; approved minutes are not edited (CC-6).`);
    if (m.body === input.body) return m;
    const version = m.version + 1;
    const now = isoNow(tx.clock);
    const db = committeesDb(tx);
    await db
      .updateTable("meeting_minutes")
      .set({ body: input.body, version, status: "draft", circulated_at: null, updated_at: now })
      .where("id", "=", m.id)
      .execute();
    await db
      .insertInto("meeting_minutes_versions")
      .values({
        minutes_id: m.id,
        version,
        body: input.body,
        note: input.note ?? null,
        created_by: tx.actor.label,
        created_at: now,
      })
      .execute();
    await record(tx, "minutes.edit", { type: "meeting", id: meetingId }, { version });
    return mustLoad(tx, meetingId);
  });
}

/** Circulates the draft to the members ahead of their approval. */
export async function circulateMinutes(ctx: Ctx, meetingId: string): Promise<MinutesView> {
  return withTransaction(ctx, async (tx) => {
    const mc = await loadMeeting(tx, meetingId);
    authorize(tx.actor, "minutes.edit", mc.standing);
    const m = await mustLoad(tx, meetingId);
    if (m.status !== "draft") throw conflict(`Only draft minutes are circulated; these are ${m.status}.`);
    if (mc.meeting.status !== "adjourned")
      throw conflict("Minutes are circulated after the meeting is adjourned.");
    await committeesDb(tx)
      .updateTable("meeting_minutes")
      .set({ status: "circulated", circulated_at: isoNow(tx.clock), updated_at: isoNow(tx.clock) })
      .where("id", "=", m.id)
      .execute();
    await record(tx, "minutes.circulate", { type: "meeting", id: meetingId }, { version: m.version });
    return mustLoad(tx, meetingId);
  });
}

/**
 * The committee approves circulated minutes at a later meeting, by a resolution on an agenda item
 * of that meeting, with a quorum (CC-6, CC-8). Approved minutes then satisfy the duties their
 * meeting's agenda items name.
 */
export async function approveMinutes(
  ctx: Ctx,
  meetingId: string,
  input: { atMeetingId: string; agendaItemId?: string | undefined; votes: Record<string, Vote> },
): Promise<MinutesApprovalView> {
  return withTransaction(ctx, async (tx) => {
    const mc = await loadMeeting(tx, meetingId);
    const m = await mustLoad(tx, meetingId);
    if (m.status !== "circulated")
      throw conflict(
        `CC-6: minutes are circulated before the committee approves them; these are ${m.status}.`,
      );
    const at = await loadMeeting(tx, input.atMeetingId);
    authorize(tx.actor, "meeting.record", at.standing);
    if (at.committee.id !== mc.committee.id)
      throw invalid("Minutes are approved by the same committee.", [
        { path: "atMeetingId", message: "is another committee's meeting" },
      ]);
    if (at.meeting.starts_at <= mc.meeting.starts_at)
      throw invalid("CC-6: minutes are approved at a later meeting of the committee.", [
        { path: "atMeetingId", message: "is not a later meeting" },
      ]);
    const day = meetingDay(mc.meeting);
    const title = `Approval of the minutes of the meeting of ${day}`;
    let itemId = input.agendaItemId;
    if (!itemId) {
      const db = committeesDb(tx);
      const existing = await db
        .selectFrom("meeting_agenda_items")
        .select("id")
        .where("meeting_id", "=", at.meeting.id)
        .where("title", "=", title)
        .executeTakeFirst();
      itemId = existing?.id;
      if (!itemId) {
        itemId = newId();
        const last = await db
          .selectFrom("meeting_agenda_items")
          .select("position")
          .where("meeting_id", "=", at.meeting.id)
          .orderBy("position", "desc")
          .executeTakeFirst();
        await db
          .insertInto("meeting_agenda_items")
          .values({
            id: itemId,
            meeting_id: at.meeting.id,
            position: (last?.position ?? 0) + 1,
            title,
            description: null,
            is_privileged: 0,
            duty_key: null,
            concerns_person_id: null,
            created_at: isoNow(tx.clock),
          })
          .execute();
      }
    }
    const resolution = await voteOnItem(
      tx,
      at,
      {
        agendaItemId: itemId,
        title,
        text: `The minutes of the meeting of ${day} (version ${m.version}) are approved as circulated.`,
        votes: input.votes,
      },
      { type: "minutes", id: m.id },
    );
    if (resolution.outcome !== "adopted") return { minutes: m, resolution };
    const now = isoNow(tx.clock);
    await committeesDb(tx)
      .updateTable("meeting_minutes")
      .set({
        status: "approved",
        approved_at: now,
        approved_at_meeting_id: at.meeting.id,
        approval_resolution_id: resolution.id,
        updated_at: now,
      })
      .where("id", "=", m.id)
      .execute();
    await record(
      tx,
      "minutes.approve",
      { type: "meeting", id: meetingId },
      { atMeetingId: at.meeting.id, resolutionId: resolution.id, version: m.version },
    );
    const items = await committeesDb(tx)
      .selectFrom("meeting_agenda_items")
      .select(["duty_key"])
      .where("meeting_id", "=", meetingId)
      .where("duty_key", "is not", null)
      .execute();
    for (const key of new Set(items.map((i) => i.duty_key!)))
      await linkDutyEvidence(tx, mc.committee.id, Number(day.slice(0, 4)), key, {
        kind: "minutes",
        refId: m.id,
        label: `Approved minutes: ${mc.meeting.title} (${day})`,
        url: `/committees/meetings/${meetingId}`,
      });
    return { minutes: await mustLoad(tx, meetingId), resolution };
  });
}

/** The Chair signs the approved minutes: their text is locked under a hash (CC-6, CC-23). */
export async function signMinutes(ctx: Ctx, meetingId: string): Promise<MinutesView> {
  return withTransaction(ctx, async (tx) => {
    const mc = await loadMeeting(tx, meetingId);
    authorize(tx.actor, "minutes.sign", mc.standing);
    const m = await mustLoad(tx, meetingId);
    if (m.status !== "approved")
      throw conflict(`Only approved minutes are signed and locked; these are ${m.status}.`);
    const now = isoNow(tx.clock);
    const hash = sha256(m.body);
    await committeesDb(tx)
      .updateTable("meeting_minutes")
      .set({
        status: "locked",
        locked_at: now,
        content_hash: hash,
        signed_by: tx.actor.label,
        updated_at: now,
      })
      .where("id", "=", m.id)
      .execute();
    await record(
      tx,
      "minutes.sign",
      { type: "meeting", id: meetingId },
      { contentHash: hash, version: m.version },
    );
    return mustLoad(tx, meetingId);
  });
}

/** The signed minutes are given to the Corporate Secretary for the corporate records (CC-6). */
export async function fileMinutes(ctx: Ctx, meetingId: string): Promise<MinutesView> {
  return withTransaction(ctx, async (tx) => {
    const mc = await loadMeeting(tx, meetingId);
    authorize(tx.actor, "minutes.file", mc.standing);
    const m = await mustLoad(tx, meetingId);
    if (m.status !== "locked")
      throw conflict(`Minutes are filed once approved, signed and locked; these are ${m.status}.`);
    if (sha256(m.body) !== m.contentHash)
      throw conflict("The locked minutes no longer match their hash; they cannot be filed.");
    const now = isoNow(tx.clock);
    await committeesDb(tx)
      .updateTable("meeting_minutes")
      .set({ status: "filed", filed_at: now, filed_by: tx.actor.label, updated_at: now })
      .where("id", "=", m.id)
      .execute();
    await record(tx, "minutes.file", { type: "meeting", id: meetingId }, { contentHash: m.contentHash });
    return mustLoad(tx, meetingId);
  });
}

export const minutesActions = (ctx: Ctx, mc: MeetingContext) => ({
  edit: can(ctx.actor, "minutes.edit", mc.standing),
  sign: can(ctx.actor, "minutes.sign", mc.standing),
  file: can(ctx.actor, "minutes.file", mc.standing),
});

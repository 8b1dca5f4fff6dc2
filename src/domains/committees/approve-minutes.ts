import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict, invalid } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { committeesDb } from "./db.ts";
import { linkDutyEvidence } from "./duties.ts";
import { mustLoadMinutes } from "./load-minutes.ts";
import { loadMeeting, meetingDay } from "./meetings.ts";
import { authorize } from "./policy.ts";
import { voteOnItem } from "./resolutions.ts";
import type { Vote } from "./tables.ts";
import type { MinutesApprovalView } from "./views.ts";

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
    const m = await mustLoadMinutes(tx, meetingId);
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
    return { minutes: await mustLoadMinutes(tx, meetingId), resolution };
  });
}

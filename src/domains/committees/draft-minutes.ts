import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { composeDraft } from "./compose-draft.ts";
import { committeesDb } from "./db.ts";
import { loadMinutes } from "./load-minutes.ts";
import { loadMeeting } from "./meetings.ts";
import { authorize } from "./policy.ts";
import type { MinutesView } from "./views.ts";

/** Minutes are prepared for each meeting (CC-6): drafted from the agenda, then edited in versions. */
export async function draftMinutes(ctx: Ctx, meetingId: string): Promise<MinutesView> {
  return withTransaction(ctx, async (tx) => {
    const mc = await loadMeeting(tx, meetingId);
    authorize(tx.actor, "minutes.edit", mc.standing);
    if (await loadMinutes(tx, meetingId))
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
    return (await loadMinutes(tx, meetingId))!;
  });
}

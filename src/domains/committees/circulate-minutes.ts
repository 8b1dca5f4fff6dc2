import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict } from "../../kernel/errors.ts";
import { committeesDb } from "./db.ts";
import { mustLoadMinutes } from "./load-minutes.ts";
import { loadMeeting } from "./meetings.ts";
import { authorize } from "./policy.ts";
import type { MinutesView } from "./views.ts";

/** Circulates the draft to the members ahead of their approval. */
export async function circulateMinutes(ctx: Ctx, meetingId: string): Promise<MinutesView> {
  return withTransaction(ctx, async (tx) => {
    const mc = await loadMeeting(tx, meetingId);
    authorize(tx.actor, "minutes.edit", mc.standing);
    const m = await mustLoadMinutes(tx, meetingId);
    if (m.status !== "draft") throw conflict(`Only draft minutes are circulated; these are ${m.status}.`);
    if (mc.meeting.status !== "adjourned")
      throw conflict("Minutes are circulated after the meeting is adjourned.");
    await committeesDb(tx)
      .updateTable("meeting_minutes")
      .set({ status: "circulated", circulated_at: isoNow(tx.clock), updated_at: isoNow(tx.clock) })
      .where("id", "=", m.id)
      .execute();
    await record(tx, "minutes.circulate", { type: "meeting", id: meetingId }, { version: m.version });
    return mustLoadMinutes(tx, meetingId);
  });
}

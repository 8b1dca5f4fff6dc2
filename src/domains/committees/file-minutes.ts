import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict } from "../../kernel/errors.ts";
import { committeesDb } from "./db.ts";
import { sha256 } from "./load.ts";
import { mustLoadMinutes } from "./load-minutes.ts";
import { loadMeeting } from "./meetings.ts";
import { authorize } from "./policy.ts";
import type { MinutesView } from "./views.ts";

/** The signed minutes are given to the Corporate Secretary for the corporate records (CC-6). */
export async function fileMinutes(ctx: Ctx, meetingId: string): Promise<MinutesView> {
  return withTransaction(ctx, async (tx) => {
    const mc = await loadMeeting(tx, meetingId);
    authorize(tx.actor, "minutes.file", mc.standing);
    const m = await mustLoadMinutes(tx, meetingId);
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
    return mustLoadMinutes(tx, meetingId);
  });
}

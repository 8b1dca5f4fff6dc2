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

/** The Chair signs the approved minutes: their text is locked under a hash (CC-6, CC-23). */
export async function signMinutes(ctx: Ctx, meetingId: string): Promise<MinutesView> {
  return withTransaction(ctx, async (tx) => {
    const mc = await loadMeeting(tx, meetingId);
    authorize(tx.actor, "minutes.sign", mc.standing);
    const m = await mustLoadMinutes(tx, meetingId);
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
    return mustLoadMinutes(tx, meetingId);
  });
}

import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict } from "../../kernel/errors.ts";
import { committeesDb } from "./db.ts";
import { mustLoadMinutes } from "./load-minutes.ts";
import { loadMeeting } from "./meetings.ts";
import { authorize } from "./policy.ts";
import type { MinutesView } from "./views.ts";

/** A new version of draft or circulated minutes; circulated minutes go back to draft. */
export async function editMinutes(
  ctx: Ctx,
  meetingId: string,
  input: { body: string; note?: string | null | undefined },
): Promise<MinutesView> {
  return withTransaction(ctx, async (tx) => {
    const mc = await loadMeeting(tx, meetingId);
    authorize(tx.actor, "minutes.edit", mc.standing);
    const m = await mustLoadMinutes(tx, meetingId);
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
    return mustLoadMinutes(tx, meetingId);
  });
}

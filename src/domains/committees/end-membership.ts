import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict, invalid, notFound } from "../../kernel/errors.ts";
import { raiseAlertTasks } from "./alert-tasks.ts";
import { committeesDb } from "./db.ts";
import { getCommittee } from "./get-committee.ts";
import { loadCommittee } from "./load.ts";
import { authorize } from "./policy.ts";
import type { CommitteeView } from "./views.ts";

/** A member resigns, is removed by the Board or is succeeded; the end date is the last day served. */
export async function endMembership(
  ctx: Ctx,
  committeeId: string,
  memberId: string,
  input: { endDate: string; reason: string },
): Promise<CommitteeView> {
  authorize(ctx.actor, "committee.appoint");
  return withTransaction(ctx, async (tx) => {
    await loadCommittee(tx, committeeId);
    const db = committeesDb(tx);
    const m = await db
      .selectFrom("committee_members")
      .selectAll()
      .where("id", "=", memberId)
      .where("committee_id", "=", committeeId)
      .executeTakeFirst();
    if (!m) throw notFound("The membership");
    if (m.end_date) throw conflict(`This membership already ended on ${m.end_date}.`);
    if (input.endDate < m.start_date)
      throw invalid("The end date is before the appointment started.", [
        { path: "endDate", message: "is before the start date" },
      ]);
    await db
      .updateTable("committee_members")
      .set({ end_date: input.endDate, end_reason: input.reason, updated_at: isoNow(tx.clock) })
      .where("id", "=", memberId)
      .execute();
    await record(
      tx,
      "committee.member.end",
      { type: "committee", id: committeeId },
      {
        memberId,
        personId: m.person_id,
        endDate: input.endDate,
        reason: input.reason,
      },
    );
    await raiseAlertTasks(tx, { committeeId });
    return getCommittee(tx, committeeId);
  });
}

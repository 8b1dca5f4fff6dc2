import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { invalid } from "../../kernel/errors.ts";
import { raiseAlertTasks } from "./alert-tasks.ts";
import { committeesDb } from "./db.ts";
import { getCommittee } from "./get-committee.ts";
import { currentMembers, loadCommittee } from "./load.ts";
import { endChairs } from "./membership.ts";
import { authorize } from "./policy.ts";
import type { CommitteeView } from "./views.ts";

/** The Board designates the Chair among the serving members (CC-3). */
export async function designateChair(
  ctx: Ctx,
  committeeId: string,
  input: { memberId: string; boardMeetingDate: string },
): Promise<CommitteeView> {
  authorize(ctx.actor, "committee.appoint");
  return withTransaction(ctx, async (tx) => {
    await loadCommittee(tx, committeeId);
    const serving = await currentMembers(tx, committeeId);
    const m = serving.find((x) => x.id === input.memberId);
    if (!m)
      throw invalid("CC-3: the Chair is designated among the members now serving.", [
        { path: "memberId", message: "is not a serving member" },
      ]);
    await endChairs(tx, committeeId);
    await committeesDb(tx)
      .updateTable("committee_members")
      .set({ is_chair: 1, updated_at: isoNow(tx.clock) })
      .where("id", "=", m.id)
      .execute();
    await record(
      tx,
      "committee.chair",
      { type: "committee", id: committeeId },
      {
        memberId: m.id,
        personId: m.personId,
        boardMeetingDate: input.boardMeetingDate,
      },
    );
    await raiseAlertTasks(tx, { committeeId });
    return getCommittee(tx, committeeId);
  });
}

import { record } from "../../kernel/audit.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict } from "../../kernel/errors.ts";
import { insertCharter } from "./committees.ts";
import { committeesDb } from "./db.ts";
import { getCommittee } from "./get-committee.ts";
import { loadCommittee, sha256, standingOf } from "./load.ts";
import { authorize } from "./policy.ts";
import type { CommitteeView } from "./views.ts";

/** A new version of the charter as approved by the Board after the yearly review (CC-19); the old one is kept. */
export async function reviseCharter(
  ctx: Ctx,
  committeeId: string,
  input: { body: string; changeNote: string },
): Promise<CommitteeView> {
  return withTransaction(ctx, async (tx) => {
    await loadCommittee(tx, committeeId);
    authorize(tx.actor, "charter.revise", await standingOf(tx, committeeId));
    const db = committeesDb(tx);
    const last = await db
      .selectFrom("committee_charters")
      .select(["id", "number", "content_hash"])
      .where("committee_id", "=", committeeId)
      .orderBy("number", "desc")
      .executeTakeFirstOrThrow();
    if (last.content_hash === sha256(input.body))
      throw conflict("The text is the same as the current charter.");
    await db
      .updateTable("committee_charters")
      .set({ status: "superseded" })
      .where("id", "=", last.id)
      .execute();
    await insertCharter(tx, committeeId, last.number + 1, input.body, input.changeNote);
    await record(
      tx,
      "charter.revise",
      { type: "committee", id: committeeId },
      { number: last.number + 1, changeNote: input.changeNote },
    );
    return getCommittee(tx, committeeId);
  });
}

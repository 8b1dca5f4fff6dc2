import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { newId } from "../../kernel/ids.ts";
import { committeesDb } from "./db.ts";
import { getAdvisers } from "./get-advisers.ts";
import { loadCommittee, standingOf } from "./load.ts";
import { authorize } from "./policy.ts";
import type { AdviserKind } from "./tables.ts";
import type { AdviserListView } from "./views.ts";

export async function proposeAdviser(
  ctx: Ctx,
  committeeId: string,
  input: { name: string; firm: string; kind: AdviserKind; terms?: string | null | undefined },
): Promise<AdviserListView> {
  return withTransaction(ctx, async (tx) => {
    await loadCommittee(tx, committeeId);
    authorize(tx.actor, "adviser.manage", await standingOf(tx, committeeId));
    const id = newId();
    const now = isoNow(tx.clock);
    await committeesDb(tx)
      .insertInto("committee_advisers")
      .values({
        id,
        committee_id: committeeId,
        name: input.name,
        firm: input.firm,
        kind: input.kind,
        status: "proposed",
        terms: input.terms ?? null,
        retained_at: null,
        retained_resolution_id: null,
        terminated_at: null,
        terminated_resolution_id: null,
        created_by: tx.actor.label,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await record(
      tx,
      "adviser.propose",
      { type: "adviser", id },
      { committeeId, name: input.name, firm: input.firm, kind: input.kind },
    );
    return getAdvisers(tx, committeeId);
  });
}

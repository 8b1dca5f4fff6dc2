import type { Updateable } from "kysely";
import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict } from "../../kernel/errors.ts";
import { loadAdviser } from "./advisers.ts";
import { committeesDb } from "./db.ts";
import { getAdvisers } from "./get-advisers.ts";
import { standingOf } from "./load.ts";
import { authorize } from "./policy.ts";
import { adoptedResolution } from "./resolutions.ts";
import type { AdvisersTable } from "./tables.ts";
import type { AdviserListView } from "./views.ts";

type Adviser = Awaited<ReturnType<typeof loadAdviser>>;

/** One change of an adviser's engagement that only the committee makes, by its adopted resolution. */
export type AdviserDecision = {
  action: "adviser.retain" | "adviser.terminate";
  /** Why the adviser's current status forbids the change, or null. */
  refusal: (a: Adviser) => string | null;
  /** Further checks, made once the resolution is known to be adopted. */
  verify?: (tx: Ctx, a: Adviser) => Promise<void>;
  /** The columns the change sets. */
  set: (now: string, resolutionId: string) => Updateable<AdvisersTable>;
};

/**
 * Retains or terminates an adviser (CC-16): under adviser.manage, by one of the committee's adopted
 * resolutions, audited in the same transaction. Returns the committee's advisers.
 */
export async function decideAdviser(
  ctx: Ctx,
  adviserId: string,
  resolutionId: string,
  decision: AdviserDecision,
): Promise<AdviserListView> {
  return withTransaction(ctx, async (tx) => {
    const a = await loadAdviser(tx, adviserId);
    authorize(tx.actor, "adviser.manage", await standingOf(tx, a.committee_id));
    const refusal = decision.refusal(a);
    if (refusal) throw conflict(refusal);
    const r = await adoptedResolution(tx, a.committee_id, resolutionId);
    await decision.verify?.(tx, a);
    await committeesDb(tx)
      .updateTable("committee_advisers")
      .set(decision.set(isoNow(tx.clock), r.id))
      .where("id", "=", adviserId)
      .execute();
    await record(tx, decision.action, { type: "adviser", id: adviserId }, { resolutionId: r.id });
    return getAdvisers(tx, a.committee_id);
  });
}

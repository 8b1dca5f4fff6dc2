import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict } from "../../kernel/errors.ts";
import { currentAssessment, loadAdviser } from "./advisers.ts";
import { committeesDb } from "./db.ts";
import { getAdvisers } from "./get-advisers.ts";
import { standingOf, today } from "./load.ts";
import { authorize } from "./policy.ts";
import { adoptedResolution } from "./resolutions.ts";
import type { AdviserListView } from "./views.ts";

/** Retained by the committee alone, by one of its adopted resolutions, after a current assessment (CC-16). */
export async function retainAdviser(
  ctx: Ctx,
  adviserId: string,
  input: { resolutionId: string },
): Promise<AdviserListView> {
  return withTransaction(ctx, async (tx) => {
    const a = await loadAdviser(tx, adviserId);
    authorize(tx.actor, "adviser.manage", await standingOf(tx, a.committee_id));
    if (a.status === "retained") throw conflict(`${a.name} is already retained.`);
    const r = await adoptedResolution(tx, a.committee_id, input.resolutionId);
    if (!(await currentAssessment(tx, adviserId, today(tx))))
      throw conflict(
        `CC-16: before engaging ${a.name} the committee records its assessment of the six Rule 10C-1 independence factors.`,
      );
    const now = isoNow(tx.clock);
    await committeesDb(tx)
      .updateTable("committee_advisers")
      .set({
        status: "retained",
        retained_at: now,
        retained_resolution_id: r.id,
        terminated_at: null,
        updated_at: now,
      })
      .where("id", "=", adviserId)
      .execute();
    await record(tx, "adviser.retain", { type: "adviser", id: adviserId }, { resolutionId: r.id });
    return getAdvisers(tx, a.committee_id);
  });
}

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
import type { AdviserListView } from "./views.ts";

export async function terminateAdviser(
  ctx: Ctx,
  adviserId: string,
  input: { resolutionId: string },
): Promise<AdviserListView> {
  return withTransaction(ctx, async (tx) => {
    const a = await loadAdviser(tx, adviserId);
    authorize(tx.actor, "adviser.manage", await standingOf(tx, a.committee_id));
    if (a.status !== "retained") throw conflict(`${a.name} is not retained.`);
    const r = await adoptedResolution(tx, a.committee_id, input.resolutionId);
    const now = isoNow(tx.clock);
    await committeesDb(tx)
      .updateTable("committee_advisers")
      .set({ status: "terminated", terminated_at: now, terminated_resolution_id: r.id, updated_at: now })
      .where("id", "=", adviserId)
      .execute();
    await record(tx, "adviser.terminate", { type: "adviser", id: adviserId }, { resolutionId: r.id });
    return getAdvisers(tx, a.committee_id);
  });
}

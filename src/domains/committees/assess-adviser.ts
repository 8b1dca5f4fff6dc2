import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { invalid } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { loadAdviser } from "./advisers.ts";
import { committeesDb } from "./db.ts";
import { getAdvisers } from "./get-advisers.ts";
import { standingOf, today } from "./load.ts";
import { authorize } from "./policy.ts";
import { type AssessmentInput, FACTOR_KEYS } from "./schemas.ts";
import type { AdviserListView } from "./views.ts";

/** The committee records its assessment of the six factors (CC-16); every factor needs a finding. */
export async function assessAdviser(
  ctx: Ctx,
  adviserId: string,
  input: AssessmentInput,
): Promise<AdviserListView> {
  return withTransaction(ctx, async (tx) => {
    const a = await loadAdviser(tx, adviserId);
    authorize(tx.actor, "adviser.manage", await standingOf(tx, a.committee_id));
    if (input.assessedOn > today(tx))
      throw invalid("An assessment cannot be dated in the future.", [
        { path: "assessedOn", message: "is in the future" },
      ]);
    const id = newId();
    await committeesDb(tx)
      .insertInto("adviser_assessments")
      .values({
        id,
        adviser_id: adviserId,
        assessed_on: input.assessedOn,
        factors: JSON.stringify(input.factors),
        conclusion: input.conclusion,
        resolution_id: null,
        assessed_by: tx.actor.label,
        created_at: isoNow(tx.clock),
      })
      .execute();
    const concerns = FACTOR_KEYS.filter((k) => input.factors[k].concern);
    await record(
      tx,
      "adviser.assess",
      { type: "adviser", id: adviserId },
      { assessedOn: input.assessedOn, concerns },
    );
    return getAdvisers(tx, a.committee_id);
  });
}

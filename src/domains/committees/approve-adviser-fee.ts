import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { formatMoney, parseMoney } from "../../kernel/money.ts";
import { loadAdviser } from "./advisers.ts";
import { committeesDb } from "./db.ts";
import { getAdvisers } from "./get-advisers.ts";
import { standingOf } from "./load.ts";
import { authorize } from "./policy.ts";
import { adoptedResolution } from "./resolutions.ts";
import type { AdviserListView } from "./views.ts";

/** Fees are approved by the committee (CC-16): each approval cites an adopted resolution. */
export async function approveAdviserFee(
  ctx: Ctx,
  adviserId: string,
  input: { resolutionId: string; amount: string; description: string },
): Promise<AdviserListView> {
  return withTransaction(ctx, async (tx) => {
    const a = await loadAdviser(tx, adviserId);
    authorize(tx.actor, "adviser.manage", await standingOf(tx, a.committee_id));
    if (a.status === "proposed") throw conflict(`${a.name} is not retained yet.`);
    const r = await adoptedResolution(tx, a.committee_id, input.resolutionId);
    const cents = parseMoney(input.amount);
    await committeesDb(tx)
      .insertInto("adviser_fees")
      .values({
        id: newId(),
        adviser_id: adviserId,
        amount_cents: cents.toString(),
        description: input.description,
        resolution_id: r.id,
        approved_at: isoNow(tx.clock),
      })
      .execute();
    await record(
      tx,
      "adviser.fee",
      { type: "adviser", id: adviserId },
      { amount: formatMoney(cents), resolutionId: r.id },
    );
    return getAdvisers(tx, a.committee_id);
  });
}

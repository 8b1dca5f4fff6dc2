import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { rxDb } from "./db.ts";
import { getOffering } from "./get-offering.ts";
import { loadOffering } from "./offerings.ts";
import { authorize } from "./policy.ts";
import type { Facts } from "./schemas.ts";
import type { OfferingView } from "./views.ts";

/** Records the dated facts the deadlines follow (signing, orders, filings …). */
export async function updateFacts(ctx: Ctx, id: string, facts: Facts): Promise<OfferingView> {
  authorize(ctx.actor, "offering.manage");
  return withTransaction(ctx, async (tx) => {
    const o = await loadOffering(tx, id);
    const merged = { ...(JSON.parse(o.facts) as Facts), ...facts };
    await rxDb(tx)
      .updateTable("rx_offerings")
      .set({ facts: JSON.stringify(merged), updated_at: isoNow(tx.clock) })
      .where("id", "=", id)
      .execute();
    await record(tx, "offering.facts", { type: "offering", id }, { facts });
    return getOffering(tx, id);
  });
}

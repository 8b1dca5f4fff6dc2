import type { Ctx } from "../../kernel/context.ts";
import type { OfferingSpec } from "./allocate-offering.ts";
import { big, int, rxDb } from "./db.ts";
import { effectiveBackstops, loadInvestors, loadOffering, offeringTerms } from "./offerings.ts";
import { matchPayment } from "./payment-match.ts";

/**
 * The engine's input from the register and elections as they stand. A holder's exercise counts
 * only as far as it is paid for (ECA-3(a)): an unpaid election buys nothing.
 */
export async function buildSpec(ctx: Ctx, offeringId: string): Promise<OfferingSpec> {
  const o = await loadOffering(ctx, offeringId);
  const price = big(o.price_per_unit_cents);
  const investors = await loadInvestors(ctx, offeringId);
  const effective = effectiveBackstops(investors);
  const code = new Map(investors.map((i) => [i.id, i.code]));
  const holders = await rxDb(ctx)
    .selectFrom("rx_holders")
    .select(["code", "investor_id", "rights", "exercised", "plan_shares", "payment_cents"])
    .where("offering_id", "=", offeringId)
    .orderBy("code")
    .execute();
  return {
    ...offeringTerms(o),
    thresholdGroup: investors.filter((i) => i.is_threshold_group === 1 && !i.withdrawn_at).map((i) => i.code),
    investors: investors.map((i) => ({ id: i.code, backstopPercentage: effective.get(i.id)! })),
    holders: holders.map((h) => ({
      id: h.code,
      investor: h.investor_id ? code.get(h.investor_id)! : null,
      rights: int(h.rights),
      exercised: matchPayment({
        exercised: int(h.exercised),
        finalUnits: null,
        priceCents: price,
        paidCents: big(h.payment_cents),
      }).paidUnits,
      planShares: int(h.plan_shares),
    })),
  };
}

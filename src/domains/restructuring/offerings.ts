import { Decimal } from "decimal.js";
import type { Ctx } from "../../kernel/context.ts";
import { notFound } from "../../kernel/errors.ts";
import { centsText } from "./allocate-offering.ts";
import { big, int, rxDb } from "./db.ts";
import type { InvestorsTable, OfferingRow } from "./tables.ts";

export type { InvestorView, OfferingView } from "./views.ts";

/** The offering's terms as its view and the allocation engine both state them (amounts as decimal text). */
export function offeringTerms(o: OfferingRow) {
  return {
    unitsOffered: int(o.units_offered),
    pricePerUnit: centsText(big(o.price_per_unit_cents)),
    sharesPerUnit: int(o.shares_per_unit),
    maximumAmount: centsText(big(o.maximum_amount_cents)),
    threshold: o.threshold,
    maximumCutback: o.maximum_cutback,
    structuringFeeRate: o.structuring_fee_rate,
    terminationFeeDeduction: centsText(big(o.termination_fee_deduction_cents)),
    preferredShares: int(o.preferred_shares),
    preferredPricePerShare: centsText(big(o.preferred_price_cents)),
  };
}

/**
 * ECA-2(d): the Structuring and Arrangement Fee (rate × the Maximum Rights Offering Amount, to the
 * cent) and the Termination Fee (that fee less the deduction, never below zero), as amounts.
 */
export function feesOf(o: OfferingRow): { structuringCents: bigint; terminationCents: bigint } {
  const structuringCents = BigInt(
    new Decimal(big(o.maximum_amount_cents).toString())
      .times(o.structuring_fee_rate)
      .toDecimalPlaces(0, Decimal.ROUND_HALF_UP)
      .toFixed(0),
  );
  const t = structuringCents - big(o.termination_fee_deduction_cents);
  return { structuringCents, terminationCents: t > 0n ? t : 0n };
}

/** Backstop percentages as they stand: an investor whose commitment is withdrawn (ECA-26) has 0, Oaktree assumes it. */
export function effectiveBackstops(investors: InvestorsTable[]): Map<string, string> {
  const out = new Map(investors.map((i) => [i.id, new Decimal(i.backstop_percentage)]));
  const assumer =
    investors.find((i) => i.code === "oaktree" && !i.withdrawn_at) ?? investors.find((i) => !i.withdrawn_at);
  for (const i of investors) {
    if (!i.withdrawn_at || !assumer) continue;
    out.set(assumer.id, out.get(assumer.id)!.plus(out.get(i.id)!));
    out.set(i.id, new Decimal(0));
  }
  return new Map([...out].map(([id, d]) => [id, d.toString()]));
}

export async function loadOffering(ctx: Ctx, id: string): Promise<OfferingRow> {
  const row = await rxDb(ctx).selectFrom("rx_offerings").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound("The offering");
  return row;
}

export async function loadInvestors(ctx: Ctx, offeringId: string): Promise<InvestorsTable[]> {
  return rxDb(ctx)
    .selectFrom("rx_investors")
    .selectAll()
    .where("offering_id", "=", offeringId)
    .orderBy("code")
    .execute();
}

/** The investor the acting user belongs to in this offering, or null. */
export async function investorOfActor(ctx: Ctx, offeringId: string): Promise<InvestorsTable | null> {
  if (ctx.actor.kind !== "user") return null;
  const row = await rxDb(ctx)
    .selectFrom("rx_investor_users as u")
    .innerJoin("rx_investors as i", "i.id", "u.investor_id")
    .selectAll("i")
    .where("u.user_id", "=", ctx.actor.userId)
    .where("i.offering_id", "=", offeringId)
    .executeTakeFirst();
  return row ?? null;
}

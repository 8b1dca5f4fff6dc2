import type { Ctx } from "../../kernel/context.ts";
import { parseMoney } from "../../kernel/money.ts";
import { type Allocation, centsText } from "./allocate-offering.ts";
import { big, rxDb } from "./db.ts";
import { readable } from "./oversight.ts";
import { computeUseOfProceeds } from "./use-of-proceeds.ts";
import type { UseOfProceedsView } from "./views.ts";

/** The use-of-proceeds waterfall (ECA-9(i)) from the current allocation's proceeds. */
export async function getUseOfProceeds(
  ctx: Ctx,
  offeringId: string,
  input: { requiredPayments: string; clauseDPayments: string; liquidityConditionHolds: boolean },
): Promise<UseOfProceedsView> {
  const o = await readable(ctx, offeringId);
  const run = await rxDb(ctx)
    .selectFrom("rx_allocations")
    .select("result")
    .where("offering_id", "=", offeringId)
    .where("is_current", "=", 1)
    .executeTakeFirst();
  const price = big(o.price_per_unit_cents);
  let proceeds = 0n;
  if (run) {
    const a = JSON.parse(run.result) as Allocation;
    const units =
      a.holders.reduce((s, h) => s + h.finalUnits, 0) + a.investors.reduce((s, i) => s + i.residualUnits, 0);
    proceeds = BigInt(units) * price;
  }
  const w = computeUseOfProceeds({
    proceeds,
    maximumAmount: big(o.maximum_amount_cents),
    requiredPayments: parseMoney(input.requiredPayments),
    clauseDPayments: parseMoney(input.clauseDPayments),
    liquidityConditionHolds: input.liquidityConditionHolds,
  });
  return {
    proceeds: centsText(proceeds),
    fromAllocation: Boolean(run),
    reserve: centsText(w.reserve),
    unused: centsText(w.unused),
    lines: w.lines.map((l) => ({ ...l, amount: centsText(l.amount) })),
  };
}

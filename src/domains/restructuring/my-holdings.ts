import type { Ctx } from "../../kernel/context.ts";
import { centsText } from "./allocate-offering.ts";
import { big, rxDb } from "./db.ts";
import { portalHolderIds, today } from "./elections.ts";
import { allottedUnits } from "./get-allocation.ts";
import { toHolderView } from "./register.ts";
import type { PortalHolding } from "./views.ts";

/** The portal: a holder (or an investor for its affiliates) sees its rights and elects. */
export async function myHoldings(ctx: Ctx): Promise<PortalHolding[]> {
  const ids = [...(await portalHolderIds(ctx))];
  if (ids.length === 0) return [];
  const rows = await rxDb(ctx)
    .selectFrom("rx_holders as h")
    .innerJoin("rx_offerings as o", "o.id", "h.offering_id")
    .leftJoin("rx_investors as i", "i.id", "h.investor_id")
    .selectAll("h")
    .select([
      "i.code as investor_code",
      "o.name as offering_name",
      "o.price_per_unit_cents",
      "o.exercise_start",
      "o.exercise_end",
    ])
    .where("h.id", "in", ids)
    .orderBy("h.code")
    .execute();
  const d = today(ctx);
  const allotted = new Map<string, Map<string, number> | null>();
  for (const offeringId of new Set(rows.map((r) => r.offering_id)))
    allotted.set(offeringId, await allottedUnits(ctx, offeringId));
  return rows.map((r) => ({
    ...toHolderView(
      r,
      r.investor_code,
      big(r.price_per_unit_cents),
      allotted.get(r.offering_id)?.get(r.code) ?? null,
    ),
    offeringId: r.offering_id,
    offeringName: r.offering_name,
    pricePerUnit: centsText(big(r.price_per_unit_cents)),
    exerciseStart: r.exercise_start,
    exerciseEnd: r.exercise_end,
    isOpen: d >= r.exercise_start && d <= r.exercise_end,
    mustExerciseAll: r.investor_id !== null,
  }));
}

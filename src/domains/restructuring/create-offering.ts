import { Decimal } from "decimal.js";
import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { invalid } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { parseMoney } from "../../kernel/money.ts";
import { CONDITIONS } from "./conditions-catalogue.ts";
import { col, rxDb } from "./db.ts";
import { getOffering } from "./get-offering.ts";
import { authorize } from "./policy.ts";
import type { OfferingInput } from "./schemas.ts";
import type { OfferingView } from "./views.ts";

export async function createOffering(ctx: Ctx, input: OfferingInput): Promise<OfferingView> {
  authorize(ctx.actor, "offering.manage");
  const total = input.investors.reduce((a, i) => a.plus(i.backstopPercentage), new Decimal(0));
  const errors = [];
  if (!total.equals(1))
    errors.push({
      path: "investors",
      message: `the backstop percentages add up to ${total.times(100).toFixed(4)}%, not 100% (ECA-3(a), Schedule 1(f))`,
    });
  const codes = new Set<string>();
  input.investors.forEach((i, n) => {
    if (codes.has(i.code)) errors.push({ path: `investors.${n}.code`, message: `${i.code} appears twice` });
    codes.add(i.code);
  });
  if (input.recordDate && input.recordDate > input.exerciseStart)
    errors.push({ path: "recordDate", message: "the record date falls after the exercise period starts" });
  if (input.exerciseEnd < input.exerciseStart)
    errors.push({ path: "exerciseEnd", message: "the exercise period ends before it starts" });
  if (errors.length) throw invalid(errors.map((e) => `${e.path}: ${e.message}`).join("; "), errors);
  return withTransaction(ctx, async (tx) => {
    const id = newId();
    const now = isoNow(tx.clock);
    const price = parseMoney(input.pricePerUnit);
    const max = input.maximumAmount ? parseMoney(input.maximumAmount) : price * BigInt(input.unitsOffered);
    const db = rxDb(tx);
    await db
      .insertInto("rx_offerings")
      .values({
        id,
        name: input.name,
        units_offered: col(input.unitsOffered),
        price_per_unit_cents: col(price),
        shares_per_unit: col(input.sharesPerUnit),
        unit_composition: input.unitComposition,
        maximum_amount_cents: col(max),
        threshold: input.threshold,
        maximum_cutback: input.maximumCutback,
        structuring_fee_rate: input.structuringFeeRate,
        termination_fee_deduction_cents: col(parseMoney(input.terminationFeeDeduction)),
        preferred_shares: col(input.preferredShares),
        preferred_price_cents: col(parseMoney(input.preferredPricePerShare)),
        exercise_start: input.exerciseStart,
        exercise_end: input.exerciseEnd,
        record_date: input.recordDate ?? input.exerciseStart,
        certifying_officer: input.certifyingOfficer,
        facts: "{}",
        created_at: now,
        updated_at: now,
      })
      .execute();
    await db
      .insertInto("rx_investors")
      .values(
        input.investors.map((i) => ({
          id: newId(),
          offering_id: id,
          code: i.code,
          name: i.name,
          backstop_percentage: i.backstopPercentage,
          is_threshold_group: i.isThresholdGroup ? 1 : 0,
          withdrawn_at: null,
          created_at: now,
        })),
      )
      .execute();
    await db
      .insertInto("rx_conditions")
      .values(
        CONDITIONS.map((c) => ({
          id: newId(),
          offering_id: id,
          code: c.code,
          title: c.title,
          status: "pending" as const,
          evidence: "",
          inputs: JSON.stringify(c.defaults ?? {}),
          updated_at: now,
          updated_by: null,
        })),
      )
      .execute();
    await record(tx, "offering.create", { type: "offering", id }, { ...input });
    return getOffering(tx, id);
  });
}

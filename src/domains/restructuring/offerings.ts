import { Decimal } from "decimal.js";
import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { invalid, notFound } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { parseMoney } from "../../kernel/money.ts";
import { centsText } from "./allocate-offering.ts";
import { CONDITIONS } from "./conditions-catalogue.ts";
import { big, col, int, rxDb } from "./db.ts";
import { authorize, can, seesAll } from "./policy.ts";
import type { Facts, OfferingInput } from "./schemas.ts";
import type { InvestorsTable, OfferingRow } from "./tables.ts";
import type { OfferingSummaryView, OfferingView } from "./views.ts";

export type { InvestorView, OfferingView } from "./views.ts";

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

export async function getOffering(ctx: Ctx, id: string): Promise<OfferingView> {
  authorize(ctx.actor, "offering.read");
  const o = await loadOffering(ctx, id);
  const mine = await investorOfActor(ctx, id);
  if (!seesAll(ctx.actor) && !mine) throw notFound("The offering");
  const investors = await loadInvestors(ctx, id);
  const effective = effectiveBackstops(investors);
  const s = await rxDb(ctx)
    .selectFrom("rx_holders")
    .select((eb) => [
      eb.fn.countAll<string | number>().as("holders"),
      eb.fn.sum<string | number | null>("rights").as("rights"),
      eb.fn.sum<string | number | null>("exercised").as("exercised"),
      eb.fn.sum<string | number | null>("payment_cents").as("paid"),
      eb.fn.count<string | number>("elected_at").as("elected"),
    ])
    .where("offering_id", "=", id)
    .executeTakeFirstOrThrow();
  return {
    id: o.id,
    name: o.name,
    unitsOffered: int(o.units_offered),
    pricePerUnit: centsText(big(o.price_per_unit_cents)),
    sharesPerUnit: int(o.shares_per_unit),
    unitComposition: o.unit_composition,
    maximumAmount: centsText(big(o.maximum_amount_cents)),
    threshold: o.threshold,
    maximumCutback: o.maximum_cutback,
    structuringFeeRate: o.structuring_fee_rate,
    terminationFeeDeduction: centsText(big(o.termination_fee_deduction_cents)),
    preferredShares: int(o.preferred_shares),
    preferredPricePerShare: centsText(big(o.preferred_price_cents)),
    exerciseStart: o.exercise_start,
    exerciseEnd: o.exercise_end,
    certifyingOfficer: o.certifying_officer,
    facts: JSON.parse(o.facts) as Facts,
    investors: investors.map((i) => ({
      id: i.id,
      code: i.code,
      name: i.name,
      backstopPercentage: i.backstop_percentage,
      effectiveBackstopPercentage: effective.get(i.id)!,
      isThresholdGroup: i.is_threshold_group === 1,
      withdrawnAt: i.withdrawn_at,
    })),
    summary: {
      holders: int(s.holders),
      rights: int(s.rights),
      exercised: int(s.exercised),
      elected: int(s.elected),
      paid: centsText(big(s.paid)),
    },
    myInvestorId: mine?.id ?? null,
    can: {
      manage: can(ctx.actor, "offering.manage"),
      readRegister: can(ctx.actor, "register.read"),
      elect: can(ctx.actor, "election.record"),
      runAllocation: can(ctx.actor, "allocation.run"),
      readAllocation: can(ctx.actor, "allocation.read"),
      vote: can(ctx.actor, "vote.cast") && mine !== null,
      withdraw: can(ctx.actor, "investor.withdraw"),
    },
  };
}

export async function listOfferings(ctx: Ctx): Promise<OfferingSummaryView[]> {
  authorize(ctx.actor, "offering.read");
  let q = rxDb(ctx).selectFrom("rx_offerings as o").select(["o.id", "o.name", "o.exercise_end"]);
  if (!seesAll(ctx.actor)) {
    const userId = ctx.actor.kind === "user" ? ctx.actor.userId : "";
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom("rx_investor_users as u")
          .innerJoin("rx_investors as i", "i.id", "u.investor_id")
          .select("u.user_id")
          .whereRef("i.offering_id", "=", "o.id")
          .where("u.user_id", "=", userId),
      ),
    );
  }
  const rows = await q.orderBy("o.created_at", "desc").execute();
  return rows.map((r) => ({ id: r.id, name: r.name, exerciseEnd: r.exercise_end }));
}

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

/** Links a user to an investor, so the user sees that investor's notices and votes for it. */
export async function addInvestorUser(ctx: Ctx, investorId: string, userId: string): Promise<void> {
  authorize(ctx.actor, "offering.manage");
  await withTransaction(ctx, async (tx) => {
    await rxDb(tx)
      .insertInto("rx_investor_users")
      .values({ investor_id: investorId, user_id: userId })
      .execute();
    await record(tx, "offering.investor_user", { type: "investor", id: investorId }, { userId });
  });
}

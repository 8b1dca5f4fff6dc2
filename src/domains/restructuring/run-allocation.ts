import { record } from "../../kernel/audit.ts";
import { addBusinessDays } from "../../kernel/calendar.ts";
import { isoDate, isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { AppError } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { queueMail } from "../../kernel/mail.ts";
import { allocateOffering, centsText, type OfferingSpec } from "./allocate-offering.ts";
import { big, int, rxDb } from "./db.ts";
import { getAllocation } from "./get-allocation.ts";
import { effectiveBackstops, loadInvestors, loadOffering, offeringTerms } from "./offerings.ts";
import { authorize } from "./policy.ts";
import type { AllocationRun } from "./views.ts";

export type { AllocationRun, NoticeSummary } from "./views.ts";

/** The engine's input from the register and elections as they stand. */
export async function buildSpec(ctx: Ctx, offeringId: string): Promise<OfferingSpec> {
  const o = await loadOffering(ctx, offeringId);
  const investors = await loadInvestors(ctx, offeringId);
  const effective = effectiveBackstops(investors);
  const code = new Map(investors.map((i) => [i.id, i.code]));
  const holders = await rxDb(ctx)
    .selectFrom("rx_holders")
    .select(["code", "investor_id", "rights", "exercised", "plan_shares"])
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
      exercised: int(h.exercised),
      planShares: int(h.plan_shares),
    })),
  };
}

/**
 * Runs the allocation engine on the register and elections, keeps the run (input and result) and
 * produces each investor's Purchase Notice at once: ECA-2(f) gives 2 business days.
 */
export async function runAllocation(ctx: Ctx, offeringId: string): Promise<AllocationRun> {
  authorize(ctx.actor, "allocation.run");
  return withTransaction(ctx, async (tx) => {
    const o = await loadOffering(tx, offeringId);
    const spec = await buildSpec(tx, offeringId);
    const outcome = allocateOffering(spec);
    if (!outcome.ok)
      throw new AppError("INVALID", `The allocation cannot run: ${outcome.errors.join(" ")}`, {
        errors: outcome.errors.map((message) => ({ path: "register", message })),
      });
    const db = rxDb(tx);
    const now = isoNow(tx.clock);
    const id = newId();
    await db
      .updateTable("rx_allocations")
      .set({ is_current: 0 })
      .where("offering_id", "=", offeringId)
      .execute();
    await db
      .insertInto("rx_allocations")
      .values({
        id,
        offering_id: offeringId,
        run_at: now,
        run_by: tx.actor.label,
        input: JSON.stringify(spec),
        result: JSON.stringify(outcome.allocation),
        is_current: 1,
      })
      .execute();
    const investors = await loadInvestors(tx, offeringId);
    const due = addBusinessDays(isoDate(now), 2);
    const t = outcome.allocation.totals;
    for (const inv of investors) {
      const figures = outcome.allocation.investors.find((x) => x.id === inv.code)!;
      const price = big(o.price_per_unit_cents);
      await db
        .insertInto("rx_purchase_notices")
        .values({
          id: newId(),
          allocation_id: id,
          offering_id: offeringId,
          investor_id: inv.id,
          due_date: due,
          issued_at: now,
          content: JSON.stringify({
            offeringName: o.name,
            investorName: inv.name,
            investorCode: inv.code,
            certifyingOfficer: o.certifying_officer,
            pricePerUnit: centsText(price),
            subscriptionPrice: centsText(BigInt(figures.subscriptionUnits) * price),
            residualPrice: centsText(BigInt(figures.residualUnits) * price),
            totalShares: t.totalShares,
            ...figures,
          }),
        })
        .execute();
      const users = await db
        .selectFrom("rx_investor_users as u")
        .innerJoin("users", "users.id", "u.user_id")
        .select("users.email")
        .where("u.investor_id", "=", inv.id)
        .execute();
      for (const u of users)
        await queueMail(tx, {
          to: u.email,
          subject: `Purchase Notice: ${o.name}`,
          text: `Your Purchase Notice for ${o.name} is ready in Probity (ECA-2(f)): ${figures.subscriptionUnits} Subscription Units and ${figures.residualUnits} Residual Units, ${figures.totalUnits} units for $${figures.purchasePrice}, ${figures.ownershipPercent} of the Holdco Common Stock issued under the Plan.`,
        });
    }
    await record(
      tx,
      "allocation.run",
      { type: "offering", id: offeringId },
      {
        allocationId: id,
        totals: outcome.allocation.totals,
        noticesDue: due,
      },
    );
    return (await getAllocation(tx, offeringId))!;
  });
}

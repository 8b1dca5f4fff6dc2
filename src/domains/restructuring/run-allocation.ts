import { Decimal } from "decimal.js";
import { record } from "../../kernel/audit.ts";
import { addBusinessDays } from "../../kernel/calendar.ts";
import { isoDate, isoNow, isoToday } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { AppError, invalid } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { queueMail } from "../../kernel/mail.ts";
import { formatMoney, parseMoney } from "../../kernel/money.ts";
import { allocateOffering, centsText } from "./allocate-offering.ts";
import { buildSpec } from "./build-spec.ts";
import { big, rxDb } from "./db.ts";
import { getAllocation } from "./get-allocation.ts";
import { loadInvestors, loadOffering } from "./offerings.ts";
import { authorize } from "./policy.ts";

const units = (n: number) => n.toLocaleString("en-US");

import type { AllocationRun } from "./views.ts";

export type { AllocationRun, NoticeSummary } from "./views.ts";

/**
 * Runs the allocation engine on the register and the paid elections, keeps the run (input and
 * result) and produces each investor's Purchase Notice at once: ECA-2(f) gives 2 business days.
 * It runs once the exercise period is over; before that, or again, only with a reason (ECA-2(b)),
 * and a new run's notices say which earlier notice each one supersedes (ECA-2(f)).
 */
export async function runAllocation(
  ctx: Ctx,
  offeringId: string,
  input: { reason?: string | undefined } = {},
): Promise<AllocationRun> {
  authorize(ctx.actor, "allocation.run");
  const reason = input.reason?.trim() || null;
  return withTransaction(ctx, async (tx) => {
    const o = await loadOffering(tx, offeringId);
    const d = isoToday(tx.clock);
    if (d <= o.exercise_end && !reason)
      throw invalid(
        `The exercise period runs to ${o.exercise_end}: the allocation runs after it ends, or now with a reason for running early (ECA-2(b)).`,
        [
          {
            path: "reason",
            message: `is required before the exercise period ends on ${o.exercise_end} (ECA-2(b))`,
          },
        ],
      );
    const db = rxDb(tx);
    const previous = await db
      .selectFrom("rx_allocations")
      .select(["id", "run_at"])
      .where("offering_id", "=", offeringId)
      .where("is_current", "=", 1)
      .executeTakeFirst();
    if (previous && !reason)
      throw invalid(
        `The allocation already ran on ${previous.run_at.slice(0, 10)}: a new run supersedes its Purchase Notices, so it needs a reason (ECA-2(f)).`,
        [{ path: "reason", message: "is required to run the allocation again (ECA-2(f))" }],
      );
    const earlier = previous
      ? new Map(
          (
            await db
              .selectFrom("rx_purchase_notices")
              .select(["id", "investor_id", "issued_at"])
              .where("allocation_id", "=", previous.id)
              .execute()
          ).map((n) => [n.investor_id, n]),
        )
      : new Map<string, { id: string; issued_at: string }>();
    const spec = await buildSpec(tx, offeringId);
    const outcome = allocateOffering(spec);
    if (!outcome.ok)
      throw new AppError("INVALID", `The allocation cannot run: ${outcome.errors.join(" ")}`, {
        errors: outcome.errors.map((message) => ({ path: "register", message })),
      });
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
        reason,
      })
      .execute();
    const investors = await loadInvestors(tx, offeringId);
    const due = addBusinessDays(isoDate(now), 2);
    const t = outcome.allocation.totals;
    for (const inv of investors) {
      const figures = outcome.allocation.investors.find((x) => x.id === inv.code)!;
      const price = big(o.price_per_unit_cents);
      const replaced = earlier.get(inv.id) ?? null;
      await db
        .insertInto("rx_purchase_notices")
        .values({
          id: newId(),
          supersedes_id: replaced?.id ?? null,
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
            supersedesIssuedAt: replaced?.issued_at ?? null,
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
      const supersedes = replaced
        ? ` It supersedes the Purchase Notice issued on ${replaced.issued_at.slice(0, 10)}, which no longer stands (reason for the new run: ${reason}).`
        : "";
      for (const u of users)
        await queueMail(tx, {
          to: u.email,
          subject: `${replaced ? "Revised Purchase Notice (supersedes the earlier one)" : "Purchase Notice"}: ${o.name}`,
          text: `Your Purchase Notice for ${o.name} is ready in Probity (ECA-2(f)): ${units(figures.subscriptionUnits)} Subscription Units and ${units(figures.residualUnits)} Residual Units, ${units(figures.totalUnits)} units for ${formatMoney(parseMoney(figures.purchasePrice))}, ${new Decimal(figures.ownershipPercent).times(100).toFixed(2)}% of the Holdco Common Stock issued under the Plan.${supersedes}`,
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
        reason,
        supersedes: previous?.id ?? null,
        earlyRun: d <= o.exercise_end,
      },
    );
    return (await getAllocation(tx, offeringId))!;
  });
}

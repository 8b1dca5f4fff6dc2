import { record } from "../../kernel/audit.ts";
import { addCalendarDays } from "../../kernel/calendar.ts";
import { isoToday } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict, invalid, notFound } from "../../kernel/errors.ts";
import { rxDb } from "./db.ts";
import { getOffering } from "./get-offering.ts";
import { effectiveBackstops, loadInvestors, loadOffering, type OfferingView } from "./offerings.ts";
import { authorize } from "./policy.ts";
import type { Facts, WithdrawalInput } from "./schemas.ts";

/**
 * Records the withdrawal of Apollo's commitment (ECA-26): by Apollo's election up to 10 days before
 * the Effective Date, or deemed after 70 days without regulatory clearance. Oaktree assumes it, so
 * from then on Apollo holds no backstop percentage in votes and the next allocation. `withdrawn_at`
 * holds the date the withdrawal took effect. Not undone by the application: a withdrawal is a fact.
 */
export async function withdrawInvestor(
  ctx: Ctx,
  investorId: string,
  input: WithdrawalInput,
): Promise<OfferingView> {
  authorize(ctx.actor, "investor.withdraw");
  return withTransaction(ctx, async (tx) => {
    const db = rxDb(tx);
    const investor = await db
      .selectFrom("rx_investors")
      .selectAll()
      .where("id", "=", investorId)
      .executeTakeFirst();
    if (!investor) throw notFound("The investor");
    if (investor.code !== "apollo")
      throw conflict(
        `Only Apollo's commitment can be withdrawn under section 26 (ECA-26); ${investor.name}'s cannot.`,
      );
    if (investor.withdrawn_at)
      throw conflict(
        `${investor.name} already withdrew its commitment on ${investor.withdrawn_at} (ECA-26).`,
      );
    const o = await loadOffering(tx, investor.offering_id);
    const investors = await loadInvestors(tx, o.id);
    if (!investors.some((i) => i.code === "oaktree" && !i.withdrawn_at))
      throw conflict("Oaktree assumes a withdrawn commitment (ECA-26), and this offering has no Oaktree.");
    const facts = JSON.parse(o.facts) as Facts;
    const today = isoToday(tx.clock);
    if (input.withdrawnOn > today)
      throw invalid(`A withdrawal is recorded once it happened; ${input.withdrawnOn} is after today.`, [
        { path: "withdrawnOn", message: "is in the future" },
      ]);
    if (input.basis === "election") {
      const eff = facts.expectedEffectiveDate;
      const last = eff ? addCalendarDays(eff, -10) : null;
      if (last && input.withdrawnOn > last)
        throw invalid(
          `Apollo could withdraw up to 10 days before the Effective Date (ECA-26): the last day was ${last} (expected Effective Date ${eff}).`,
          [{ path: "withdrawnOn", message: `is after ${last}, 10 days before the Effective Date (ECA-26)` }],
        );
    } else {
      if (facts.apolloCleared)
        throw conflict(
          "Apollo's regulatory clearance is recorded: its commitment is not deemed withdrawn (ECA-26).",
        );
      const start = facts.apolloHsrFilingDate ?? facts.signingDate;
      if (!start)
        throw invalid(
          "Record the HSR filing date for Apollo (or the signing date) first: the 70 days of ECA-26 run from it.",
          [{ path: "basis", message: "needs the HSR filing or signing date in the dated facts" }],
        );
      const deemed = addCalendarDays(start, 70);
      if (input.withdrawnOn < deemed)
        throw invalid(
          `Apollo's commitment is deemed withdrawn only 70 days after ${start}, on ${deemed} (ECA-26).`,
          [{ path: "withdrawnOn", message: `is before ${deemed}, 70 days after ${start} (ECA-26)` }],
        );
    }
    await db
      .updateTable("rx_investors")
      .set({ withdrawn_at: input.withdrawnOn })
      .where("id", "=", investor.id)
      .execute();
    const after = effectiveBackstops(
      investors.map((i) => (i.id === investor.id ? { ...i, withdrawn_at: input.withdrawnOn } : i)),
    );
    const oaktree = investors.find((i) => i.code === "oaktree")!;
    await record(
      tx,
      "investor.withdraw",
      { type: "investor", id: investor.id },
      { ...input, offeringId: o.id, code: investor.code, oaktreeBackstop: after.get(oaktree.id) ?? null },
    );
    return getOffering(tx, o.id);
  });
}

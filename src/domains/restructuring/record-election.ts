import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict, forbidden, invalid, notFound } from "../../kernel/errors.ts";
import { big, col, int, rxDb } from "./db.ts";
import { portalHolderIds, today } from "./elections.ts";
import { allottedUnits } from "./get-allocation.ts";
import { loadOffering } from "./offerings.ts";
import { auditMoney } from "./payment-match.ts";
import { can } from "./policy.ts";
import { toHolderView } from "./register.ts";
import type { HolderView } from "./views.ts";

/**
 * Records a holder's exercise (up to its rights). The subscription agent records any holder's; a
 * holder may elect its own in the portal. Investors and their affiliates exercise all their rights
 * (ECA-3(a)); elections are taken during the exercise period only. Payments are recorded apart, each
 * with its amount, date and wire reference (record-payment.ts): an election never marks anything paid.
 */
export async function recordElection(
  ctx: Ctx,
  holderId: string,
  input: { exercised: number },
): Promise<HolderView> {
  const isAgent = can(ctx.actor, "election.record");
  return withTransaction(ctx, async (tx) => {
    const db = rxDb(tx);
    const h = await db.selectFrom("rx_holders").selectAll().where("id", "=", holderId).executeTakeFirst();
    if (!h) throw notFound("The holder");
    if (!isAgent) {
      const mine = await portalHolderIds(tx, h.offering_id);
      if (!mine.has(h.id)) {
        if (can(tx.actor, "register.read"))
          throw forbidden("Only the subscription agent records elections (election.record).");
        throw notFound("The holder");
      }
    }
    const o = await loadOffering(tx, h.offering_id);
    const d = today(tx);
    if (d < o.exercise_start || d > o.exercise_end)
      throw conflict(`Rights can be exercised from ${o.exercise_start} to ${o.exercise_end}; today is ${d}.`);
    const rights = int(h.rights);
    if (input.exercised > rights)
      throw invalid(`Holder ${h.code} has ${rights} rights and cannot exercise ${input.exercised}.`, [
        { path: "exercised", message: `is more than the holder's ${rights} rights` },
      ]);
    if (h.investor_id !== null && input.exercised !== rights)
      throw invalid(
        `Holder ${h.code} is an investor's affiliate and must exercise all its ${rights} rights (ECA-3(a)).`,
        [
          {
            path: "exercised",
            message: `must be ${rights}: investors and their affiliates exercise all their rights (ECA-3(a))`,
          },
        ],
      );
    const now = isoNow(tx.clock);
    await db
      .updateTable("rx_holders")
      .set({
        exercised: col(input.exercised),
        elected_at: now,
        elected_by: tx.actor.kind === "user" ? tx.actor.userId : tx.actor.label,
        updated_at: now,
      })
      .where("id", "=", h.id)
      .execute();
    await record(
      tx,
      "election.record",
      { type: "holder", id: h.id },
      {
        holder: h.code,
        exercised: input.exercised,
        paymentDue: auditMoney(BigInt(input.exercised) * big(o.price_per_unit_cents)),
        via: isAgent ? "agent" : "portal",
      },
    );
    const row = await db
      .selectFrom("rx_holders as h")
      .leftJoin("rx_investors as i", "i.id", "h.investor_id")
      .selectAll("h")
      .select("i.code as investor_code")
      .where("h.id", "=", h.id)
      .executeTakeFirstOrThrow();
    const allotted = await allottedUnits(tx, o.id);
    return toHolderView(row, row.investor_code, big(o.price_per_unit_cents), allotted?.get(h.code) ?? null);
  });
}

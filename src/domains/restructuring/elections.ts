import { record } from "../../kernel/audit.ts";
import { isoNow, isoToday } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict, forbidden, invalid, notFound } from "../../kernel/errors.ts";
import { parseMoney } from "../../kernel/money.ts";
import { centsText } from "./allocate-offering.ts";
import { big, col, int, rxDb } from "./db.ts";
import { loadOffering } from "./offerings.ts";
import { can } from "./policy.ts";
import { toHolderView } from "./register.ts";
import type { HolderView, PortalHolding } from "./views.ts";

const today = (ctx: Ctx) => isoToday(ctx.clock);
const actorEmail = (ctx: Ctx) => (ctx.actor.kind === "user" ? ctx.actor.label.toLowerCase() : null);

/** The holders the acting user may elect for in the portal: its own (by e-mail) and its investor's affiliates. */
async function portalHolderIds(ctx: Ctx, offeringId?: string): Promise<Set<string>> {
  if (ctx.actor.kind !== "user") return new Set();
  const userId = ctx.actor.userId;
  const email = actorEmail(ctx);
  let q = rxDb(ctx)
    .selectFrom("rx_holders as h")
    .select("h.id")
    .where((eb) =>
      eb.or([
        eb("h.email", "=", email ?? ""),
        eb(
          "h.investor_id",
          "in",
          eb.selectFrom("rx_investor_users").select("investor_id").where("user_id", "=", userId),
        ),
      ]),
    );
  if (offeringId) q = q.where("h.offering_id", "=", offeringId);
  return new Set((await q.execute()).map((r) => r.id));
}

export type { PortalHolding } from "./views.ts";

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
  return rows.map((r) => ({
    ...toHolderView(r, r.investor_code, big(r.price_per_unit_cents)),
    offeringId: r.offering_id,
    offeringName: r.offering_name,
    pricePerUnit: centsText(big(r.price_per_unit_cents)),
    exerciseStart: r.exercise_start,
    exerciseEnd: r.exercise_end,
    isOpen: d >= r.exercise_start && d <= r.exercise_end,
    mustExerciseAll: r.investor_id !== null,
  }));
}

/**
 * Records a holder's exercise (up to its rights) and payment. The subscription agent records any
 * holder's; a holder may elect its own in the portal. Investors and their affiliates exercise all
 * their rights (ECA-3(a)); elections are taken during the exercise period only.
 */
export async function recordElection(
  ctx: Ctx,
  holderId: string,
  input: { exercised: number; payment?: string | undefined },
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
    const payment = input.payment === undefined ? big(h.payment_cents) : parseMoney(input.payment);
    const now = isoNow(tx.clock);
    await db
      .updateTable("rx_holders")
      .set({
        exercised: col(input.exercised),
        payment_cents: col(payment),
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
        code: h.code,
        exercised: input.exercised,
        payment: payment.toString(),
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
    return toHolderView(row, row.investor_code, big(o.price_per_unit_cents));
  });
}

import type { Ctx } from "../../kernel/context.ts";
import { rxDb } from "./db.ts";
import { authorize, seesAll } from "./policy.ts";
import type { OfferingSummaryView } from "./views.ts";

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

import { isoToday } from "../../kernel/clock.ts";
import type { Ctx } from "../../kernel/context.ts";
import { rxDb } from "./db.ts";

export const today = (ctx: Ctx) => isoToday(ctx.clock);
const actorEmail = (ctx: Ctx) => (ctx.actor.kind === "user" ? ctx.actor.label.toLowerCase() : null);

/** The holders the acting user may elect for in the portal: its own (by e-mail) and its investor's affiliates. */
export async function portalHolderIds(ctx: Ctx, offeringId?: string): Promise<Set<string>> {
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

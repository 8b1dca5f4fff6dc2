import type { Ctx } from "../../kernel/context.ts";
import { big, int, rxDb } from "./db.ts";
import { allottedUnits } from "./get-allocation.ts";
import { loadOffering } from "./offerings.ts";
import { authorize } from "./policy.ts";
import { toHolderView } from "./register.ts";
import type { HolderPage } from "./views.ts";

export async function listHolders(
  ctx: Ctx,
  offeringId: string,
  query: { q?: string; page: number; pageSize: number },
): Promise<HolderPage> {
  authorize(ctx.actor, "register.read");
  const offering = await loadOffering(ctx, offeringId);
  const price = big(offering.price_per_unit_cents);
  let q = rxDb(ctx)
    .selectFrom("rx_holders as h")
    .leftJoin("rx_investors as i", "i.id", "h.investor_id")
    .where("h.offering_id", "=", offeringId);
  if (query.q) {
    const like = `%${query.q.toLowerCase()}%`;
    q = q.where((eb) =>
      eb.or([eb(eb.fn("lower", ["h.code"]), "like", like), eb(eb.fn("lower", ["h.name"]), "like", like)]),
    );
  }
  const total = int(
    (await q.select((eb) => eb.fn.countAll<string | number>().as("n")).executeTakeFirstOrThrow()).n,
  );
  const rows = await q
    .selectAll("h")
    .select("i.code as investor_code")
    .orderBy("h.code")
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const allotted = await allottedUnits(ctx, offeringId);
  return {
    items: rows.map((h) => toHolderView(h, h.investor_code, price, allotted?.get(h.code) ?? null)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

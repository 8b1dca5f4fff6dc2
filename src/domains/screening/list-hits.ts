import type { Ctx } from "../../kernel/context.ts";
import { toHit } from "./counterparties.ts";
import { screeningDb } from "./db.ts";
import { authorize, screeningAbilities } from "./policy.ts";
import type { hitPage, View } from "./views.ts";

/** The review queue: hits by status, newest first. */
export async function listHits(
  ctx: Ctx,
  filter: { status: string; page: number; pageSize: number },
): Promise<View<typeof hitPage>> {
  authorize(ctx.actor, "screening.read");
  const db = screeningDb(ctx);
  const base = db
    .selectFrom("screening_hits as h")
    .innerJoin("counterparties as c", "c.id", "h.counterparty_id")
    .where("h.status", "=", filter.status as "open");
  const [{ total }] = (await base.select((eb) => eb.fn.countAll<number>().as("total")).execute()) as [
    { total: number },
  ];
  const rows = await base
    .selectAll("h")
    .select("c.name as counterparty_name")
    .orderBy("h.created_at", "desc")
    .orderBy("h.score", "desc")
    .orderBy("h.id")
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return {
    items: rows.map(toHit),
    total: Number(total),
    page: filter.page,
    pageSize: filter.pageSize,
    can: screeningAbilities(ctx.actor),
  };
}

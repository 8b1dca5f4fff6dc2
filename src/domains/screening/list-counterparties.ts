import type { Ctx } from "../../kernel/context.ts";
import { filtered, toCounterparty } from "./counterparties.ts";
import { authorize, screeningAbilities } from "./policy.ts";
import type { CounterpartyFilter } from "./schemas.ts";
import type { counterpartyPage, View } from "./views.ts";

export async function listCounterparties(
  ctx: Ctx,
  filter: CounterpartyFilter,
): Promise<View<typeof counterpartyPage>> {
  authorize(ctx.actor, "screening.read");
  const base = filtered(ctx, filter);
  const [{ total }] = (await base
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as("total"))
    .execute()) as [{ total: number }];
  const col = filter.sort.replace("-", "") === "updated" ? "updated_at" : "name";
  const rows = await base
    .orderBy(col, filter.sort.startsWith("-") ? "desc" : "asc")
    .orderBy("id")
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return {
    items: rows.map(toCounterparty),
    total: Number(total),
    page: filter.page,
    pageSize: filter.pageSize,
    can: screeningAbilities(ctx.actor),
  };
}

import type { Ctx } from "../../kernel/context.ts";
import { screeningDb } from "./db.ts";
import { authorize, screeningAbilities } from "./policy.ts";
import type { TransactionFilter } from "./schemas.ts";
import { toTransaction } from "./transactions.ts";
import type { transactionPage, View } from "./views.ts";

export async function listTransactions(
  ctx: Ctx,
  filter: TransactionFilter,
): Promise<View<typeof transactionPage>> {
  authorize(ctx.actor, "screening.read");
  let base = screeningDb(ctx)
    .selectFrom("screening_transactions as t")
    .innerJoin("counterparties as c", "c.id", "t.counterparty_id");
  if (filter.counterpartyId) base = base.where("t.counterparty_id", "=", filter.counterpartyId);
  if (filter.status) base = base.where("t.status", "=", filter.status);
  const [{ total }] = (await base.select((eb) => eb.fn.countAll<number>().as("total")).execute()) as [
    { total: number },
  ];
  const rows = await base
    .selectAll("t")
    .select("c.name as counterparty_name")
    .orderBy("t.created_at", "desc")
    .orderBy("t.id")
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return {
    items: rows.map(toTransaction),
    total: Number(total),
    page: filter.page,
    pageSize: filter.pageSize,
    can: screeningAbilities(ctx.actor),
  };
}

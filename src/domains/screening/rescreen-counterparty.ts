import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { load } from "./counterparties.ts";
import { getCounterparty } from "./get-counterparty.ts";
import { authorize } from "./policy.ts";
import { screenCounterparty } from "./screen-counterparty.ts";
import type { CounterpartyDetail } from "./views.ts";

export async function rescreenCounterparty(ctx: Ctx, id: string): Promise<CounterpartyDetail> {
  authorize(ctx.actor, "counterparty.update");
  return withTransaction(ctx, async (tx) => {
    await screenCounterparty(tx, await load(tx, id), "manual");
    return getCounterparty(tx, id);
  });
}

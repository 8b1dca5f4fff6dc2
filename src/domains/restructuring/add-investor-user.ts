import { record } from "../../kernel/audit.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { rxDb } from "./db.ts";
import { authorize } from "./policy.ts";

/** Links a user to an investor, so the user sees that investor's notices and votes for it. */
export async function addInvestorUser(ctx: Ctx, investorId: string, userId: string): Promise<void> {
  authorize(ctx.actor, "offering.manage");
  await withTransaction(ctx, async (tx) => {
    await rxDb(tx)
      .insertInto("rx_investor_users")
      .values({ investor_id: investorId, user_id: userId })
      .execute();
    await record(tx, "offering.investor_user", { type: "investor", id: investorId }, { userId });
  });
}

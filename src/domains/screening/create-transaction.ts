import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { invalid } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { screeningDb } from "./db.ts";
import { authorize } from "./policy.ts";
import type { TransactionInput } from "./schemas.ts";
import type { TransactionsTable } from "./tables.ts";
import { checkTransaction, toTransaction } from "./transactions.ts";
import type { TransactionView } from "./views.ts";

export async function createTransaction(ctx: Ctx, input: TransactionInput): Promise<TransactionView> {
  authorize(ctx.actor, "transaction.create");
  return withTransaction(ctx, async (tx) => {
    const db = screeningDb(tx);
    if (
      !(await db
        .selectFrom("counterparties")
        .select("id")
        .where("id", "=", input.counterpartyId)
        .executeTakeFirst())
    )
      throw invalid("counterpartyId is not a known counterparty", [
        { path: "counterpartyId", message: "is not a known counterparty" },
      ]);
    if (
      input.itemId &&
      !(await db.selectFrom("export_items").select("id").where("id", "=", input.itemId).executeTakeFirst())
    )
      throw invalid("itemId is not a known export item", [
        { path: "itemId", message: "is not a known export item" },
      ]);
    const row: TransactionsTable = {
      id: newId(),
      counterparty_id: input.counterpartyId,
      description: input.description,
      amount_cents: input.amountCents,
      currency: input.currency,
      destination_country: input.destinationCountry ?? null,
      item_id: input.itemId ?? null,
      payee_name: input.payeeName ?? null,
      payee_account_country: input.payeeAccountCountry ?? null,
      payee_address_country: input.payeeAddressCountry ?? null,
      status: "pending",
      check_result: null,
      decided_by: null,
      decided_at: null,
      created_at: isoNow(tx.clock),
    };
    row.check_result = JSON.stringify(await checkTransaction(tx, row));
    await db.insertInto("screening_transactions").values(row).execute();
    await record(
      tx,
      "transaction.create",
      { type: "transaction", id: row.id },
      { ...row, check_result: undefined },
    );
    return toTransaction(row);
  });
}

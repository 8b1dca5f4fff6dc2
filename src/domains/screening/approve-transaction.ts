import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict, notFound } from "../../kernel/errors.ts";
import { screeningDb } from "./db.ts";
import { authorize } from "./policy.ts";
import { checkTransaction, toTransaction } from "./transactions.ts";
import type { TransactionView } from "./views.ts";

/**
 * Approves a transaction only when every check passes now; otherwise it is refused and the
 * refusal (naming the list entry or rule) is recorded and returned as a conflict.
 */
export async function approveTransaction(ctx: Ctx, id: string): Promise<TransactionView> {
  authorize(ctx.actor, "transaction.approve");
  const result = await withTransaction(ctx, async (tx) => {
    const db = screeningDb(tx);
    const row = await db
      .selectFrom("screening_transactions")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    if (!row) throw notFound("The transaction");
    if (row.status === "approved") throw conflict("This transaction is already approved.");
    const check = await checkTransaction(tx, row);
    const status = check.ok ? ("approved" as const) : ("refused" as const);
    const now = isoNow(tx.clock);
    await db
      .updateTable("screening_transactions")
      .set({ status, check_result: JSON.stringify(check), decided_by: tx.actor.label, decided_at: now })
      .where("id", "=", id)
      .execute();
    await record(
      tx,
      check.ok ? "transaction.approve" : "transaction.refuse",
      { type: "transaction", id },
      { findings: check.findings },
    );
    return {
      check,
      row: {
        ...row,
        status,
        check_result: JSON.stringify(check),
        decided_by: tx.actor.label,
        decided_at: now,
      },
    };
  });
  if (!result.check.ok)
    throw conflict(
      result.check.findings
        .filter((f) => !f.ok)
        .map((f) => f.message)
        .join(" "),
    );
  return toTransaction(result.row);
}

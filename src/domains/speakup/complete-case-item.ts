import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { notFound } from "../../kernel/errors.ts";
import { activeCase, subject } from "./case-work.ts";
import { speakupDb } from "./db.ts";
import type { Ok } from "./views.ts";

export async function completeCaseItem(ctx: Ctx, caseId: string, itemId: string, done: boolean): Promise<Ok> {
  return withTransaction(ctx, async (tx) => {
    await activeCase(tx, caseId);
    const res = await speakupDb(tx)
      .updateTable("speakup_case_items")
      .set({ status: done ? "done" : "open", updated_at: isoNow(tx.clock) })
      .where("id", "=", itemId)
      .where("case_id", "=", caseId)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw notFound("The item");
    await record(tx, "case.item", subject(caseId), { itemId, status: done ? "done" : "open" });
    return { ok: true };
  });
}

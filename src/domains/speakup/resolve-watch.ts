import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { AppError } from "../../kernel/errors.ts";
import { activeCase, subject } from "./case-work.ts";
import { speakupDb } from "./db.ts";
import type { Ok } from "./views.ts";

export async function resolveWatch(ctx: Ctx, caseId: string, watchId: string): Promise<Ok> {
  return withTransaction(ctx, async (tx) => {
    await activeCase(tx, caseId);
    const res = await speakupDb(tx)
      .updateTable("speakup_watch")
      .set({ status: "done", resolved_at: isoNow(tx.clock) })
      .where("id", "=", watchId)
      .where("case_id", "=", caseId)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new AppError("NOT_FOUND", "The check-in was not found.");
    await record(tx, "case.watch.resolve", subject(caseId), { watchId });
    return { ok: true };
  });
}

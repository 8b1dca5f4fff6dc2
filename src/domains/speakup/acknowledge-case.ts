import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict } from "../../kernel/errors.ts";
import { ACKNOWLEDGEMENT, activeCase, completeTasks, subject, systemMessage } from "./case-work.ts";
import { speakupDb } from "./db.ts";
import type { Ok } from "./views.ts";

/** Acknowledges receipt to the reporter through the mailbox (EU Directive 2019/1937, art. 9: within 7 days). */
export async function acknowledgeCase(ctx: Ctx, id: string): Promise<Ok> {
  return withTransaction(ctx, async (tx) => {
    const { row, key } = await activeCase(tx, id);
    if (row.status !== "new") throw conflict(`The case is already ${row.status}.`);
    const now = isoNow(tx.clock);
    await speakupDb(tx)
      .updateTable("speakup_cases")
      .set({ status: "acknowledged", acknowledged_at: now, updated_at: now })
      .where("id", "=", id)
      .execute();
    await systemMessage(tx, key, ACKNOWLEDGEMENT, null);
    await completeTasks(tx, id, "speakup.acknowledge");
    await record(tx, "case.acknowledge", subject(id), { number: row.number });
    return { ok: true };
  });
}

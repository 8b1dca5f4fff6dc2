import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict, forbidden, invalid } from "../../kernel/errors.ts";
import { activeCase, completeTasks, subject, systemMessage } from "./case-work.ts";
import { speakupDb } from "./db.ts";
import { PURGED_MESSAGE } from "./get-case.ts";
import { mergedReportIds } from "./merged-reports.ts";
import { type CaseKey, openCaseKey } from "./sealing.ts";
import type { SpeakupCasesTable } from "./tables.ts";
import type { SpeakupMessagePostedView } from "./views.ts";

export type HandlerMessageOptions = {
  /** Marks the message as feedback: what action was taken or is planned, and why (art. 9(1)(f)). */
  isFeedback?: boolean | undefined;
  /** On a case other reports were merged into: which reporter the message goes to (default: this case's). */
  toCaseId?: string | undefined;
};

/**
 * A handler writes to a reporter's mailbox. Only a message marked as feedback meets the 3-month
 * feedback clock (EU Directive 2019/1937, art. 9(1)(f) and 11). On a case with merged reports the
 * handler chooses the reporter; the message is sealed in that reporter's own case, so no other
 * reporter can ever read it (COC-22.2).
 */
export async function postHandlerMessage(
  ctx: Ctx,
  id: string,
  body: string,
  options: HandlerMessageOptions = {},
): Promise<SpeakupMessagePostedView> {
  return withTransaction(ctx, async (tx) => {
    const { row, key } = await activeCase(tx, id);
    if (ctx.actor.kind === "anonymous") throw forbidden();
    const to = await recipientCase(tx, row, key, options.toCaseId);
    const authorUserId = ctx.actor.kind === "user" ? ctx.actor.userId : null;
    const messageId = await systemMessage(tx, to.key, body, authorUserId, options.isFeedback === true);
    const now = isoNow(tx.clock);
    const db = speakupDb(tx);
    if (options.isFeedback && !to.row.feedback_given_at)
      await db
        .updateTable("speakup_cases")
        .set({ feedback_given_at: now, updated_at: now })
        .where("id", "=", to.row.id)
        .execute();
    await db.updateTable("speakup_cases").set({ updated_at: now }).where("id", "=", id).execute();
    await completeTasks(tx, id, "speakup.reply");
    if (to.row.id !== id) await completeTasks(tx, to.row.id, "speakup.reply");
    await record(tx, "case.message", subject(id), {
      messageId,
      feedback: options.isFeedback === true,
      to: to.row.number,
    });
    return { id: messageId, createdAt: now };
  });
}

/** The case whose reporter a message goes to: this one, or a report merged into it. */
async function recipientCase(
  ctx: Ctx,
  row: SpeakupCasesTable,
  key: CaseKey,
  toCaseId: string | undefined,
): Promise<{ row: SpeakupCasesTable; key: CaseKey }> {
  if (!toCaseId || toCaseId === row.id) return { row, key };
  if (!(await mergedReportIds(ctx, row.id)).includes(toCaseId))
    throw invalid("Send the message to this case's reporter or to the reporter of a report merged into it.", [
      { path: "toCaseId", message: "is not a report merged into this case" },
    ]);
  const other = await speakupDb(ctx)
    .selectFrom("speakup_cases")
    .selectAll()
    .where("id", "=", toCaseId)
    .executeTakeFirstOrThrow();
  if (other.purged_at) throw conflict(PURGED_MESSAGE);
  return { row: other, key: openCaseKey(ctx, other.id, other.data_key) };
}

import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { AppError, conflict, invalid } from "../../kernel/errors.ts";
import { activeCase, addItemInTx, subject, systemMessage } from "./case-work.ts";
import { speakupDb } from "./db.ts";
import { hasMailbox, mergedReportIds } from "./merged-reports.ts";
import type { TransitionInput } from "./schemas.ts";
import type { CaseKey } from "./sealing.ts";
import type { SpeakupCasesTable } from "./tables.ts";
import type { Ok } from "./views.ts";
import { TRANSITIONS } from "./vocabulary.ts";

/** Moves a case through its lifecycle; findings need an outcome, remediation needs actions. */
export async function transitionCase(ctx: Ctx, id: string, input: TransitionInput): Promise<Ok> {
  return withTransaction(ctx, async (tx) => {
    const { row, key } = await activeCase(tx, id);
    if (!TRANSITIONS[row.status].includes(input.to)) {
      throw conflict(
        `A case cannot go from ${row.status} to ${input.to}; next steps: ${TRANSITIONS[row.status].join(", ") || "none"}.`,
      );
    }
    const set: Partial<SpeakupCasesTable> = { status: input.to, updated_at: isoNow(tx.clock) };
    if (input.to === "findings") {
      if (!input.outcome)
        throw invalid("Record the outcome of the investigation.", [
          { path: "outcome", message: "is required for findings" },
        ]);
      set.outcome = input.outcome;
    }
    if (input.to === "remediation") {
      if (row.outcome === "unsubstantiated")
        throw conflict("An unsubstantiated case is closed, not remediated.");
      if (!input.remediation?.length)
        throw invalid("Choose the remediation: discipline, training or a control change.", [
          { path: "remediation", message: "choose at least one" },
        ]);
      set.remediation = JSON.stringify(input.remediation);
    }
    if (input.to === "closed") {
      if (row.status === "findings" && row.outcome !== "unsubstantiated") {
        throw conflict(
          "A substantiated finding goes through remediation before the case is closed (COC-0.2).",
        );
      }
      if (row.status === "triage" && !input.note)
        throw invalid("Say why the case is closed without an investigation.", [
          { path: "note", message: "is required" },
        ]);
      if (input.closingMessage) await sendFeedback(tx, row, key, input.closingMessage);
      await requireClosingFeedback(tx, row);
      set.closed_at = isoNow(tx.clock);
    }
    if (row.status === "closed") set.closed_at = null;
    await speakupDb(tx).updateTable("speakup_cases").set(set).where("id", "=", id).execute();
    if (input.note)
      await addItemInTx(tx, id, {
        kind: "note",
        title: `${row.status} → ${input.to}`,
        text: input.note,
        dueOn: null,
      });
    const action =
      row.status === "closed" ? "case.reopen" : input.to === "closed" ? "case.close" : "case.transition";
    await record(tx, action, subject(id), {
      from: row.status,
      to: input.to,
      outcome: set.outcome ?? null,
      remediation: input.remediation ?? null,
    });
    return { ok: true };
  });
}

/** The closing message: feedback to this case's reporter, sent as the case closes. */
async function sendFeedback(ctx: Ctx, row: SpeakupCasesTable, key: CaseKey, text: string) {
  const authorUserId = ctx.actor.kind === "user" ? ctx.actor.userId : null;
  const messageId = await systemMessage(ctx, key, text, authorUserId, true);
  const now = isoNow(ctx.clock);
  if (!row.feedback_given_at)
    await speakupDb(ctx)
      .updateTable("speakup_cases")
      .set({ feedback_given_at: now })
      .where("id", "=", row.id)
      .execute();
  await record(ctx, "case.message", subject(row.id), { messageId, feedback: true, to: row.number });
}

/**
 * A case closes only once every reporter who can read the mailbox (this case's and those of the
 * reports merged into it) was last told, in a message marked as feedback, what action was taken
 * or is planned and why (EU Directive 2019/1937, art. 9(1)(f)).
 */
async function requireClosingFeedback(ctx: Ctx, row: SpeakupCasesTable) {
  const db = speakupDb(ctx);
  const ids = [row.id, ...(await mergedReportIds(ctx, row.id))];
  const cases = await db
    .selectFrom("speakup_cases")
    .select(["id", "number", "password_hash", "setup_code_hash", "purged_at"])
    .where("id", "in", ids)
    .execute();
  const missing: string[] = [];
  for (const c of cases.filter(hasMailbox)) {
    const last = await db
      .selectFrom("speakup_messages")
      .select("is_feedback")
      .where("case_id", "=", c.id)
      .where("author", "!=", "reporter")
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .executeTakeFirst();
    if (last?.is_feedback !== 1) missing.push(c.number);
  }
  if (missing.length)
    throw new AppError(
      "CONFLICT",
      `Before closing, tell the reporter what action was taken or is planned and why, in a message marked as feedback (EU Directive 2019/1937, art. 9(1)(f)). Still missing for: ${missing.join(", ")}.`,
      { errors: [{ path: "closingMessage", message: "write the closing feedback to the reporter" }] },
    );
}

import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { open } from "../../kernel/crypto.ts";
import { AppError } from "../../kernel/errors.ts";
import { newId, randomToken } from "../../kernel/ids.ts";
import type { Proof } from "../../kernel/rate-counters.ts";
import { checkAttachments, type IncomingFile, storeAttachments } from "./attachments.ts";
import type { AttachmentMeta, ReportContent } from "./content.ts";
import { speakupDb } from "./db.ts";
import { survivorOf } from "./merged-reports.ts";
import { notifyCase } from "./notify.ts";
import { hashReceipt, normaliseReceipt, verifyReporterPassword } from "./receipts.ts";
import { openCaseKey, openJson, sealJson } from "./sealing.ts";
import type { ReceiptThrottle } from "./throttle.ts";
import type { MailboxSessionView, MailboxView, SpeakupMessagePostedView } from "./views.ts";
import { categoryLabel } from "./vocabulary.ts";

const SESSION_MINUTES = 30;
const FAILURE_DELAY_MS = 250;
const tokenHash = (token: string) => createHash("sha256").update(`mailbox:${token}`).digest("hex");

/**
 * A try at a mailbox sign-in: counted against the receipt's budget before anything is checked
 * (throttle.ts), then the case the receipt opens, if any.
 */
export async function caseOfReceiptTry(
  ctx: Ctx,
  input: { receipt: string; throttle: ReceiptThrottle; pow?: Proof | undefined },
) {
  const receipt = normaliseReceipt(input.receipt);
  const budget = await input.throttle.admit(ctx, receipt, input.pow);
  const row = /^\d{16}$/.test(receipt)
    ? await speakupDb(ctx)
        .selectFrom("speakup_cases")
        .select(["id", "password_hash", "setup_code_hash", "setup_code_expires_at"])
        .where("receipt_hash", "=", await hashReceipt(ctx, receipt))
        .executeTakeFirst()
    : undefined;
  return { row, budget };
}

/** A wrong receipt, password or code: answered after a short delay, the same for every cause. */
export async function refuseWrongTry(message: string): Promise<never> {
  await sleep(FAILURE_DELAY_MS);
  throw new AppError("UNAUTHENTICATED", message);
}

/**
 * Opens the reporter's mailbox with the receipt and password (COC-22.2: the reporter stays
 * anonymous). Every try is counted first (throttle.ts); past the budget it needs a proof of work.
 */
export async function openMailbox(
  ctx: Ctx,
  input: { receipt: string; password: string; throttle: ReceiptThrottle; pow?: Proof | undefined },
): Promise<MailboxSessionView> {
  const { row, budget } = await caseOfReceiptTry(ctx, input);
  const ok = row?.password_hash ? await verifyReporterPassword(row.password_hash, input.password) : false;
  if (!row || !ok) return refuseWrongTry("The receipt or the password is wrong.");
  await input.throttle.succeeded(ctx, budget);
  // Each reporter's mailbox stays on their own case row, merged or not: a merge must never show
  // one reporter what another wrote or was told (COC-22.2).
  return openMailboxSession(ctx, row.id);
}

/** A new 30-minute mailbox session on a case, audited without naming who opened it. */
export async function openMailboxSession(ctx: Ctx, caseId: string): Promise<MailboxSessionView> {
  return withTransaction(ctx, async (tx) => {
    const token = randomToken(32);
    const expiresAt = new Date(tx.clock.now().getTime() + SESSION_MINUTES * 60_000).toISOString();
    await speakupDb(tx)
      .insertInto("speakup_mailbox_sessions")
      .values({ id_hash: tokenHash(token), case_id: caseId, expires_at: expiresAt })
      .execute();
    await record(tx, "speakup.mailbox.open", { type: "speakup_case", id: caseId });
    return { token, expiresAt };
  });
}

async function caseOfToken(ctx: Ctx, token: string): Promise<string> {
  const row = await speakupDb(ctx)
    .selectFrom("speakup_mailbox_sessions")
    .select(["case_id", "expires_at"])
    .where("id_hash", "=", tokenHash(token))
    .executeTakeFirst();
  if (!row || row.expires_at <= isoNow(ctx.clock)) {
    throw new AppError(
      "UNAUTHENTICATED",
      "Your mailbox session has ended. Enter your receipt and password again.",
    );
  }
  return row.case_id;
}

/** The reporter's view (views.ts), also rendered by the no-JavaScript portal. */
export type { MailboxView };

export async function readMailbox(ctx: Ctx, token: string): Promise<MailboxView> {
  const caseId = await caseOfToken(ctx, token);
  const db = speakupDb(ctx);
  const c = await db
    .selectFrom("speakup_cases")
    .selectAll()
    .where("id", "=", caseId)
    .executeTakeFirstOrThrow();
  const key = openCaseKey(ctx, c.id, c.data_key);
  const content = openJson<ReportContent>(key, "content", c.content);
  // A merged report is handled in the case it joined: its reporter sees that case's progress, but
  // only their own report, their own messages and what the handlers sent to them.
  const progress = c.merged_into_id ? await survivorOf(ctx, c.merged_into_id) : c;
  const messages = await db
    .selectFrom("speakup_messages")
    .selectAll()
    .where("case_id", "=", caseId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  const files = await db
    .selectFrom("speakup_attachments")
    .select(["id", "message_id", "meta", "size"])
    .where("case_id", "=", caseId)
    .orderBy("created_at")
    .execute();
  const fileView = (f: (typeof files)[number]) => ({
    id: f.id,
    filename: openJson<AttachmentMeta>(key, `attachment-meta:${f.id}`, f.meta).filename,
    size: f.size,
  });
  await db
    .updateTable("speakup_messages")
    .set({ read_at: isoNow(ctx.clock) })
    .where("case_id", "=", caseId)
    .where("author", "!=", "reporter")
    .where("read_at", "is", null)
    .execute();
  return {
    number: c.number,
    status: progress.status,
    category: categoryLabel(c.category),
    receivedAt: c.received_at,
    acknowledged: c.acknowledged_at !== null || progress.acknowledged_at !== null,
    summary: content.summary,
    messages: messages.map((m) => ({
      id: m.id,
      author: m.author,
      isFeedback: m.is_feedback === 1,
      body: openJson<string>(key, `message:${m.id}`, m.body),
      createdAt: m.created_at,
      attachments: files.filter((f) => f.message_id === m.id).map(fileView),
    })),
    attachments: files.filter((f) => f.message_id === null).map(fileView),
  };
}

/** The reporter answers a question or adds information and files. */
export async function replyInMailbox(
  ctx: Ctx,
  token: string,
  input: { body: string; files: IncomingFile[] },
): Promise<SpeakupMessagePostedView> {
  const caseId = await caseOfToken(ctx, token);
  const body = input.body.trim();
  if (!body && input.files.length === 0)
    throw new AppError("INVALID", "Write a message or attach a file.", {
      errors: [{ path: "body", message: "is empty" }],
    });
  if (body.length > 20_000)
    throw new AppError("INVALID", "The message is longer than 20,000 characters.", {
      errors: [{ path: "body", message: "too long" }],
    });
  checkAttachments(input.files);
  return withTransaction(ctx, async (tx) => {
    const db = speakupDb(tx);
    const c = await db
      .selectFrom("speakup_cases")
      .select(["id", "number", "data_key", "team", "assignee_user_id", "merged_into_id"])
      .where("id", "=", caseId)
      .executeTakeFirstOrThrow();
    const key = openCaseKey(tx, c.id, c.data_key);
    const id = newId();
    const now = isoNow(tx.clock);
    await db
      .insertInto("speakup_messages")
      .values({
        id,
        case_id: caseId,
        author: "reporter",
        author_user_id: null,
        body: sealJson(key, `message:${id}`, body),
        created_at: now,
        read_at: null,
      })
      .execute();
    await storeAttachments(tx, key, input.files, id);
    await db.updateTable("speakup_cases").set({ updated_at: now }).where("id", "=", caseId).execute();
    await record(
      tx,
      "speakup.mailbox.reply",
      { type: "speakup_case", id: caseId },
      { attachments: input.files.length },
    );
    // Through the one recipient function: never someone named in the case or conflicted (COC-22.2).
    // A merged report's reply goes to the handlers of the case that carries the investigation on.
    const handling = c.merged_into_id ? await survivorOf(tx, c.merged_into_id) : c;
    await notifyCase(tx, handling, {
      kind: "speakup.reply",
      title: `The reporter replied on ${handling.number}`,
    });
    return { id, createdAt: now };
  });
}

export async function readMailboxAttachment(ctx: Ctx, token: string, attachmentId: string) {
  const caseId = await caseOfToken(ctx, token);
  return readAttachment(ctx, caseId, attachmentId);
}

export async function readAttachment(ctx: Ctx, caseId: string, attachmentId: string) {
  const db = speakupDb(ctx);
  const c = await db
    .selectFrom("speakup_cases")
    .select(["id", "data_key"])
    .where("id", "=", caseId)
    .executeTakeFirstOrThrow();
  const f = await db
    .selectFrom("speakup_attachments")
    .selectAll()
    .where("id", "=", attachmentId)
    .where("case_id", "=", caseId)
    .executeTakeFirst();
  if (!f) throw new AppError("NOT_FOUND", "The file was not found.");
  const key = openCaseKey(ctx, c.id, c.data_key);
  const meta = openJson<AttachmentMeta>(key, `attachment-meta:${f.id}`, f.meta);
  return { ...meta, bytes: open(key.key, f.content, `${c.id}:attachment:${f.id}`) };
}

export async function closeMailbox(ctx: Ctx, token: string) {
  await speakupDb(ctx)
    .deleteFrom("speakup_mailbox_sessions")
    .where("id_hash", "=", tokenHash(token))
    .execute();
}

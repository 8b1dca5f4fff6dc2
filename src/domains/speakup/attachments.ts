import { record } from "../../kernel/audit.ts";
import { hourClock, isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { AppError, invalid } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { queueMail } from "../../kernel/mail.ts";
import { addToCounter, windowStart } from "../../kernel/rate-counters.ts";
import { ensureTask } from "../../kernel/tasks.ts";
import { activeUsersInRole } from "../people/index.ts";
import type { AttachmentMeta } from "./content.ts";
import { speakupDb } from "./db.ts";
import { contentMatchesExtension, KIND_OF_EXTENSION } from "./file-types.ts";
import { scrubMetadata } from "./scrub.ts";
import { type CaseKey, sealBytes, sealJson } from "./sealing.ts";
import { ATTACHMENT_LIMITS } from "./vocabulary.ts";

export type IncomingFile = { filename: string; contentType: string; bytes: Uint8Array };

/** Checks count, size and type before anything is written. */
export function checkAttachments(files: readonly IncomingFile[]): void {
  if (files.length > ATTACHMENT_LIMITS.maxFiles) {
    throw invalid(`Attach at most ${ATTACHMENT_LIMITS.maxFiles} files.`, [
      { path: "attachments", message: "too many files" },
    ]);
  }
  for (const f of files) {
    const ext = f.filename.toLowerCase().split(".").pop() ?? "";
    if (!(ATTACHMENT_LIMITS.extensions as readonly string[]).includes(ext)) {
      throw invalid(
        `"${f.filename}" is not an accepted file type (${ATTACHMENT_LIMITS.extensions.join(", ")}).`,
        [{ path: "attachments", message: "file type not accepted" }],
      );
    }
    if (f.bytes.length > ATTACHMENT_LIMITS.maxBytes) {
      throw invalid(`"${f.filename}" is larger than ${ATTACHMENT_LIMITS.maxBytes / 1024 / 1024} MB.`, [
        { path: "attachments", message: "file too large" },
      ]);
    }
    if (f.bytes.length === 0)
      throw invalid(`"${f.filename}" is empty.`, [{ path: "attachments", message: "empty file" }]);
    // The name is not enough: the content must be what the name says (an .exe renamed .pdf is not).
    if (KIND_OF_EXTENSION[ext] && !contentMatchesExtension(ext, f.bytes)) {
      throw invalid(`"${f.filename}" is not a real .${ext} file; its content is of another type.`, [
        { path: "attachments", message: "content does not match the file type" },
      ]);
    }
  }
}

const HOUR = 3_600_000;
export const UPLOADS_FULL =
  "The portal is receiving too many files right now; send your report without files or try later.";

/**
 * Counts the bytes of files sent by someone who is not signed in against the portal's hourly
 * budget (shared by every app server), before anything is stored; past it the files are refused
 * (429) and the administrators are told once per hour, without any case content. An anonymous
 * visitor cannot fill the disk.
 */
export async function reserveUploadBudget(
  ctx: Ctx,
  bytes: number,
  budgetBytesPerHour: number,
): Promise<void> {
  if (ctx.actor.kind !== "anonymous" || bytes <= 0) return;
  const total = await addToCounter(ctx, "uploads:anonymous", bytes, HOUR);
  if (total <= budgetBytesPerHour) return;
  if (total - bytes <= budgetBytesPerHour) await alertAdministrators(ctx, budgetBytesPerHour);
  throw new AppError("RATE_LIMITED", UPLOADS_FULL);
}

async function alertAdministrators(ctx: Ctx, budget: number) {
  // The alert carries the hour only, like the reports around it (COC-22.2).
  const at = hourClock(ctx.clock);
  await withTransaction({ ...ctx, clock: at }, async (tx) => {
    const hour = windowStart(at.now(), HOUR).slice(11, 16);
    const title = `The speak-up portal refused files: more than ${Math.round(budget / 1024 / 1024)} MB were sent anonymously in the hour from ${hour} UTC`;
    for (const a of await activeUsersInRole(tx, "admin")) {
      await ensureTask(tx, { userId: a.id, kind: "speakup.upload_budget", title, href: "/admin" });
      await queueMail(tx, {
        to: a.email,
        subject: "Speak-up portal: upload budget reached",
        text: `${title}.\nReports are still accepted without files. If this is not an attack, raise UPLOAD_BUDGET_MB_PER_HOUR.`,
      });
    }
    await record(tx, "speakup.upload_budget", null, { budgetBytes: budget });
  });
}

export async function storeAttachments(
  ctx: Ctx,
  key: CaseKey,
  files: readonly IncomingFile[],
  messageId: string | null,
) {
  for (const f of files) {
    const id = newId();
    // Metadata (EXIF GPS, author, device) is removed before the file is sealed.
    const bytes = await scrubMetadata(f.bytes);
    const meta: AttachmentMeta = {
      filename: f.filename.replace(/[/\\]/g, "_"),
      contentType: f.contentType || "application/octet-stream",
    };
    await speakupDb(ctx)
      .insertInto("speakup_attachments")
      .values({
        id,
        case_id: key.caseId,
        message_id: messageId,
        meta: sealJson(key, `attachment-meta:${id}`, meta),
        size: bytes.length,
        content: sealBytes(key, `attachment:${id}`, bytes),
        created_at: isoNow(ctx.clock),
      })
      .execute();
  }
}

/** The bytes of files in a request, for the upload budget. */
export const bytesOf = (files: readonly { bytes: Uint8Array }[]) =>
  files.reduce((sum, f) => sum + f.bytes.length, 0);

/** The decoded size of base64 attachments, without decoding them. */
export const base64Bytes = (files: readonly { base64: string }[]) =>
  files.reduce((sum, f) => sum + Math.floor((f.base64.replace(/=+$/, "").length * 3) / 4), 0);

import { isoNow } from "../../kernel/clock.ts";
import type { Ctx } from "../../kernel/context.ts";
import { invalid } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import type { AttachmentMeta } from "./content.ts";
import { speakupDb } from "./db.ts";
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
  }
}

export async function storeAttachments(
  ctx: Ctx,
  key: CaseKey,
  files: readonly IncomingFile[],
  messageId: string | null,
) {
  for (const f of files) {
    const id = newId();
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
        size: f.bytes.length,
        content: sealBytes(key, `attachment:${id}`, f.bytes),
        created_at: isoNow(ctx.clock),
      })
      .execute();
  }
}

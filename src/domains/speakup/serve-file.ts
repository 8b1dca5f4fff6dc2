import type { FastifyReply } from "fastify";
import { detectKind, isImageKind, mimeOf } from "./file-types.ts";
import { scrubMetadata } from "./scrub.ts";

/**
 * Serves a file a reporter sent without letting it act in the browser: the type comes from its
 * bytes, never from the name or the uploader; nosniff and a sandboxing CSP on every answer; only
 * an image may be shown inline (a preview for handlers), stripped of its metadata again in case it
 * was stored before stripping existed. Everything else is a download.
 */
export async function sendReportedFile(
  reply: FastifyReply,
  file: { filename: string; bytes: Uint8Array },
  options: { preview: boolean },
) {
  const name = encodeURIComponent(file.filename);
  reply
    .header("x-content-type-options", "nosniff")
    .header("content-security-policy", "sandbox; default-src 'none'")
    .header("cross-origin-resource-policy", "same-origin");
  if (options.preview && isImageKind(detectKind(file.bytes))) {
    const clean = await scrubMetadata(file.bytes);
    return reply
      .type(mimeOf(clean))
      .header("content-disposition", `inline; filename="${name}"`)
      .send(Buffer.from(clean));
  }
  return reply
    .type("application/octet-stream")
    .header("content-disposition", `attachment; filename="${name}"`)
    .send(Buffer.from(file.bytes));
}

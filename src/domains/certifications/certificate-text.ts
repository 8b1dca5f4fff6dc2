import { isoNow } from "../../kernel/clock.ts";
import type { Ctx } from "../../kernel/context.ts";
import { loadVersionText, sha256 } from "../policies/index.ts";
import { certDb } from "./db.ts";
import type { Question, Statement } from "./tables.ts";

/**
 * The exact text a signer certifies: the policy version's canonical text followed by the
 * certificate's statements and questions. Stored once per distinct text (content-addressed).
 */
export function certificateText(
  policyText: string,
  cert: { title: string; addressedTo: string | null; statements: Statement[]; questions: Question[] },
): string {
  const lines = [
    policyText.trimEnd(),
    "",
    `CERTIFICATE OF COMPLIANCE${cert.addressedTo ? ` TO THE ${cert.addressedTo.toUpperCase()}` : ""}: ${cert.title}`,
    "",
    ...cert.statements.map((s) => `[${s.id}] ${s.text}`),
    ...(cert.questions.length ? ["", ...cert.questions.map((q) => `[${q.id}] ${q.text}`)] : []),
  ];
  return `${lines.join("\n")}\n`;
}

export async function storeCertificateText(
  ctx: Ctx,
  policyVersionId: string,
  cert: Parameters<typeof certificateText>[1],
): Promise<{ hash: string; versionHash: string; versionStatus: string }> {
  const version = await loadVersionText(ctx, policyVersionId);
  const body = certificateText(version.text, cert);
  const hash = sha256(body);
  const db = certDb(ctx);
  const existing = await db
    .selectFrom("cert_texts")
    .select("hash")
    .where("hash", "=", hash)
    .executeTakeFirst();
  if (!existing)
    await db
      .insertInto("cert_texts")
      .values({ hash, body, created_at: isoNow(ctx.clock) })
      .execute();
  return { hash, versionHash: version.hash, versionStatus: version.version.status };
}

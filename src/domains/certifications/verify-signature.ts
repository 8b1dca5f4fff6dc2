import type { Ctx } from "../../kernel/context.ts";
import { loadVersionText, sha256 } from "../policies/index.ts";
import { certDb } from "./db.ts";
import type { CertSignaturesTable } from "./tables.ts";
import type { CertificateView } from "./views.ts";

/** The seal covers every stored field of a signature, in a fixed order. */
export function sealOf(s: Omit<CertSignaturesTable, "seal">): string {
  return sha256(
    JSON.stringify([
      s.id,
      s.assignment_id,
      s.person_id,
      s.user_id,
      s.policy_version_id,
      s.signed_at,
      s.typed_name,
      s.text_hash,
      s.affirmed,
      s.answers,
    ]),
  );
}

/** What the certificate view shows of a signature's integrity (its schema in views.ts). */
export type Integrity = NonNullable<CertificateView["signature"]>["integrity"];

/**
 * Tamper detection: the signature's seal, the stored certified text and the policy version's text
 * must all still hash to what was recorded when it was signed.
 */
export async function verifySignature(ctx: Ctx, signature: CertSignaturesTable): Promise<Integrity> {
  const problems: string[] = [];
  const { seal, ...rest } = signature;
  if (sealOf(rest) !== seal) {
    problems.push(
      "The stored signature was altered: its seal (SHA-256 over the signature's fields) no longer matches.",
    );
  }
  const stored = await certDb(ctx)
    .selectFrom("cert_texts")
    .select("body")
    .where("hash", "=", signature.text_hash)
    .executeTakeFirst();
  if (!stored) problems.push("The certified text is missing.");
  else if (sha256(stored.body) !== signature.text_hash) {
    problems.push(
      "The certified text was altered: its SHA-256 no longer matches the hash recorded at signing.",
    );
  }
  const version = await loadVersionText(ctx, signature.policy_version_id).catch(() => null);
  const approved = await certDb(ctx)
    .selectFrom("policy_versions")
    .select("content_hash")
    .where("id", "=", signature.policy_version_id)
    .executeTakeFirst();
  if (!version) problems.push("The policy version certified is missing.");
  else if (stored && !stored.body.startsWith(version.text.trimEnd())) {
    problems.push(
      `The text of ${version.policy.short_title} version ${version.version.number} was altered after it was certified.`,
    );
  } else if (approved?.content_hash && approved.content_hash !== version.hash) {
    problems.push(
      `The text of ${version.policy.short_title} version ${version.version.number} no longer matches its approved hash.`,
    );
  }
  return { ok: problems.length === 0, checkedAt: ctx.clock.now().toISOString(), problems };
}

import { createHash } from "node:crypto";

export const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

export type CanonicalSection = { number: string; title: string; body: string };

/** The exact text of a version, as read and certified: any edit changes its hash. */
export function canonicalText(
  policy: { title: string },
  version: { number: number },
  sections: readonly CanonicalSection[],
): string {
  const parts = [`${policy.title}`, `Version ${version.number}`];
  for (const s of sections) parts.push(`${s.number}. ${s.title}\n\n${s.body}`);
  return `${parts.join("\n\n")}\n`;
}

import type { Ctx } from "../../kernel/context.ts";
import { notFound } from "../../kernel/errors.ts";
import { canonicalText, sha256 } from "./canonical.ts";
import { policiesDb } from "./db.ts";
import type { SectionLink } from "./tables.ts";

export type VersionSection = {
  number: string;
  title: string;
  body: string;
  anchor: string;
  links: SectionLink[];
};

export const anchorOf = (number: string) => `s-${number.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;

/** A version with its policy, ordered sections, canonical text and that text's SHA-256. */
export async function loadVersionText(ctx: Ctx, versionId: string) {
  const db = policiesDb(ctx);
  const version = await db
    .selectFrom("policy_versions")
    .selectAll()
    .where("id", "=", versionId)
    .executeTakeFirst();
  if (!version) throw notFound("The policy version");
  const policy = await db
    .selectFrom("policies")
    .selectAll()
    .where("id", "=", version.policy_id)
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom("policy_sections")
    .select(["number", "title", "body", "links"])
    .where("version_id", "=", versionId)
    .orderBy("position")
    .execute();
  const sections: VersionSection[] = rows.map((r) => ({
    number: r.number,
    title: r.title,
    body: r.body,
    anchor: anchorOf(r.number),
    links: JSON.parse(r.links) as SectionLink[],
  }));
  const text = canonicalText(policy, { number: Number(version.number) }, sections);
  return {
    policy,
    version: { ...version, number: Number(version.number) },
    sections,
    text,
    hash: sha256(text),
  };
}

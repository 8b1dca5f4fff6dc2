import type { Ctx } from "../../kernel/context.ts";
import { contains } from "../../kernel/db.ts";
import { notFound } from "../../kernel/errors.ts";
import { policiesDb } from "./db.ts";
import { authorize, can, canApprove } from "./policy.ts";
import type { PoliciesTable, PolicyAudience, PolicyVersionsTable } from "./tables.ts";
import { anchorOf, loadVersionText } from "./version-text.ts";
import type { PolicyList, PolicySearchResults, PolicyVersionTextView, PolicyView } from "./views.ts";

const versionView = (v: PolicyVersionsTable) => ({
  id: v.id,
  number: Number(v.number),
  status: v.status,
  changeNote: v.change_note,
  contentHash: v.content_hash,
  createdBy: v.created_by,
  createdAt: v.created_at,
  approvedBy: v.approved_by,
  approvedAt: v.approved_at,
  publishedAt: v.published_at,
  supersededAt: v.superseded_at,
});

const policyView = (p: PoliciesTable) => ({
  id: p.id,
  key: p.key,
  title: p.title,
  shortTitle: p.short_title,
  audience: JSON.parse(p.audience) as PolicyAudience[],
  owner: p.owner,
  approvalAuthority: p.approval_authority,
});

/** Policies with their current published version; managers also see policies still in draft. */
export async function listPolicies(ctx: Ctx): Promise<PolicyList> {
  authorize(ctx.actor, "policy.read");
  const db = policiesDb(ctx);
  const policies = await db.selectFrom("policies").selectAll().orderBy("title").execute();
  const versions = await db.selectFrom("policy_versions").selectAll().orderBy("number", "desc").execute();
  const drafts = can(ctx.actor, "policy.read_drafts");
  const byId = new Map(policies.map((p) => [p.id, p]));
  const items = policies
    .map((p) => {
      const own = versions.filter((v) => v.policy_id === p.id);
      const published = own.find((v) => v.status === "published");
      const pending = own.find((v) => v.status === "draft" || v.status === "approved");
      return {
        ...policyView(p),
        governsOver: p.governs_over_id ? (byId.get(p.governs_over_id)?.short_title ?? null) : null,
        published: published ? versionView(published) : null,
        pending: drafts && pending ? versionView(pending) : null,
      };
    })
    .filter((p) => p.published || drafts);
  return { items, can: { create: can(ctx.actor, "policy.create") } };
}

/** A policy with its version history (drafts only for managers). */
export async function getPolicy(ctx: Ctx, policyId: string): Promise<PolicyView> {
  authorize(ctx.actor, "policy.read");
  const db = policiesDb(ctx);
  const policy = await db.selectFrom("policies").selectAll().where("id", "=", policyId).executeTakeFirst();
  if (!policy) throw notFound("The policy");
  const drafts = can(ctx.actor, "policy.read_drafts");
  const versions = (
    await db
      .selectFrom("policy_versions")
      .selectAll()
      .where("policy_id", "=", policyId)
      .orderBy("number", "desc")
      .execute()
  ).filter((v) => drafts || v.status === "published" || v.status === "superseded");
  if (versions.length === 0) throw notFound("The policy");
  const governs = policy.governs_over_id
    ? await db
        .selectFrom("policies")
        .select(["id", "short_title"])
        .where("id", "=", policy.governs_over_id)
        .executeTakeFirst()
    : undefined;
  const governedBy = await db
    .selectFrom("policies")
    .select(["id", "short_title"])
    .where("governs_over_id", "=", policyId)
    .execute();
  return {
    ...policyView(policy),
    governsOver: governs ? { id: governs.id, shortTitle: governs.short_title } : null,
    governedBy: governedBy.map((g) => ({ id: g.id, shortTitle: g.short_title })),
    versions: versions.map(versionView),
    can: {
      edit: can(ctx.actor, "policy.edit"),
      approve: canApprove(ctx.actor, policy.approval_authority),
      publish: can(ctx.actor, "policy.publish"),
    },
  };
}

/** The reading view of one version: table of contents, sections and their resolved links. */
export async function getVersion(ctx: Ctx, versionId: string): Promise<PolicyVersionTextView> {
  authorize(ctx.actor, "policy.read");
  const loaded = await loadVersionText(ctx, versionId).catch(() => null);
  if (!loaded) throw notFound("The policy version");
  const { policy, version, sections, hash } = loaded;
  if (
    !can(ctx.actor, "policy.read_drafts") &&
    version.status !== "published" &&
    version.status !== "superseded"
  ) {
    throw notFound("The policy version");
  }
  // Links name a policy by key; resolve each to that policy's published version for the reader.
  const keys = [...new Set(sections.flatMap((s) => s.links.map((l) => l.policyKey)))];
  const targets = keys.length
    ? await policiesDb(ctx)
        .selectFrom("policies as p")
        .innerJoin("policy_versions as v", "v.policy_id", "p.id")
        .select(["p.key", "p.id as policyId", "p.short_title", "v.id as versionId"])
        .where("p.key", "in", keys)
        .where("v.status", "=", "published")
        .execute()
    : [];
  return {
    policy: policyView(policy),
    version: versionView(version),
    currentHash: hash,
    toc: sections.map((s) => ({ number: s.number, title: s.title, anchor: s.anchor })),
    sections: sections.map((s) => ({
      ...s,
      links: s.links.map((l) => {
        const t = targets.find((x) => x.key === l.policyKey);
        return {
          ...l,
          policyId: t?.policyId ?? null,
          versionId: t?.versionId ?? null,
          policyTitle: t?.short_title ?? l.policyKey,
          anchor: anchorOf(l.number),
        };
      }),
    })),
  };
}

function snippet(body: string, q: string): string {
  const at = body.toLowerCase().indexOf(q.toLowerCase());
  if (at < 0) return body.slice(0, 200);
  const start = Math.max(0, at - 80);
  return `${start > 0 ? "…" : ""}${body.slice(start, at + q.length + 120)}…`;
}

/** Full-text search (substring, case-insensitive) across the sections of published versions. */
export async function searchPolicies(ctx: Ctx, input: { q: string }): Promise<PolicySearchResults> {
  authorize(ctx.actor, "policy.read");
  const rows = await policiesDb(ctx)
    .selectFrom("policy_sections as s")
    .innerJoin("policy_versions as v", "v.id", "s.version_id")
    .innerJoin("policies as p", "p.id", "v.policy_id")
    .select(["p.id as policyId", "p.short_title", "v.id as versionId", "s.number", "s.title", "s.body"])
    .where("v.status", "=", "published")
    .where((eb) => eb.or([contains(eb.ref("s.title"), input.q), contains(eb.ref("s.body"), input.q)]))
    .orderBy("p.short_title")
    .orderBy("s.position")
    .limit(50)
    .execute();
  return {
    items: rows.map((r) => ({
      policyId: r.policyId,
      policyTitle: r.short_title,
      versionId: r.versionId,
      number: r.number,
      title: r.title,
      anchor: anchorOf(r.number),
      snippet: snippet(r.body, input.q),
    })),
  };
}

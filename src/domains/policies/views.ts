import { z } from "zod";
import { canFlags, isoDate, isoInstant, itemsOf } from "../../kernel/http/responses.ts";

// The answers of the policies API (issue 13: one contract). `can` flags come from policy.ts.

const audience = z.enum(["everyone", "senior_officers", "finance_accounting", "directors"]);

export const policyVersionView = z
  .object({
    id: z.string(),
    number: z.number().int(),
    status: z.enum(["draft", "approved", "published", "superseded"]),
    changeNote: z.string().nullable(),
    /** SHA-256 of the canonical text, fixed when the version is approved. */
    contentHash: z.string().nullable(),
    createdBy: z.string(),
    createdAt: isoInstant,
    approvedBy: z.string().nullable(),
    approvedAt: isoInstant.nullable(),
    publishedAt: isoInstant.nullable(),
    supersededAt: isoInstant.nullable(),
  })
  .meta({ id: "PolicyVersionView" });
export type PolicyVersionView = z.infer<typeof policyVersionView>;

const policyFields = {
  id: z.string(),
  key: z.string(),
  title: z.string(),
  shortTitle: z.string(),
  audience: z.array(audience),
  owner: z.string(),
  approvalAuthority: z.enum(["legal", "board"]),
};
export const policySummaryView = z.object(policyFields).meta({ id: "PolicySummaryView" });

export const policyListItem = z
  .object({
    ...policyFields,
    /** SOC-2: the short title of the policy this one controls where they conflict. */
    governsOver: z.string().nullable(),
    published: policyVersionView.nullable(),
    /** A draft or approved version not yet published (policy managers only). */
    pending: policyVersionView.nullable(),
  })
  .meta({ id: "PolicyListItem" });
export const policyList = z
  .object({ items: z.array(policyListItem), can: canFlags("create") })
  .meta({ id: "PolicyList" });
export type PolicyList = z.infer<typeof policyList>;

const policyRef = z.object({ id: z.string(), shortTitle: z.string() });
export const policyView = z
  .object({
    ...policyFields,
    governsOver: policyRef.nullable(),
    governedBy: z.array(policyRef),
    versions: z.array(policyVersionView),
    can: canFlags("edit", "approve", "publish"),
  })
  .meta({ id: "PolicyView" });
export type PolicyView = z.infer<typeof policyView>;

export const policyLinkView = z
  .object({
    policyKey: z.string(),
    number: z.string(),
    kind: z.enum(["overrides", "refers"]),
    /** The linked policy and its published version; null when it has none. */
    policyId: z.string().nullable(),
    versionId: z.string().nullable(),
    policyTitle: z.string(),
    anchor: z.string(),
  })
  .meta({ id: "PolicyLinkView" });

/** The reading view of one version: table of contents, sections and their resolved links. */
export const policyVersionTextView = z
  .object({
    policy: policySummaryView,
    version: policyVersionView,
    currentHash: z.string(),
    toc: z.array(z.object({ number: z.string(), title: z.string(), anchor: z.string() })),
    sections: z.array(
      z.object({
        number: z.string(),
        title: z.string(),
        body: z.string(),
        anchor: z.string(),
        links: z.array(policyLinkView),
      }),
    ),
  })
  .meta({ id: "PolicyVersionTextView" });
export type PolicyVersionTextView = z.infer<typeof policyVersionTextView>;

export const policySearchResults = itemsOf(
  z
    .object({
      policyId: z.string(),
      policyTitle: z.string(),
      versionId: z.string(),
      number: z.string(),
      title: z.string(),
      anchor: z.string(),
      snippet: z.string(),
    })
    .meta({ id: "PolicySearchHit" }),
);
export type PolicySearchResults = z.infer<typeof policySearchResults>;

export const policyCreated = z
  .object({ id: z.string(), versionId: z.string() })
  .meta({ id: "PolicyCreated" });
export const policyDraftCreated = z
  .object({ versionId: z.string(), number: z.number().int() })
  .meta({ id: "PolicyDraftCreated" });
export const policyApproved = z.object({ contentHash: z.string() }).meta({ id: "PolicyApproved" });
export type PolicyCreated = z.infer<typeof policyCreated>;
export type PolicyDraftCreated = z.infer<typeof policyDraftCreated>;
export type PolicyApproved = z.infer<typeof policyApproved>;

const diffPart = z.object({ op: z.enum(["eq", "add", "del"]), text: z.string() });
export const policyDiffView = z
  .object({
    policy: policySummaryView,
    from: policyVersionView,
    to: policyVersionView,
    summary: z.object({
      added: z.number().int(),
      removed: z.number().int(),
      changed: z.number().int(),
      unchanged: z.number().int(),
    }),
    sections: z.array(
      z.object({
        number: z.string(),
        title: z.string(),
        change: z.enum(["added", "removed", "changed", "unchanged"]),
        titleBefore: z.string().optional(),
        parts: z.array(diffPart).optional(),
      }),
    ),
  })
  .meta({ id: "PolicyDiffView" });
export type PolicyDiffView = z.infer<typeof policyDiffView>;

// ---- Waivers (SOC-6: executive officers and directors; Form 8-K disclosure)

export const waiverView = z
  .object({
    id: z.string(),
    policyId: z.string(),
    policyTitle: z.string(),
    sectionNumber: z.string().nullable(),
    person: z.object({ id: z.string(), name: z.string(), title: z.string().nullable() }),
    reason: z.string(),
    status: z.enum(["requested", "approved", "rejected"]),
    requestedBy: z.string(),
    requestedAt: isoInstant,
    decidedBy: z.string().nullable(),
    decisionBody: z.string().nullable(),
    decisionNote: z.string().nullable(),
    decidedAt: isoInstant.nullable(),
    /** Form 8-K: four business days after approval. */
    disclosureDue: isoDate.nullable(),
    disclosedAt: isoInstant.nullable(),
    disclosureReference: z.string().nullable(),
    disclosure: z.object({
      state: z.enum(["not_required", "disclosed", "due", "overdue"]),
      businessDaysLeft: z.number().int().nullable(),
    }),
    can: canFlags("decide", "disclose"),
  })
  .meta({ id: "PolicyWaiverView" });
export type WaiverView = z.infer<typeof waiverView>;

export const waiverList = z
  .object({ items: z.array(waiverView), can: canFlags("request") })
  .meta({ id: "PolicyWaiverList" });
export type WaiverList = z.infer<typeof waiverList>;

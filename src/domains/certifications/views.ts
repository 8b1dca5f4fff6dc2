import { z } from "zod";
import { isoDate, isoInstant, itemsOf } from "../../kernel/http/responses.ts";
import { POLICY_AUDIENCES } from "../policies/index.ts";

// What the certification routes answer (issue 13: one contract).

export const certStatementView = z
  .object({ id: z.string(), text: z.string() })
  .meta({ id: "CertificateStatementView" });
export const certQuestionView = z
  .object({ id: z.string(), text: z.string(), kind: z.enum(["conflict", "violation", "other"]) })
  .meta({ id: "CertificateQuestionView" });

/** One certificate as lists show it. */
export const certificateSummaryView = z
  .object({
    id: z.string(),
    campaignId: z.string(),
    campaignName: z.string(),
    title: z.string(),
    addressedTo: z.string().nullable(),
    policyId: z.string(),
    policyTitle: z.string(),
    policyVersionId: z.string(),
    versionNumber: z.number().int(),
    person: z.object({ id: z.string(), name: z.string(), title: z.string().nullable() }),
    dueDate: isoDate,
    status: z.enum(["pending", "signed"]),
    isOverdue: z.boolean(),
    signedAt: isoInstant.nullable(),
  })
  .meta({ id: "CertificateSummaryView" });
export type CertificateSummaryView = z.infer<typeof certificateSummaryView>;
export const certificateList = itemsOf(certificateSummaryView);
export type CertificateList = z.infer<typeof certificateList>;

/** One certificate: the exact wording to sign, or the signature and its integrity. */
export const certificateView = certificateSummaryView
  .extend({
    textHash: z.string(),
    statements: z.array(certStatementView),
    questions: z.array(certQuestionView),
    sections: z.array(
      z.object({ number: z.string(), title: z.string(), body: z.string(), anchor: z.string() }),
    ),
    signature: z
      .object({
        id: z.string(),
        signedAt: isoInstant,
        typedName: z.string(),
        textHash: z.string(),
        seal: z.string(),
        affirmed: z.array(z.string()),
        answers: z.record(z.string(), z.object({ answer: z.boolean(), details: z.string().optional() })),
        integrity: z.object({ ok: z.boolean(), checkedAt: isoInstant, problems: z.array(z.string()) }),
      })
      .nullable(),
    can: z.object({ sign: z.boolean(), followReports: z.boolean() }),
  })
  .meta({ id: "CertificateView" });
export type CertificateView = z.infer<typeof certificateView>;

export const certTemplateView = z
  .object({
    id: z.string(),
    name: z.string(),
    policyId: z.string(),
    policyTitle: z.string().nullable(),
    addressedTo: z.string().nullable(),
    audience: z.array(z.string()),
    statements: z.array(certStatementView),
    questions: z.array(certQuestionView),
    joinerDays: z.number().int().nullable(),
    joinersSince: isoDate.nullable(),
  })
  .meta({ id: "CertificateTemplateView" });
export type CertTemplateView = z.infer<typeof certTemplateView>;

export const certTemplateList = z
  .object({ items: z.array(certTemplateView), can: z.object({ manage: z.boolean() }) })
  .meta({ id: "CertificateTemplateList" });
export type CertTemplateList = z.infer<typeof certTemplateList>;

export const campaignTotalsView = z
  .object({
    assigned: z.number().int(),
    signed: z.number().int(),
    pending: z.number().int(),
    overdue: z.number().int(),
    /** Signed over assigned, 0 to 1. */
    completion: z.number(),
  })
  .meta({ id: "CampaignTotalsView" });

const campaignFields = {
  id: z.string(),
  name: z.string(),
  kind: z.enum(["periodic", "joiner", "recertification"]),
  title: z.string(),
  addressedTo: z.string().nullable(),
  templateId: z.string(),
  policyVersionId: z.string(),
  policyTitle: z.string(),
  versionNumber: z.number().int(),
  textHash: z.string(),
  audience: z.object({
    groups: z.array(z.enum(POLICY_AUDIENCES)),
    entityIds: z.array(z.string()).optional(),
    countries: z.array(z.string()).optional(),
    departments: z.array(z.string()).optional(),
  }),
  dueDate: isoDate.nullable(),
  status: z.enum(["active", "closed"]),
  launchedBy: z.string(),
  launchedAt: isoInstant,
  closedAt: isoInstant.nullable(),
  totals: campaignTotalsView,
};

export const campaignSummaryView = z.object(campaignFields).meta({ id: "CampaignSummaryView" });
export const campaignList = z
  .object({ items: z.array(campaignSummaryView), can: z.object({ launch: z.boolean() }) })
  .meta({ id: "CampaignList" });
export type CampaignList = z.infer<typeof campaignList>;

export const campaignView = z
  .object({ ...campaignFields, can: z.object({ close: z.boolean() }) })
  .meta({ id: "CampaignView" });
export type CampaignView = z.infer<typeof campaignView>;

export const completionBreakdownView = z
  .object({
    by: z.enum(["entity", "department", "country", "supervisor"]),
    /** How many groups there are in all (the items are the first `limit`, lowest completion first). */
    groups: z.number().int(),
    items: z.array(
      z.object({
        key: z.string().nullable(),
        label: z.string(),
        assigned: z.number().int(),
        signed: z.number().int(),
        overdue: z.number().int(),
        completion: z.number(),
      }),
    ),
  })
  .meta({ id: "CompletionBreakdownView" });
export type CompletionBreakdownView = z.infer<typeof completionBreakdownView>;

export const assignmentRowView = z
  .object({
    id: z.string(),
    personId: z.string(),
    externalId: z.string().nullable(),
    name: z.string(),
    email: z.string().nullable(),
    department: z.string().nullable(),
    country: z.string().nullable(),
    entity: z.string().nullable(),
    supervisor: z.string().nullable(),
    dueDate: isoDate,
    status: z.enum(["pending", "signed"]),
    signedAt: isoInstant.nullable(),
    remindersSent: z.number().int(),
    escalatedAt: isoInstant.nullable(),
  })
  .meta({ id: "CampaignAssignmentView" });
export const assignmentPage = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(assignmentRowView),
});
export type AssignmentPage = z.infer<typeof assignmentPage>;

/** SOC-7: the certificates addressed to the Audit Committee. */
export const auditCommitteeCertificateView = z
  .object({
    id: z.string(),
    campaignId: z.string(),
    campaignName: z.string(),
    name: z.string(),
    title: z.string().nullable(),
    isSeniorOfficer: z.boolean(),
    dueDate: isoDate,
    status: z.enum(["pending", "signed"]),
    isOverdue: z.boolean(),
    signedAt: isoInstant.nullable(),
    hasYesAnswer: z.boolean(),
  })
  .meta({ id: "AuditCommitteeCertificateView" });
export const auditCommitteeList = itemsOf(auditCommitteeCertificateView);
export type AuditCommitteeList = z.infer<typeof auditCommitteeList>;

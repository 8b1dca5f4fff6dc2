import { z } from "zod";
import { calendarDate, country } from "../people/index.ts";
import { POLICY_AUDIENCES } from "../policies/index.ts";

export const idParam = z.string().min(1).max(120);

export const statementInput = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,40}$/, "use lower-case letters, digits and dashes"),
  text: z.string().trim().min(3).max(2000),
});
export const questionInput = statementInput.extend({ kind: z.enum(["conflict", "violation", "other"]) });

const uniqueIds = (list: { id: string }[]) => new Set(list.map((s) => s.id)).size === list.length;

export const templateInput = z.object({
  name: z.string().trim().min(3).max(200),
  policyId: idParam,
  addressedTo: z.string().trim().max(200).nullable().optional(),
  audience: z.array(z.enum(POLICY_AUDIENCES)).min(1, "name at least one audience"),
  statements: z
    .array(statementInput)
    .min(1, "a certificate affirms at least one statement")
    .max(30)
    .refine(uniqueIds, "statement ids must be unique"),
  questions: z.array(questionInput).max(20).default([]).refine(uniqueIds, "question ids must be unique"),
  joinerDays: z.number().int().min(1).max(365).nullable().optional(),
});
export type TemplateInput = z.infer<typeof templateInput>;

export const audienceRule = z.object({
  groups: z.array(z.enum(POLICY_AUDIENCES)).min(1, "name at least one audience group"),
  entityIds: z.array(z.string().max(100)).max(100).optional(),
  countries: z.array(country).max(300).optional(),
  departments: z.array(z.string().trim().min(1).max(200)).max(300).optional(),
});

export const campaignInput = z.object({
  name: z.string().trim().min(3).max(200),
  templateId: idParam,
  /** The policy version certified; the template's policy's published version by default. */
  policyVersionId: idParam.optional(),
  audience: audienceRule.optional(),
  dueDate: calendarDate,
});
export type CampaignInput = z.infer<typeof campaignInput>;

export const signInput = z.object({
  /** The hash of the text the signer was shown: signing fails if the text changed since. */
  textHash: z.string().regex(/^[0-9a-f]{64}$/, "must be the SHA-256 shown with the certificate"),
  affirmed: z.array(z.string().max(40)).max(30),
  answers: z
    .record(
      z.string().max(40),
      z.object({ answer: z.boolean(), details: z.string().trim().max(5000).optional() }),
    )
    .default({}),
  typedName: z.string().trim().min(2, "type your full name").max(200),
});
export type SignInput = z.infer<typeof signInput>;

export const breakdownQuery = z.object({
  by: z.enum(["entity", "department", "country", "supervisor"]),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const listQuery = z.object({
  status: z.enum(["pending", "signed", "overdue", "all"]).default("overdue"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListQuery = z.infer<typeof listQuery>;

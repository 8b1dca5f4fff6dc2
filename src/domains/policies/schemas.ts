import { z } from "zod";
import { calendarDate } from "../people/index.ts";

export const POLICY_AUDIENCES = ["everyone", "senior_officers", "finance_accounting", "directors"] as const;
export const DECISION_BODIES = [
  "board",
  "audit_committee",
  "compensation_committee",
  "nominating_governance_committee",
] as const;
export type DecisionBody = (typeof DECISION_BODIES)[number];

export const idParam = z.string().min(1).max(100);

export const sectionLink = z.object({
  policyKey: z.string().trim().min(1).max(60),
  number: z.string().trim().min(1).max(20),
  kind: z.enum(["overrides", "refers"]),
});

export const sectionInput = z.object({
  number: z.string().trim().min(1, "is required").max(20),
  title: z.string().trim().min(1, "is required").max(300),
  body: z.string().trim().min(1, "is required").max(60_000),
  links: z.array(sectionLink).max(50).default([]),
});
export type SectionInput = z.infer<typeof sectionInput>;

const sections = z
  .array(sectionInput)
  .min(1, "a policy needs at least one section")
  .max(300)
  .refine((list) => new Set(list.map((s) => s.number)).size === list.length, {
    message: "section numbers must be unique",
  });

export const policyInput = z.object({
  key: z
    .string()
    .trim()
    .min(2)
    .max(60)
    .regex(/^[a-z0-9][a-z0-9-]*$/, "use lower-case letters, digits and dashes, e.g. code-of-conduct"),
  title: z.string().trim().min(2).max(300),
  shortTitle: z.string().trim().min(2).max(80),
  audience: z.array(z.enum(POLICY_AUDIENCES)).min(1, "name at least one audience"),
  owner: z.string().trim().min(2).max(200),
  approvalAuthority: z.enum(["legal", "board"]),
  governsOverKey: z.string().trim().max(60).nullable().optional(),
  changeNote: z.string().trim().max(2000).optional(),
  sections,
});
export type PolicyInput = z.infer<typeof policyInput>;

export const draftInput = z.object({
  changeNote: z.string().trim().max(2000).optional(),
  sections: sections.optional(),
});
export type DraftInput = z.infer<typeof draftInput>;

export const sectionsInput = z.object({ changeNote: z.string().trim().max(2000).optional(), sections });
export type SectionsInput = z.infer<typeof sectionsInput>;

export const publishInput = z.object({
  /** Launch a re-certification of every certificate template on this policy. */
  recertify: z.boolean().default(false),
  dueDate: calendarDate.optional(),
});
export type PublishInput = z.infer<typeof publishInput>;

export const searchQuery = z.object({ q: z.string().trim().min(2, "type at least 2 characters").max(100) });

export const waiverInput = z.object({
  policyId: idParam,
  sectionNumber: z.string().trim().max(20).nullable().optional(),
  personId: idParam,
  reason: z.string().trim().min(10, "explain the waiver in at least 10 characters").max(5000),
});
export type WaiverInput = z.infer<typeof waiverInput>;

export const waiverDecision = z.object({
  decision: z.enum(["approved", "rejected"]),
  decisionBody: z.enum(DECISION_BODIES),
  note: z.string().trim().max(5000).optional(),
});
export type WaiverDecision = z.infer<typeof waiverDecision>;

export const discloseInput = z.object({
  reference: z.string().trim().min(3, "name the filing, e.g. Form 8-K of 2026-03-05").max(500),
});

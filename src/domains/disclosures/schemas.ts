import { z } from "zod";
import { calendarDate, country } from "../people/index.ts";
import {
  BOYCOTT_DOCUMENTS,
  CONFLICT_STATUSES,
  CONFLICT_TYPES,
  GIFT_KINDS,
  GIFT_STATUSES,
  OFFICIAL_KINDS,
} from "./tables.ts";

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const required = (max: number, what: string) =>
  z.string({ message: what }).trim().max(max, `must be at most ${max} characters`).min(1, what);
const optionalText = (max: number) =>
  text(max)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();

export { calendarDate };
export const idParams = z.object({ id: z.string().min(1).max(64) });

// ---- Conflicts of interest (COC-6.1 … COC-6.4, COC-11.1) -------------------------------------

const relationship = z.enum(["competitor", "customer", "supplier", "none"], {
  message: "say whether the organisation is a competitor, customer, supplier or none of these",
});

/** The conditional questions of each disclosure type. */
export const conflictAnswers = {
  outside_employment: z.object({
    role: z.enum(["employee", "consultant", "board_member", "owner", "other"], {
      message: "choose your role",
    }),
    organisation: required(200, "name the organisation"),
    relationship,
    paid: z.boolean().default(false),
    hoursPerMonth: z.number().int().min(0).max(744).nullable().optional(),
  }),
  financial_interest: z.object({
    organisation: required(200, "name the organisation"),
    relationship,
    ownershipPercent: z
      .string()
      .trim()
      .regex(/^\d{1,3}(\.\d{1,4})?$/, "write a percentage such as 2.5")
      .nullable()
      .optional(),
  }),
  family_relationship: z.object({
    relative: required(100, "say who the family member is (e.g. spouse, brother)"),
    organisation: required(200, "name the organisation"),
    relationship,
    influencesDecisions: z.boolean().default(false),
  }),
  related_party: z.object({
    counterparty: required(200, "name the related party"),
    transaction: required(2000, "describe the transaction"),
    amount: z
      .string()
      .trim()
      .regex(/^\d{1,12}(\.\d{1,2})?$/, "write an amount such as 12500.00")
      .nullable()
      .optional(),
  }),
  corporate_opportunity: z.object({
    opportunity: required(2000, "describe the opportunity"),
    howDiscovered: required(1000, "say how you came across it"),
    wouldCompete: z.boolean().default(false),
  }),
  other: z.object({}).passthrough(),
} as const;

export const conflictInput = z.object({
  type: z.enum(CONFLICT_TYPES, { message: "choose the kind of conflict" }),
  title: required(200, "give the disclosure a short title"),
  description: required(20_000, "describe the situation"),
  answers: z.record(z.string(), z.unknown()).default({}),
  submit: z.boolean().default(true),
});
export type ConflictInput = z.input<typeof conflictInput>;

export const conflictPatch = z.object({
  type: z.enum(CONFLICT_TYPES, { message: "choose the kind of conflict" }).optional(),
  title: required(200, "give the disclosure a short title").optional(),
  description: required(20_000, "describe the situation").optional(),
  answers: z.record(z.string(), z.unknown()).optional(),
  submit: z.boolean().default(true),
});
export type ConflictPatch = z.input<typeof conflictPatch>;

export const commentInput = z.object({ body: required(20_000, "write a comment") });
export const ceoReviewInput = z.object({
  note: required(20_000, "write what you report to the Audit Committee"),
});
export const decisionInput = z.object({
  decision: z.enum(["approved", "approved_mitigated", "prohibited"], { message: "choose a decision" }),
  conditions: optionalText(20_000),
  mitigation: optionalText(20_000),
  reviewDate: calendarDate.nullable().optional(),
  note: optionalText(20_000),
});
export type DecisionInput = z.input<typeof decisionInput>;

export const conflictFilter = z.object({
  q: text(200).optional(),
  status: z.enum([...CONFLICT_STATUSES, "open", "decided"]).optional(),
  type: z.enum(CONFLICT_TYPES).optional(),
  scope: z.enum(["mine", "register", "ceo", "audit_committee", "supervised"]).default("mine"),
});
export type ConflictFilter = z.input<typeof conflictFilter>;

// ---- Gifts (COC-2.1, COC-2.2, COC-6.5, COC-12.1) ---------------------------------------------

const money = z
  .string()
  .trim()
  .regex(/^\d{1,10}(\.\d{1,2})?$/, "write an amount such as 150.00 (at most two decimals)");

export const giftInput = z
  .object({
    direction: z.enum(["given", "received"], { message: "say whether it was given or received" }),
    counterpartyName: required(200, "name the person"),
    organisation: required(200, "name their organisation"),
    official: z.enum(OFFICIAL_KINDS, { message: "say whether the person is a government official" }),
    kind: z.enum(GIFT_KINDS, {
      message: "choose gift, meal, entertainment, hospitality, travel, favour or discount",
    }),
    description: required(2000, "describe it"),
    value: money,
    currency: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{3}$/, "must be a three-letter currency code such as USD")
      .transform((v) => v.toUpperCase())
      .default("USD"),
    usdValue: money.nullable().optional(),
    eventDate: calendarDate,
    businessPurpose: required(2000, "state the business purpose"),
    /** True when it has already been given or received (a register entry, not a request). */
    alreadyHappened: z.boolean().default(false),
  })
  .refine((g) => g.currency === "USD" || Boolean(g.usdValue), {
    message: "give the value in US dollars too (thresholds are in USD)",
    path: ["usdValue"],
  });
export type GiftInput = z.input<typeof giftInput>;

export const giftDecisionInput = z.object({
  approve: z.boolean(),
  text: required(5000, "write the approval or refusal (it is kept as the written record, COC-12.1)").min(
    10,
    "write at least a sentence: this is the written approval (COC-12.1)",
  ),
});
export const giftRecordInput = z.object({ givenOn: calendarDate.optional() });
export const giftFilter = z.object({
  q: text(200).optional(),
  status: z.enum(GIFT_STATUSES).optional(),
  official: z.enum(["any", "government"]).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  scope: z.enum(["mine", "register", "approvals"]).default("mine"),
});
export type GiftFilter = z.input<typeof giftFilter>;
export const giftSettingsInput = z.object({
  perItem: money,
  perRecipientYear: money,
});

// ---- Guidance (COC-22.1) ----------------------------------------------------------------------

export const guidanceInput = z.object({
  topic: required(200, "say what the question is about"),
  question: required(20_000, "write your question"),
  routeTo: z.enum(["supervisor", "legal"]).default("supervisor"),
});
export const anonymousGuidanceInput = z.object({
  topic: required(200, "say what the question is about"),
  question: required(20_000, "write your question"),
  password: z.string().min(8, "must be at least 8 characters").max(200),
  idempotencyKey: z.string().min(16, "must be at least 16 characters").max(128),
});
export const answerInput = z.object({ answer: required(20_000, "write the answer") });
export const faqInput = z.object({
  question: required(5000, "write the question as it will be published, without names"),
  answer: required(20_000, "write the answer as it will be published"),
});

// ---- Inquiries (COC-9.1) ------------------------------------------------------------------------

export const inquiryInput = z.object({
  kind: z.enum(["government", "media"], { message: "say whether it is a government or media inquiry" }),
  organisation: required(200, "name the agency or publication"),
  representative: required(200, "name the person who approached you"),
  contact: optionalText(500),
  receivedAt: calendarDate,
  subject: required(20_000, "say what they asked about"),
});
export const assignInput = z.object({ responderUserId: z.string().min(1).max(64) });
export const responseInput = z.object({ response: required(20_000, "write the response given") });

// ---- Boycotts (COC-8.1) -------------------------------------------------------------------------

export const boycottInput = z.object({
  receivedOn: calendarDate,
  requester: required(200, "say who asked"),
  country: country.nullable().optional(),
  documentType: z.enum(BOYCOTT_DOCUMENTS, { message: "choose the kind of document" }),
  documentRef: optionalText(200),
  requestText: required(20_000, "quote the request"),
});
export const boycottReviewInput = z.object({
  isReportable: z.boolean(),
  note: optionalText(5000),
});
export const quarterParams = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  quarter: z.coerce.number().int().min(1, "quarter is 1 to 4").max(4, "quarter is 1 to 4"),
});

// ---- Legal holds (COC-15.1) ---------------------------------------------------------------------

export const holdInput = z.object({
  matter: required(300, "name the matter"),
  scope: required(20_000, "describe the records to preserve"),
  custodianIds: z.array(z.string().min(1).max(64)).min(1, "choose at least one custodian").max(500),
  caseIds: z.array(z.string().min(1).max(64)).max(200).default([]),
  reminderDays: z.number().int().min(1).max(90).default(3),
  renoticeDays: z.number().int().min(7).max(730).default(90),
});
export type HoldInput = z.input<typeof holdInput>;
export const custodiansInput = z.object({
  custodianIds: z.array(z.string().min(1).max(64)).min(1, "choose at least one custodian").max(500),
});
export const releaseInput = z.object({ note: required(5000, "say why the hold is released") });

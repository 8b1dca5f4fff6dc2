import { z } from "zod";
import { canFlags, isoDate, isoInstant, itemsOf } from "../../kernel/http/responses.ts";
import {
  BOYCOTT_DOCUMENTS,
  CONFLICT_STATUSES,
  CONFLICT_TYPES,
  GIFT_KINDS,
  GIFT_STATUSES,
  OFFICIAL_KINDS,
} from "./tables.ts";

// The answers of the disclosures API (issue 13: one contract). Each object carries `can`: what the
// signed-in user may do with it, derived from policy.ts.

// ---- Conflicts of interest

export const conflictEventView = z
  .object({
    id: z.string(),
    kind: z.enum(["comment", "transition"]),
    role: z.string(),
    actor: z.string(),
    from: z.string().nullable(),
    to: z.string().nullable(),
    body: z.string().nullable(),
    at: isoInstant,
  })
  .meta({ id: "ConflictEventView" });

export const conflictView = z
  .object({
    id: z.string(),
    number: z.string(),
    discloser: z.object({ personId: z.string(), name: z.string() }),
    type: z.enum(CONFLICT_TYPES),
    typeLabel: z.string(),
    title: z.string(),
    description: z.string(),
    counterparty: z.string().nullable(),
    answers: z.record(z.string(), z.unknown()),
    /** What the Code itself forbids, whatever the approvers think (COC-6.4, COC-11.1). */
    prohibitedByCode: z.object({ rule: z.enum(["COC-6.4", "COC-11.1"]), message: z.string() }).nullable(),
    isCeoDisclosure: z.boolean(),
    status: z.enum(CONFLICT_STATUSES),
    version: z.number().int(),
    reapprovalReason: z.enum(["changed", "expired"]).nullable(),
    decision: z.enum(["approved", "approved_mitigated", "prohibited"]).nullable(),
    conditions: z.string().nullable(),
    mitigation: z.string().nullable(),
    reviewDate: isoDate.nullable(),
    decidedBy: z.string().nullable(),
    decidedAt: isoInstant.nullable(),
    ceoNote: z.string().nullable(),
    reportedToAuditCommitteeAt: isoInstant.nullable(),
    source: z.enum(["form", "certificate"]),
    submittedAt: isoInstant.nullable(),
    createdAt: isoInstant,
    updatedAt: isoInstant,
    can: canFlags("edit", "submit", "withdraw", "comment", "forward", "ceoReview", "decide", "approve"),
  })
  .meta({ id: "ConflictView" });
export type ConflictView = z.infer<typeof conflictView>;

/** One disclosure with its history (comments and transitions). */
export const conflictDetailView = conflictView
  .extend({ events: z.array(conflictEventView) })
  .meta({ id: "ConflictDetailView" });
export type ConflictDetailView = z.infer<typeof conflictDetailView>;

export const conflictList = z
  .object({
    items: z.array(conflictView),
    can: canFlags("register", "ceo", "auditCommittee"),
  })
  .meta({ id: "ConflictList" });
export type ConflictList = z.infer<typeof conflictList>;

// ---- Gifts

export const giftSettingsView = z
  .object({
    perItem: z.string(),
    perRecipientYear: z.string(),
    perItemCents: z.number().int(),
    perRecipientYearCents: z.number().int(),
  })
  .meta({ id: "GiftSettingsView" });
export type GiftSettingsView = z.infer<typeof giftSettingsView>;

export const giftView = z
  .object({
    id: z.string(),
    number: z.string(),
    direction: z.enum(["given", "received"]),
    person: z.string().nullable(),
    counterpartyName: z.string(),
    organisation: z.string(),
    official: z.enum(OFFICIAL_KINDS),
    isGovernmentOfficial: z.boolean(),
    kind: z.enum(GIFT_KINDS),
    description: z.string(),
    value: z.string(),
    valueCents: z.string(),
    currency: z.string(),
    usdValue: z.string(),
    eventDate: isoDate,
    businessPurpose: z.string(),
    status: z.enum(GIFT_STATUSES),
    approvalReasons: z.array(z.string()),
    approvalText: z.string().nullable(),
    approver: z.string().nullable(),
    decidedAt: isoInstant.nullable(),
    recordedAt: isoInstant.nullable(),
    recipientYearTotal: z.string(),
    recipientYearTotalCents: z.string(),
    createdAt: isoInstant,
    isMine: z.boolean(),
    can: canFlags("decide", "record"),
  })
  .meta({ id: "GiftView" });
export type GiftView = z.infer<typeof giftView>;

export const giftList = z
  .object({
    items: z.array(giftView),
    settings: giftSettingsView,
    can: canFlags("register", "approve", "configure"),
  })
  .meta({ id: "GiftList" });
export type GiftList = z.infer<typeof giftList>;

// ---- Guidance (ask first, act later, COC-22.1)

export const guidanceView = z
  .object({
    id: z.string(),
    number: z.string(),
    topic: z.string(),
    question: z.string(),
    routedTo: z.enum(["supervisor", "legal"]),
    status: z.enum(["open", "answered"]),
    answer: z.string().nullable(),
    answeredBy: z.string().nullable(),
    answeredAt: isoInstant.nullable(),
    faq: z
      .object({ question: z.string().nullable(), answer: z.string().nullable(), publishedAt: isoInstant })
      .nullable(),
    createdAt: isoInstant,
    isMine: z.boolean(),
    can: canFlags("answer", "escalate", "publish"),
  })
  .meta({ id: "GuidanceView" });
export type GuidanceView = z.infer<typeof guidanceView>;

export const guidanceList = z
  .object({
    mine: z.array(guidanceView),
    toAnswer: z.array(guidanceView),
    can: canFlags("answer"),
  })
  .meta({ id: "GuidanceList" });
export type GuidanceList = z.infer<typeof guidanceList>;

export const faqView = z
  .object({
    id: z.string(),
    question: z.string().nullable(),
    answer: z.string().nullable(),
    publishedAt: isoInstant.nullable(),
  })
  .meta({ id: "GuidanceFaqView" });
export const faqList = itemsOf(faqView);
export type FaqList = z.infer<typeof faqList>;

/** The speak-up receipt of a question asked anonymously, shown once (COC-22.2). */
export const anonymousGuidanceReceipt = z
  .object({ receipt: z.string(), caseNumber: z.string() })
  .meta({ id: "AnonymousGuidanceReceipt" });
export type AnonymousGuidanceReceipt = z.infer<typeof anonymousGuidanceReceipt>;

// ---- Government and media inquiries (COC-9.1)

export const inquiryView = z
  .object({
    id: z.string(),
    number: z.string(),
    kind: z.enum(["government", "media"]),
    reportedBy: z.string(),
    organisation: z.string(),
    representative: z.string(),
    contact: z.string().nullable(),
    receivedAt: isoDate,
    subject: z.string(),
    status: z.enum(["new", "assigned", "responded"]),
    responder: z.string().nullable(),
    response: z.string().nullable(),
    respondedAt: isoInstant.nullable(),
    createdAt: isoInstant,
    can: canFlags("assign", "respond"),
  })
  .meta({ id: "InquiryView" });
export type InquiryView = z.infer<typeof inquiryView>;

export const inquiryList = z
  .object({
    items: z.array(inquiryView),
    /** Who Legal may designate as responder; empty for others. */
    responders: z.array(z.object({ userId: z.string(), name: z.string() })),
    can: canFlags("manage"),
  })
  .meta({ id: "InquiryList" });
export type InquiryList = z.infer<typeof inquiryList>;

// ---- Boycott requests (COC-8.1)

export const boycottView = z
  .object({
    id: z.string(),
    number: z.string(),
    reportedBy: z.string(),
    receivedOn: isoDate,
    requester: z.string(),
    country: z.string().nullable(),
    documentType: z.enum(BOYCOTT_DOCUMENTS),
    documentRef: z.string().nullable(),
    requestText: z.string(),
    isReportable: z.boolean(),
    reportableNote: z.string().nullable(),
    quarter: z.string(),
    reportDueOn: isoDate,
    retainUntil: isoDate,
    reviewedBy: z.string().nullable(),
    reviewedAt: isoInstant.nullable(),
    can: canFlags("review"),
  })
  .meta({ id: "BoycottView" });
export type BoycottView = z.infer<typeof boycottView>;

export const boycottList = z
  .object({ items: z.array(boycottView), can: canFlags("manage") })
  .meta({ id: "BoycottList" });
export type BoycottList = z.infer<typeof boycottList>;

export const boycottReportView = z
  .object({
    quarter: z.string(),
    dueOn: isoDate,
    isOverdue: z.boolean(),
    reportable: z.array(boycottView),
    notReportable: z.array(boycottView),
  })
  .meta({ id: "BoycottReportView" });
export type BoycottReportView = z.infer<typeof boycottReportView>;

// ---- Legal holds (COC-15.1)

export const holdSummaryView = z
  .object({
    id: z.string(),
    number: z.string(),
    matter: z.string(),
    status: z.enum(["active", "released"]),
    issuedAt: isoInstant,
    releasedAt: isoInstant.nullable(),
    nextRenoticeOn: isoDate,
    custodians: z.number().int(),
    acknowledged: z.number().int(),
  })
  .meta({ id: "LegalHoldSummaryView" });

export const holdList = z
  .object({ items: z.array(holdSummaryView), can: canFlags("issue") })
  .meta({ id: "LegalHoldList" });
export type HoldList = z.infer<typeof holdList>;

export const holdView = z
  .object({
    id: z.string(),
    number: z.string(),
    matter: z.string(),
    scope: z.string(),
    status: z.enum(["active", "released"]),
    reminderDays: z.number().int(),
    renoticeDays: z.number().int(),
    nextRenoticeOn: isoDate,
    issuedBy: z.string(),
    issuedAt: isoInstant,
    releasedBy: z.string().nullable(),
    releasedAt: isoInstant.nullable(),
    releaseNote: z.string().nullable(),
    /** Every custodian for Legal; a custodian sees their own line. */
    custodians: z.array(
      z.object({
        personId: z.string(),
        name: z.string(),
        title: z.string().nullable(),
        department: z.string().nullable(),
        notifiedAt: isoInstant,
        acknowledgedAt: isoInstant.nullable(),
        remindersSent: z.number().int(),
        noticesSent: z.number().int(),
      }),
    ),
    /** The speak-up cases the hold covers (Legal only; empty for a custodian). */
    caseIds: z.array(z.string()),
    acknowledged: z.number().int(),
    can: canFlags("manage", "acknowledge"),
  })
  .meta({ id: "LegalHoldView" });
export type HoldView = z.infer<typeof holdView>;

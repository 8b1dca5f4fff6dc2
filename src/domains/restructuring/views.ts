import { z } from "zod";
import { isoDate, isoInstant, pageOf } from "../../kernel/http/responses.ts";

// What the restructuring routes answer (issue 13: one contract). Amounts of money, fractions and
// percentages are decimal strings ("1000.00", "0.6650"), never numbers, so nothing is rounded on
// the way; counts of units, shares and rights are integers.

const money = z.string().meta({ description: 'An amount of money, a decimal string like "1000.00"' });
const fraction = z.string().meta({ description: 'A decimal fraction as a string, like "0.6650"' });

export const investorView = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    backstopPercentage: fraction,
    /** After an ECA-26 withdrawal: Apollo 0, Oaktree with Apollo's percentage added. */
    effectiveBackstopPercentage: fraction,
    isThresholdGroup: z.boolean(),
    withdrawnAt: z.string().nullable(),
  })
  .meta({ id: "OfferingInvestorView" });
export type InvestorView = z.infer<typeof investorView>;

/** The dated facts the deadlines follow (each absent until it happens). */
export const offeringFactsView = z
  .object({
    signingDate: isoDate,
    disclosureStatementOrderDate: isoDate,
    plansupportReceivedDate: isoDate,
    equityCommitmentOrderDate: isoDate,
    confirmationOrderDate: isoDate,
    confirmationOrderFinal: z.boolean(),
    dipMaturityDate: isoDate,
    expectedEffectiveDate: isoDate,
    apolloHsrFilingDate: isoDate,
    apolloCleared: z.boolean(),
    orderDeadline: isoDate,
    finalOrderDeadline: isoDate,
    terminationDate: isoDate,
    extendedTerminationDate: isoDate,
  })
  .partial()
  .meta({ id: "OfferingFactsView" });

export const offeringView = z
  .object({
    id: z.string(),
    name: z.string(),
    unitsOffered: z.number().int(),
    pricePerUnit: money,
    sharesPerUnit: z.number().int(),
    unitComposition: z.string(),
    maximumAmount: money,
    threshold: fraction,
    maximumCutback: fraction,
    structuringFeeRate: fraction,
    terminationFeeDeduction: money,
    preferredShares: z.number().int(),
    preferredPricePerShare: money,
    /** ECA-2(d), computed: the fee rate × the Maximum Rights Offering Amount. */
    structuringFee: money,
    /** ECA-2(d), computed: the Structuring and Arrangement Fee less the deduction (never below zero). */
    terminationFee: money,
    /** Why holders get the rights they do, and which figures were entered and which computed. */
    rightsBasis: z.object({
      enteredHolders: z.number().int(),
      enteredRights: z.number().int(),
      enteredClaims: money,
      /** Rights per $1,000 of Eligible Claims of the holders whose rights were entered; null if none. */
      enteredPerThousand: z.string().nullable(),
      computedHolders: z.number().int(),
      computedRights: z.number().int(),
      computedClaims: money,
      computedPerThousand: z.string().nullable(),
      explanation: z.array(z.string()),
    }),
    exerciseStart: isoDate,
    exerciseEnd: isoDate,
    recordDate: isoDate,
    certifyingOfficer: z.string(),
    facts: offeringFactsView,
    investors: z.array(investorView),
    summary: z.object({
      holders: z.number().int(),
      rights: z.number().int(),
      exercised: z.number().int(),
      elected: z.number().int(),
      paid: money,
    }),
    /** The investor the current user acts for, if any. */
    myInvestorId: z.string().nullable(),
    can: z.object({
      manage: z.boolean(),
      readRegister: z.boolean(),
      elect: z.boolean(),
      runAllocation: z.boolean(),
      readAllocation: z.boolean(),
      vote: z.boolean(),
      withdraw: z.boolean(),
    }),
  })
  .meta({ id: "OfferingView" });
export type OfferingView = z.infer<typeof offeringView>;

export const offeringSummaryView = z
  .object({ id: z.string(), name: z.string(), exerciseEnd: isoDate })
  .meta({ id: "OfferingSummaryView" });
export const offeringList = z.array(offeringSummaryView);
export type OfferingSummaryView = z.infer<typeof offeringSummaryView>;

export const holderView = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    investor: z.string().nullable(),
    claims: z.record(z.string(), money),
    planShares: z.number().int(),
    rights: z.number().int(),
    rightsExplicit: z.boolean(),
    exercised: z.number().int(),
    /** The units the current allocation allots, null before it runs. */
    finalUnits: z.number().int().nullable(),
    /** What the holder owes: its final units (after the allocation) or its exercised units, at the price. */
    paymentDue: money,
    /** Payments received less refunds sent. */
    paid: money,
    owed: money,
    /** Paid beyond what is owed (a cut-back amount included): to refund. */
    refund: money,
    /** Exercised units covered by payments: the allocation counts only these (ECA-3(a)). */
    paidUnits: z.number().int(),
    paymentStatus: z.enum(["not due", "unpaid", "partial", "paid", "overpaid"]),
    electedAt: isoInstant.nullable(),
  })
  .meta({ id: "OfferingHolderView" });
export type HolderView = z.infer<typeof holderView>;

export const holderPage = pageOf(holderView);

export const paymentView = z
  .object({
    id: z.string(),
    kind: z.enum(["payment", "refund"]),
    amount: money,
    receivedOn: isoDate,
    reference: z.string(),
    note: z.string(),
    recordedBy: z.string(),
    recordedAt: isoInstant,
  })
  .meta({ id: "OfferingPaymentView" });
export const paymentList = z.array(paymentView);
export type PaymentView = z.infer<typeof paymentView>;
export type HolderPage = z.infer<typeof holderPage>;

export const portalHoldingView = holderView
  .extend({
    offeringId: z.string(),
    offeringName: z.string(),
    pricePerUnit: money,
    exerciseStart: isoDate,
    exerciseEnd: isoDate,
    isOpen: z.boolean(),
    mustExerciseAll: z.boolean(),
  })
  .meta({ id: "OfferingPortalHoldingView" });
export const portalHoldings = z.array(portalHoldingView);
export type PortalHolding = z.infer<typeof portalHoldingView>;

export const registerRowErrorView = z
  .object({ row: z.number().int(), column: z.string(), message: z.string() })
  .meta({ id: "ClaimsRegisterRowErrorView" });
export type RowError = z.infer<typeof registerRowErrorView>;

export const registerChangeView = z
  .object({
    code: z.string(),
    name: z.string(),
    status: z.enum(["new", "updated"]),
    rightsBefore: z.number().int().nullable(),
    rightsAfter: z.number().int(),
    exercised: z.number().int(),
  })
  .meta({ id: "ClaimsRegisterChangeView" });

export const importRegisterResultView = z
  .object({
    dryRun: z.boolean(),
    errors: z.array(registerRowErrorView),
    /** New holders and holders whose rights the import changes (the first 500). */
    changes: z.array(registerChangeView),
    /** Holders already on the register whose rights the import changes. */
    rightsChanged: z.number().int(),
    /** The record date, and whether this import changes rights after it (then only by a re-basing). */
    recordDate: isoDate,
    needsRebase: z.boolean(),
    rebased: z.boolean(),
    summary: z.object({
      rows: z.number().int(),
      holders: z.number().int(),
      created: z.number().int(),
      updated: z.number().int(),
      unitsOffered: z.number().int(),
    }),
  })
  .meta({ id: "ClaimsRegisterImportView" });
export type ImportRegisterResult = z.infer<typeof importRegisterResultView>;

export const holderAllocationView = z
  .object({
    id: z.string(),
    rights: z.number().int(),
    exercised: z.number().int(),
    subscriptionUnits: z.number().int(),
    cutbackUnits: z.number().int(),
    finalUnits: z.number().int(),
    purchasePrice: money,
  })
  .meta({ id: "HolderAllocationView" });

export const investorAllocationView = z
  .object({
    id: z.string(),
    subscriptionUnits: z.number().int(),
    residualUnits: z.number().int(),
    totalUnits: z.number().int(),
    purchasePrice: money,
    ownershipPercent: z.string(),
    structuringFee: money,
    terminationFee: money,
    preferredShares: z.number().int(),
    preferredPrice: money,
  })
  .meta({ id: "InvestorAllocationView" });

export const allocationView = z
  .object({
    holders: z.array(holderAllocationView),
    investors: z.array(investorAllocationView),
    totals: z.object({
      unitsOffered: z.number().int(),
      subscribedUnits: z.number().int(),
      residualUnits: z.number().int(),
      cutbackUnits: z.number().int(),
      totalShares: z.number().int(),
      thresholdGroupOwnershipPercent: z.string(),
      thresholdMet: z.boolean(),
      thresholdShortfallUnits: z.number().int(),
    }),
    explanation: z.array(z.string()),
  })
  .meta({ id: "OfferingAllocationView" });

export const noticeSummaryView = z
  .object({
    id: z.string(),
    investorId: z.string(),
    investorCode: z.string(),
    investorName: z.string(),
    dueDate: isoDate,
    issuedAt: isoInstant,
    onTime: z.boolean(),
    /** When the earlier notice this one supersedes was issued (a re-run, ECA-2(f)). */
    supersedesIssuedAt: isoInstant.nullable(),
  })
  .meta({ id: "PurchaseNoticeSummaryView" });
export type NoticeSummary = z.infer<typeof noticeSummaryView>;

export const allocationRunView = z
  .object({
    id: z.string(),
    offeringId: z.string(),
    runAt: isoInstant,
    /** Why it ran before the exercise period ended, or again; null for a run after the period. */
    reason: z.string().nullable(),
    /** The register, the paid elections or the terms changed since it ran: its figures no longer hold. */
    outOfDate: z.boolean(),
    /** What changed since the run (staff only; empty for an investor). */
    changes: z.array(z.string()),
    /** How many earlier runs this one superseded. */
    supersededRuns: z.number().int(),
    allocation: allocationView,
    notices: z.array(noticeSummaryView),
  })
  .meta({ id: "OfferingAllocationRunView" });
export type AllocationRun = z.infer<typeof allocationRunView>;

/** The current run, or null before the first. */
export const currentAllocationView = z.object({ run: allocationRunView.nullable() });

export const voteView = z
  .object({
    id: z.string(),
    kind: z.enum(["waiver", "amendment"]),
    subject: z.string(),
    description: z.string(),
    status: z.enum(["open", "passed", "refused"]),
    createdAt: isoInstant,
    decidedAt: isoInstant.nullable(),
    inFavour: fraction,
    against: fraction,
    outstanding: fraction,
    /** Investors whose own consent the agreement requires (ECA-20). */
    consentOf: z.array(z.string()),
    ballots: z.array(
      z.object({
        investorCode: z.string(),
        investorName: z.string(),
        backstop: fraction,
        inFavour: z.boolean().nullable(),
      }),
    ),
    explanation: z.string(),
    myInvestorCode: z.string().nullable(),
  })
  .meta({ id: "InvestorVoteView" });
export const voteList = z.array(voteView);
export type VoteView = z.infer<typeof voteView>;

export const conditionView = z
  .object({
    id: z.string(),
    code: z.string(),
    title: z.string(),
    status: z.enum(["pending", "satisfied", "failed", "waived"]),
    evidence: z.string(),
    inputs: z.record(z.string(), z.unknown()),
    computed: z.boolean(),
    met: z.boolean().nullable(),
    explanation: z.string(),
  })
  .meta({ id: "ConditionPrecedentView" });
export const conditionList = z.array(conditionView);
export type ConditionView = z.infer<typeof conditionView>;

export const deadlineView = z
  .object({
    key: z.string(),
    rule: z.string(),
    title: z.string(),
    /** The date, or null while the fact it follows has not happened. */
    date: isoDate.nullable(),
    basis: z.string(),
    status: z.enum(["upcoming", "passed", "waiting"]),
  })
  .meta({ id: "OfferingDeadlineView" });
export const deadlineList = z.array(deadlineView);
export type Deadline = z.infer<typeof deadlineView>;

export const terminationView = z
  .object({
    id: z.string(),
    event: z.string(),
    label: z.string(),
    occurredOn: isoDate,
    feeOwed: z.boolean(),
    fee: money,
    note: z.string(),
    recordedAt: isoInstant,
  })
  .meta({ id: "OfferingTerminationView" });
export type TerminationView = z.infer<typeof terminationView>;

export const terminationEventView = z
  .object({ code: z.string(), label: z.string(), feeOwed: z.union([z.boolean(), z.literal("19(d)")]) })
  .meta({ id: "OfferingTerminationEventView" });

export const terminationsView = z
  .object({ events: z.array(terminationEventView), recorded: z.array(terminationView) })
  .meta({ id: "OfferingTerminationsView" });
export type TerminationsView = z.infer<typeof terminationsView>;

export const useOfProceedsView = z
  .object({
    proceeds: money,
    fromAllocation: z.boolean(),
    reserve: money,
    unused: money,
    lines: z.array(
      z.object({
        step: z.string(),
        rule: z.string(),
        cap: money.nullable(),
        amount: money,
        note: z.string(),
      }),
    ),
  })
  .meta({ id: "UseOfProceedsView" });
export type UseOfProceedsView = z.infer<typeof useOfProceedsView>;

export const progressReportView = z
  .object({
    id: z.string(),
    reportDate: isoDate,
    kind: z.enum(["scheduled", "on-request"]),
    reason: z.string(),
    rightsExercised: z.number().int(),
    rightsTotal: z.number().int(),
    /** Null for a report that was due and never sent. */
    sentAt: isoInstant.nullable(),
    /** ECA-9(g): sent on its day, caught up late, never sent, or sent on request. */
    status: z.enum(["on time", "late", "missed", "on request"]),
  })
  .meta({ id: "OfferingProgressReportView" });
export const progressReportList = z.array(progressReportView);
export type ProgressReportView = z.infer<typeof progressReportView>;

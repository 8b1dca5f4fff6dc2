import { z } from "zod";

const decimalFraction = (field: string) =>
  z.string().regex(/^(0(\.\d{1,8})?|1(\.0{1,8})?)$/, `${field} is a fraction between 0 and 1, like "0.6650"`);
export const money = z
  .string()
  .regex(/^\d{1,15}(\.\d{1,2})?$/, 'an amount of money has up to two decimals, like "1000.00"');
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "a date is YYYY-MM-DD")
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    "is not a real calendar date",
  );
export const code = z
  .string()
  .trim()
  .min(1, "is required")
  .max(40)
  .regex(/^[A-Za-z0-9_.-]+$/, "uses letters, digits, dot, dash or underscore");

export const investorInput = z.object({
  code,
  name: z.string().trim().min(1).max(200),
  backstopPercentage: decimalFraction("backstopPercentage"),
  isThresholdGroup: z.boolean().default(false),
});

export const offeringInput = z.object({
  name: z.string().trim().min(1).max(200),
  unitsOffered: z.number().int().min(1).max(1_000_000_000_000),
  pricePerUnit: money,
  sharesPerUnit: z.number().int().min(1).max(1_000_000),
  unitComposition: z.string().trim().max(500).default(""),
  maximumAmount: money.optional(),
  threshold: decimalFraction("threshold"),
  maximumCutback: decimalFraction("maximumCutback").default("0.90"),
  structuringFeeRate: decimalFraction("structuringFeeRate").default("0.035"),
  terminationFeeDeduction: money.default("5000000.00"),
  preferredShares: z.number().int().min(0).max(1_000_000_000).default(5000),
  preferredPricePerShare: money.default("1000.00"),
  exerciseStart: calendarDate,
  exerciseEnd: calendarDate,
  /** Rights are fixed on this date (by default the first day of the exercise period). */
  recordDate: calendarDate.optional(),
  certifyingOfficer: z.string().trim().min(1).max(200),
  investors: z.array(investorInput).min(1).max(50),
});
export type OfferingInput = z.infer<typeof offeringInput>;

/** Dated facts the deadlines are computed from (all optional until they happen). */
export const factsInput = z
  .object({
    signingDate: calendarDate,
    disclosureStatementOrderDate: calendarDate,
    plansupportReceivedDate: calendarDate,
    equityCommitmentOrderDate: calendarDate,
    confirmationOrderDate: calendarDate,
    confirmationOrderFinal: z.boolean(),
    dipMaturityDate: calendarDate,
    expectedEffectiveDate: calendarDate,
    apolloHsrFilingDate: calendarDate,
    apolloCleared: z.boolean(),
    /** The agreement's own dates (ECA-19(a)(iii), 19(a)(iv), ECA-1(ff)), as this offering's record. */
    orderDeadline: calendarDate,
    finalOrderDeadline: calendarDate,
    terminationDate: calendarDate,
    extendedTerminationDate: calendarDate,
  })
  .partial();
export type Facts = z.infer<typeof factsInput>;

export const electionInput = z.object({
  exercised: z.number().int().min(0).max(1_000_000_000_000),
});

/** A payment received from a holder, or a refund sent to it: each with its date and wire reference. */
export const paymentInput = z.object({
  kind: z.enum(["payment", "refund"]).default("payment"),
  amount: money,
  receivedOn: calendarDate,
  reference: z.string().trim().min(1, "is required: the wire reference").max(100),
  note: z.string().trim().max(2000).default(""),
});
export type PaymentInput = z.infer<typeof paymentInput>;

export const importInput = z.object({
  csv: z.string().min(1, "the CSV is empty").max(30_000_000),
  dryRun: z.boolean().default(false),
  /** After the record date, an import that changes anyone's rights needs this reason (an audited re-basing). */
  rebaseReason: z.string().trim().max(2000).optional(),
});

export const voteInput = z.object({
  kind: z.enum(["waiver", "amendment"]),
  subject: z.string().trim().min(1).max(40),
  description: z.string().trim().min(1).max(2000),
});
export const ballotInput = z.object({ inFavour: z.boolean() });

export const conditionPatch = z.object({
  status: z.enum(["pending", "satisfied", "failed"]).optional(),
  evidence: z.string().max(5000).optional(),
  inputs: z
    .record(z.string(), z.union([z.string().max(40), z.record(z.string(), z.string().max(40))]))
    .optional(),
});

export const terminationInput = z.object({
  event: z.string().min(1).max(20),
  occurredOn: calendarDate,
  note: z.string().max(2000).default(""),
  minimumBackstopPartiesReady: z.boolean().default(false),
});

export const proceedsInput = z.object({
  requiredPayments: money.default("0.00"),
  clauseDPayments: money.default("0.00"),
  liquidityConditionHolds: z.boolean().default(true),
});

/** ECA-26: Apollo withdraws by election, or is deemed to after 70 days without clearance. */
export const withdrawalInput = z.object({
  basis: z.enum(["election", "no-clearance"]),
  withdrawnOn: calendarDate,
  note: z.string().trim().max(2000).default(""),
});
export type WithdrawalInput = z.infer<typeof withdrawalInput>;

/** Why the allocation runs before the exercise period ends, or again (ECA-2(b), ECA-2(f)). */
export const allocationInput = z.object({ reason: z.string().trim().max(2000).optional() });

/** A progress report sent on an investor's request, outside the Fridays and last days (ECA-9(g)). */
export const progressRequestInput = z.object({
  requestedBy: z.string().trim().min(1, "is required: who asked for the report").max(200),
});

import { z } from "zod";
import { calendarDate } from "../../kernel/schemas.ts";

/** An amount of US dollars as text: 130000, 130,000.00 or $130,000. */
export const money = z
  .string()
  .trim()
  .max(24)
  .refine((v) => /^\$?\d{1,3}(,?\d{3})*(\.\d{1,2})?$/.test(v), {
    message: "must be an amount of dollars such as 130000 or 130,000.00",
  });
const text = (max: number) =>
  z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
export const id = z.string().min(1).max(64);
const who = z.enum(["self", "family"]);

/**
 * The yearly D&O questionnaire (the charter's independence certification, CC-20): the facts the
 * independence tests read. Dates bound each fact so every look-back can be computed.
 */
export const questionnaireAnswers = z.object({
  /** Employment by the company (or a parent or subsidiary); `to: null` means current. */
  employment: z
    .array(
      z.object({
        who,
        relationship: optionalText(80),
        role: z.enum(["employee", "executive_officer"]),
        from: calendarDate.nullable().optional(),
        to: calendarDate.nullable(),
      }),
    )
    .max(20)
    .default([]),
  /** Direct compensation from the company, each amount dated when received (or its period's end). */
  compensation: z
    .array(
      z.object({
        who,
        kind: z.enum(["consulting", "employment", "director_fees", "pension", "prior_services", "other"]),
        amount: money,
        receivedOn: calendarDate,
        description: optionalText(200),
      }),
    )
    .max(60)
    .default([]),
  /** Partner or employee of the company's internal or external auditor; `to: null` means current. */
  auditor: z
    .array(
      z.object({
        who,
        firm: text(120),
        role: z.enum(["partner", "employee"]),
        workedOnAudit: z.boolean(),
        to: calendarDate.nullable(),
      }),
    )
    .max(20)
    .default([]),
  /** Executive officer of another company on whose compensation committee one of our executives sat. */
  interlocks: z
    .array(
      z.object({
        who,
        company: text(120),
        ourExecutive: text(120),
        from: calendarDate.nullable().optional(),
        to: calendarDate.nullable(),
      }),
    )
    .max(20)
    .default([]),
  /** Payments between the company and a company where the director works or a family member is an executive officer. */
  business: z
    .array(
      z.object({
        who,
        company: text(120),
        relationshipCurrent: z.boolean(),
        fiscalYearEnd: calendarDate,
        payments: money,
        otherCompanyRevenue: money,
      }),
    )
    .max(40)
    .default([]),
  /** Transactions with the company in which the director has an interest (Item 404(a)). */
  relatedTransactions: z
    .array(z.object({ description: text(200), amount: money, date: calendarDate }))
    .max(40)
    .default([]),
});
export type QuestionnaireAnswers = z.infer<typeof questionnaireAnswers>;

export const committeeChecks = z.object({
  nyse: z.boolean().default(true),
  rule16b3: z.boolean().default(false),
  section162m: z.boolean().default(false),
});

export const committeeInput = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9-]{1,40}$/, "must be lower-case letters, digits and dashes"),
  name: text(120),
  kind: z.enum(["compensation", "audit", "nominating_governance", "other"]),
  minMembers: z.number().int().min(1).max(20).default(3),
  quorum: z.number().int().min(1).max(20).default(2),
  minRegularMeetings: z.number().int().min(0).max(52).default(2),
  checks: committeeChecks.default({ nyse: true, rule16b3: false, section162m: false }),
  charter: z.string().trim().min(1, "the charter text is empty").max(200_000),
});
export type CommitteeInput = z.infer<typeof committeeInput>;

export const charterInput = z.object({
  body: z.string().trim().min(1, "the charter text is empty").max(200_000),
  changeNote: text(500),
});

export const appointInput = z.object({
  personId: id,
  startDate: calendarDate,
  isChair: z.boolean().default(false),
  recommendedBy: text(200).default("Nominating and Corporate Governance Committee"),
  appointmentKind: z.enum(["annual", "vacancy", "initial"]),
  boardMeetingDate: calendarDate,
  boardReference: optionalText(200),
});
export type AppointInput = z.infer<typeof appointInput>;

export const endMembershipInput = z.object({
  endDate: calendarDate,
  reason: z.enum(["resigned", "removed_by_board", "successor_designated", "term_ended", "died"]),
});
export const designateChairInput = z.object({ memberId: id, boardMeetingDate: calendarDate });

export const questionnaireInput = z.object({
  year: z.number().int().min(2000).max(2100),
  answers: questionnaireAnswers,
});

export const meetingInput = z.object({
  kind: z.enum(["regular", "special"]),
  title: text(200),
  startsAt: z.iso.datetime({ offset: true, message: "must be a date and time such as 2026-05-12T15:00:00Z" }),
  durationMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(90),
  mode: z.enum(["in_person", "telephone", "hybrid"]),
  location: optionalText(200),
  calledByPersonId: id.nullable().optional(),
  calledByCapacity: z.enum(["committee_chair", "board_chairman", "member"]).nullable().optional(),
});
export type MeetingInput = z.infer<typeof meetingInput>;

export const agendaItemInput = z.object({
  title: text(200),
  description: optionalText(4000),
  isPrivileged: z.boolean().default(false),
  dutyKey: z.string().max(60).nullable().optional(),
  concernsPersonId: id.nullable().optional(),
});
export const agendaInput = z.object({ items: z.array(agendaItemInput).min(1).max(60) });
export type AgendaItemInput = z.infer<typeof agendaItemInput>;

export const materialInput = z.object({
  title: text(200),
  body: z.string().max(200_000),
  agendaItemId: id.nullable().optional(),
  isPrivileged: z.boolean().default(false),
});

export const attendanceInput = z
  .object({
    personId: id.nullable().optional(),
    adviserId: id.nullable().optional(),
    name: optionalText(200),
    capacity: z.enum(["member", "consultant", "counsel", "management", "secretary", "guest"]),
    mode: z.enum(["in_person", "telephone"]),
  })
  .refine((v) => v.personId || v.adviserId || v.name, { message: "name a person, an adviser or a guest" });
export type AttendanceInput = z.infer<typeof attendanceInput>;

export const recusalInput = z.object({ personId: id, reason: text(500) });

export const resolutionInput = z.object({
  agendaItemId: id,
  title: text(200),
  text: text(20_000),
  votes: z.record(z.string().max(64), z.enum(["for", "against", "abstain"])),
});
export type ResolutionInput = z.infer<typeof resolutionInput>;

export const consentInput = z.object({
  title: text(200),
  text: text(20_000),
  dutyKey: z.string().max(60).nullable().optional(),
});

export const minutesInput = z.object({ body: z.string().max(200_000), note: optionalText(500) });
export const approveMinutesInput = z.object({
  atMeetingId: id,
  votes: z.record(z.string().max(64), z.enum(["for", "against", "abstain"])),
});

export const evidenceInput = z.object({
  kind: z.enum(["minutes", "resolution", "document"]),
  refId: id.nullable().optional(),
  label: optionalText(200),
  url: z.string().trim().max(1000).nullable().optional(),
});

export const FACTOR_KEYS = [
  "otherServices",
  "feesShareOfRevenue",
  "conflictPolicies",
  "businessOrPersonalRelationshipWithMembers",
  "stockOwned",
  "relationshipWithExecutiveOfficers",
] as const;
export type FactorKey = (typeof FACTOR_KEYS)[number];
const factor = z.object({ finding: text(2000), concern: z.boolean() });
export const assessmentInput = z.object({
  assessedOn: calendarDate,
  factors: z.object({
    otherServices: factor,
    feesShareOfRevenue: factor,
    conflictPolicies: factor,
    businessOrPersonalRelationshipWithMembers: factor,
    stockOwned: factor,
    relationshipWithExecutiveOfficers: factor,
  }),
  conclusion: text(2000),
});
export type AssessmentInput = z.infer<typeof assessmentInput>;

export const adviserInput = z.object({
  name: text(200),
  firm: text(200),
  kind: z.enum(["compensation_consultant", "legal", "accounting", "other"]),
  terms: optionalText(2000),
});
export const adviserDecisionInput = z.object({ resolutionId: id });
export const adviserFeeInput = z.object({ resolutionId: id, amount: money, description: text(500) });

export const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const asOfQuery = z.object({ asOf: calendarDate.optional() });

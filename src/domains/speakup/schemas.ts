import { z } from "zod";
import { calendarDate, country } from "../people/index.ts";
import {
  CATEGORY_IDS,
  CHANNELS,
  type Channel,
  FILING_CHANNELS,
  IDENTITY_MODES,
  isPhoneChannel,
  OUTCOMES,
  REMEDIATIONS,
  STATUSES,
  TEAMS,
} from "./vocabulary.ts";

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const optionalText = (max: number) =>
  text(max)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();

export const reporterPassword = z
  .string()
  .min(8, "must be at least 8 characters")
  .max(200, "must be at most 200 characters");

export const reportInput = z
  .object({
    channel: z.enum(FILING_CHANNELS).default("web"),
    category: z.enum(CATEGORY_IDS, { message: "choose what the report is about" }),
    summary: text(200).min(3, "say in a few words what happened"),
    details: text(20_000).default(""),
    occurredOn: calendarDate.nullable().optional(),
    country: country.nullable().optional(),
    site: optionalText(200),
    legalEntityId: z.string().max(64).nullable().optional(),
    involved: z
      .array(z.object({ name: text(200).min(1), personId: z.string().max(64).nullable().optional() }))
      .max(20)
      .default([]),
    involvesSeniorManagement: z.boolean().default(false),
    howKnown: optionalText(2000),
    identityMode: z.enum(IDENTITY_MODES).default("anonymous"),
    identity: z
      .object({
        name: optionalText(200),
        email: z
          .email("must be an email address")
          .nullable()
          .optional()
          .or(z.literal("").transform(() => null)),
        phone: optionalText(50),
      })
      .nullable()
      .optional(),
    /** Not for phone reports: the caller sets their own with a one-time code (the operator never knows it). */
    password: reporterPassword.optional(),
    idempotencyKey: z.string().min(16, "must be at least 16 characters").max(128),
    attachments: z
      .array(
        z.object({ filename: text(255).min(1), contentType: text(200), base64: z.string().max(14_000_000) }),
      )
      .max(5)
      .default([]),
  })
  .refine(
    (r) =>
      r.identityMode === "anonymous" || Boolean(r.identity?.name || r.identity?.email || r.identity?.phone),
    {
      message: "give your name or a way to reach you, or choose to stay anonymous",
      path: ["identity"],
    },
  )
  .refine((r) => isPhoneChannel(r.channel) || r.password !== undefined, {
    message: "choose a password of at least 8 characters",
    path: ["password"],
  })
  .refine((r) => !isPhoneChannel(r.channel) || r.password === undefined, {
    message:
      "a caller sets their own password with the one-time code read to them; the operator does not choose one",
    path: ["password"],
  });
export type ReportInput = z.input<typeof reportInput>;
/** The channel widened to every channel: the certificate hook files through the same use case. */
export type ParsedReportInput = Omit<z.output<typeof reportInput>, "channel"> & { channel: Channel };

export const caseFilter = z.object({
  status: z.enum([...STATUSES, "open"]).optional(),
  category: z.enum(CATEGORY_IDS).optional(),
  team: z.enum(TEAMS).optional(),
  channel: z.enum(CHANNELS).optional(),
  overdue: z.enum(["acknowledgement", "feedback", "any"]).optional(),
  assignedToMe: z.stringbool().optional(),
  /** Cases that escalated because no handler of their team may handle them (COC-22.2). */
  needsHandler: z.stringbool().optional(),
  q: z.string().trim().max(50).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export type CaseFilter = z.infer<typeof caseFilter>;

export const transitionInput = z.object({
  to: z.enum(STATUSES),
  outcome: z.enum(OUTCOMES).optional(),
  remediation: z.array(z.enum(REMEDIATIONS)).optional(),
  note: z.string().trim().max(5000).optional(),
  /** On closing: feedback to the reporter, what action was taken or is planned and why (art. 9(1)(f)). */
  closingMessage: z.string().trim().max(20_000).optional(),
});
export type TransitionInput = z.infer<typeof transitionInput>;

export const messageInput = z.object({
  body: z.string().trim().min(1, "write a message").max(20_000),
  /** "This message tells the reporter what action was taken or is planned and why" (art. 9(1)(f)). */
  isFeedback: z.boolean().default(false),
  /** On a case other reports were merged into: the report whose reporter gets the message. */
  toCaseId: z.string().max(64).optional(),
});

export const itemInput = z.object({
  kind: z.enum(["task", "interview", "evidence", "note", "final_report"]),
  title: z.string().trim().min(1, "is required").max(200),
  text: z.string().trim().max(50_000).default(""),
  dueOn: calendarDate.nullable().optional(),
});
export type ItemInput = z.infer<typeof itemInput>;

export const casePersonInput = z.object({
  personId: z.string().max(64).optional(),
  userId: z.string().max(64).optional(),
  role: z.enum(["named", "witness", "conflicted"]),
});

export const clearExclusionInput = z
  .object({ personId: z.string().max(64).optional(), userId: z.string().max(64).optional() })
  .refine((v) => Boolean(v.personId || v.userId), {
    message: "choose the person whose exclusion to clear",
    path: ["personId"],
  });

import { z } from "zod";
import {
  fileResponse,
  isoDate,
  isoInstant,
  itemsOf,
  type okResponse,
  pageOf,
} from "../../kernel/http/responses.ts";
import {
  CATEGORY_IDS,
  CHANNELS,
  IDENTITY_MODES,
  OUTCOMES,
  REMEDIATIONS,
  STATUSES,
  TEAMS,
} from "./vocabulary.ts";

// The answers of the speak-up API (issue 13). A response schema is a filter: the serializer sends
// only the fields named here. So every view names every field its use case returns, for every
// reader and every state of a case (a purged case's tombstone, a merged report), and a field that
// exists in only some variants is optional or nullable here, never left out. Nothing here has a
// default or a transform: a schema never adds a field to an answer (COC-22.2: what a reader is
// told is decided by the use case, not by the serializer).

const caseStatus = z.enum(STATUSES);
const outcome = z.enum(OUTCOMES);
const channel = z.enum(CHANNELS);
const team = z.enum(TEAMS);
const identityMode = z.enum(IDENTITY_MODES);
const personRole = z.enum(["named", "witness", "conflicted", "reporter", "probable"]);
const author = z.enum(["reporter", "handler", "system"]);

/** The Directive's clocks (EU Directive 2019/1937, art. 9(1)(b), (f)): a missed one stays visible after closing. */
const clockState = z.enum(["pending", "met", "overdue", "missed"]);
export const caseClocksView = z
  .object({ acknowledgement: clockState, feedback: clockState })
  .meta({ id: "SpeakupClocksView" });
export const caseOverdueView = z
  .object({ acknowledgement: z.boolean(), feedback: z.boolean() })
  .meta({ id: "SpeakupOverdueView" });

/** A write whose answer carries nothing but success. */
export type Ok = z.infer<typeof okResponse>;

// ——— public: vocabulary, filing, the reporter's mailbox ———

export const speakupVocabularyView = z
  .object({
    categories: z.array(z.object({ id: z.string(), label: z.string(), rule: z.string() })),
    channels: z.array(z.object({ id: channel, label: z.string() })),
    teams: z.array(z.object({ id: team, label: z.string() })),
    attachments: z.object({
      maxFiles: z.number().int(),
      maxBytes: z.number().int(),
      extensions: z.array(z.string()),
    }),
  })
  .meta({ id: "SpeakupVocabularyView" });

/** The receipt, shown once (a retried submission with the same idempotency key shows it again). */
export const filedReportView = z
  .object({
    caseId: z.string(),
    number: z.string(),
    receipt: z.string(),
    /** A phone report's one-time code: the caller sets their own password with it (COC-21.1). */
    setupCode: z.string().nullable(),
    retried: z.boolean(),
  })
  .meta({ id: "FiledReportView" });
export type FiledReportView = z.infer<typeof filedReportView>;

/** A mailbox session: send the token in the x-mailbox-token header. */
export const mailboxSessionView = z
  .object({ token: z.string(), expiresAt: isoInstant })
  .meta({ id: "MailboxSessionView" });
export type MailboxSessionView = z.infer<typeof mailboxSessionView>;

const mailboxFile = z.object({ id: z.string(), filename: z.string(), size: z.number().int() });

/**
 * The reporter's view of their own report (COC-22.2): its progress, their own summary, and only the
 * messages of their own mailbox. Never who handles it, who it names, or another reporter's thread.
 */
export const mailboxView = z
  .object({
    number: z.string(),
    status: caseStatus,
    /** The category's label. */
    category: z.string(),
    receivedAt: isoInstant,
    acknowledged: z.boolean(),
    summary: z.string(),
    messages: z.array(
      z.object({
        id: z.string(),
        author,
        /** The handlers marked it as feedback: what was done or is planned, and why (art. 9(1)(f)). */
        isFeedback: z.boolean(),
        body: z.string(),
        createdAt: isoInstant,
        attachments: z.array(mailboxFile),
      }),
    ),
    attachments: z.array(mailboxFile),
  })
  .meta({ id: "MailboxView" });
export type MailboxView = z.infer<typeof mailboxView>;

/** A message written to a mailbox (by the reporter or a handler). */
export const speakupMessagePostedView = z
  .object({ id: z.string(), createdAt: isoInstant })
  .meta({ id: "SpeakupMessagePostedView" });
export type SpeakupMessagePostedView = z.infer<typeof speakupMessagePostedView>;

/** An attachment, a PDF: sent as it is. */
export const speakupFile = fileResponse("application/octet-stream");
export const quarterlyReportFile = fileResponse("application/pdf");

// ——— handlers: the case list and the case ———

/** How a report came in and what it is about, with the words the UI shows for each. */
const categoryAndChannel = {
  category: z.string(),
  categoryLabel: z.string(),
  channel,
  channelLabel: z.string(),
};

export const caseListItemView = z
  .object({
    id: z.string(),
    number: z.string(),
    /** Null once retention purged the case (COC-15.1). */
    summary: z.string().nullable(),
    purgedAt: isoInstant.nullable(),
    ...categoryAndChannel,
    status: caseStatus,
    outcome: outcome.nullable(),
    team,
    teamLabel: z.string(),
    identityMode,
    /** The name is null when the account is gone. */
    assignee: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
    receivedAt: isoInstant,
    ackDueAt: isoInstant,
    feedbackDueAt: isoInstant,
    overdue: caseOverdueView,
    clocks: caseClocksView,
    mergedIntoId: z.string().nullable(),
    /** Since when no handler of its team could take the case (it escalated; COC-22.2). */
    needsHandlerSince: isoInstant.nullable(),
  })
  .meta({ id: "CaseListItemView" });
export type CaseListItemView = z.infer<typeof caseListItemView>;
export const caseListPage = pageOf(caseListItemView);
export type CaseListPage = z.infer<typeof caseListPage>;

export const caseMessageView = z
  .object({
    id: z.string(),
    author,
    authorName: z.string(),
    body: z.string(),
    createdAt: isoInstant,
    /** Null for the reporter's own messages. */
    readByReporterAt: isoInstant.nullable(),
    /** Marked as feedback: what action was taken or is planned, and why (art. 9(1)(f)). */
    isFeedback: z.boolean(),
    /** Whose mailbox it is in: this case's reporter or a merged report's. */
    caseId: z.string(),
    caseNumber: z.string(),
  })
  .meta({ id: "CaseMessageView" });

/** A person linked to a case, as its handlers see it (the named, conflicted and probable never see the case). */
export const casePersonView = z
  .object({
    personId: z.string().nullable(),
    userId: z.string().nullable(),
    name: z.string(),
    role: personRole,
    /** How the report names them (full name, surname only, title …): only when read from the report. */
    how: z.string().optional(),
  })
  .meta({ id: "CasePersonView" });

/** A reporter a message can go to: this case's, or one whose report was merged into it. */
export const caseReporterView = z
  .object({
    caseId: z.string(),
    number: z.string(),
    isThisCase: z.boolean(),
    hasMailbox: z.boolean(),
    identityMode,
    feedbackGivenAt: isoInstant.nullable(),
    clocks: caseClocksView,
  })
  .meta({ id: "CaseReporterView" });

/**
 * One case for its handlers, decrypted (case.view; every view is audited). Two variants share it:
 * the live case, and the tombstone of a purged one (COC-15.1) whose content, reporter, assignee and
 * legal entity are null and whose lists are empty. A merged report is a live case whose `can` flags
 * are all off.
 */
export const caseView = z
  .object({
    id: z.string(),
    number: z.string(),
    status: caseStatus,
    outcome: outcome.nullable(),
    remediation: z.array(z.enum(REMEDIATIONS)),
    ...categoryAndChannel,
    identityMode,
    team,
    teamLabel: z.string(),
    routingReason: z.string(),
    receivedAt: isoInstant,
    acknowledgedAt: isoInstant.nullable(),
    ackDueAt: isoInstant,
    feedbackDueAt: isoInstant,
    feedbackGivenAt: isoInstant.nullable(),
    closedAt: isoInstant.nullable(),
    mergedIntoId: z.string().nullable(),
    needsHandlerSince: isoInstant.nullable(),
    overdue: caseOverdueView,
    clocks: caseClocksView,
    assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
    legalEntity: z.object({ id: z.string(), name: z.string() }).nullable(),
    /** Set once retention destroyed the content (COC-15.1): content, reporter and the lists are empty. */
    purgedAt: isoInstant.nullable(),
    content: z
      .object({
        summary: z.string(),
        details: z.string(),
        occurredOn: isoDate.nullable(),
        country: z.string().nullable(),
        site: z.string().nullable(),
        legalEntityId: z.string().nullable(),
        involved: z.array(z.object({ name: z.string(), personId: z.string().nullable() })),
        involvesSeniorManagement: z.boolean(),
        howKnown: z.string().nullable(),
      })
      .nullable(),
    /** Null for an anonymous report (and a purged one). */
    reporter: z
      .object({
        name: z.string().nullable(),
        email: z.string().nullable(),
        phone: z.string().nullable(),
        personId: z.string().nullable(),
      })
      .nullable(),
    people: z.array(casePersonView),
    messages: z.array(caseMessageView),
    attachments: z.array(
      z.object({
        id: z.string(),
        messageId: z.string().nullable(),
        size: z.number().int(),
        createdAt: isoInstant,
        caseId: z.string(),
        filename: z.string(),
        contentType: z.string(),
      }),
    ),
    /** Every reporter a message can go to, with their own clocks (art. 9(1)(b) and (f)). */
    reporters: z.array(caseReporterView),
    items: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(["task", "interview", "evidence", "note", "final_report"]),
        status: z.enum(["open", "done"]),
        dueOn: isoDate.nullable(),
        createdAt: isoInstant,
        title: z.string(),
        text: z.string(),
      }),
    ),
    watch: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(["checkin", "alert"]),
        dueOn: isoDate,
        status: z.enum(["open", "done"]),
        detail: z.string().nullable(),
      }),
    ),
    links: z.array(z.object({ id: z.string(), number: z.string(), status: caseStatus })),
    can: z.object({
      transitionTo: z.array(caseStatus),
      acknowledge: z.boolean(),
      message: z.boolean(),
      assign: z.boolean(),
      addItem: z.boolean(),
      people: z.boolean(),
      merge: z.boolean(),
    }),
  })
  .meta({ id: "CaseView" });
export type CaseView = z.infer<typeof caseView>;

export const caseAssigneeView = z
  .object({ userId: z.string(), name: z.string(), team, teamLabel: z.string() })
  .meta({ id: "CaseAssigneeView" });
export const caseAssignees = itemsOf(caseAssigneeView);
export type CaseAssignees = z.infer<typeof caseAssignees>;

/** An item added to the investigation plan. */
export const caseItemCreatedView = z.object({ id: z.string() }).meta({ id: "CaseItemCreatedView" });
export type CaseItemCreatedView = z.infer<typeof caseItemCreatedView>;

// ——— statistics, settings, one's own reports ———

const statsCount = z.object({ key: z.string(), label: z.string(), count: z.number().int().nullable() });

/** Hotline statistics: every count under five, and any share or median of fewer than five, is null. */
export const speakupStatsView = z
  .object({
    period: z.object({ from: isoDate, to: isoDate }),
    minCell: z.number().int(),
    employees: z.number().int(),
    totals: z.object({
      reports: z.number().int().nullable(),
      reportsPer100Employees: z.number().nullable(),
      anonymousShare: z.number().nullable(),
      substantiatedShare: z.number().nullable(),
      medianDaysToClose: z.number().nullable(),
      closed: z.number().int().nullable(),
    }),
    byCategory: z.array(statsCount),
    byChannel: z.array(statsCount),
    byCountry: z.array(statsCount),
    benchmark: z.object({
      source: z.string(),
      reportsPer100Employees: z.number(),
      substantiatedShare: z.number(),
      anonymousShare: z.number(),
      medianDaysToClose: z.number(),
    }),
  })
  .meta({ id: "SpeakupStatsView" });
export type SpeakupStatsView = z.infer<typeof speakupStatsView>;

export const speakupSettingsView = z
  .object({
    routing: z.array(
      z.object({
        label: z.string(),
        categories: z.array(z.enum(CATEGORY_IDS)),
        namesSeniorPeople: z.boolean(),
        team,
        rule: z.string(),
      }),
    ),
    acknowledgeWithinDays: z.number().int(),
    feedbackWithinDays: z.number().int(),
    checkInDays: z.array(z.number().int()),
    /** COC-15.1: years after closure before a case's content is purged. */
    retentionYearsAfterClosure: z.number().int(),
  })
  .meta({ id: "SpeakupSettingsView" });

/** One of the signed-in employee's own identified reports (in the app or from a certificate). */
export const myReportView = z
  .object({
    id: z.string(),
    number: z.string(),
    ...categoryAndChannel,
    /** A merged report shows the progress of the case it joined. */
    status: caseStatus,
    statusLabel: z.string(),
    receivedAt: isoInstant,
    acknowledgedAt: isoInstant.nullable(),
    closedAt: isoInstant.nullable(),
    purgedAt: isoInstant.nullable(),
    can: z.object({ openMailbox: z.boolean() }),
  })
  .meta({ id: "MyReportView" });
export const myReports = itemsOf(myReportView);
export type MyReports = z.infer<typeof myReports>;

/** The portal mailbox of one's own report, opened by a cookie: go to `url`. */
export const myReportMailboxView = z
  .object({ url: z.string(), expiresAt: isoInstant })
  .meta({ id: "MyReportMailboxView" });

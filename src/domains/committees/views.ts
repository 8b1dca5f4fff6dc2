import { z } from "zod";
import { canFlags, fileResponse, isoDate, isoInstant, itemsOf } from "../../kernel/http/responses.ts";
import type { CommitteeAction } from "./policy.ts";
import { CHARTER_SENTENCES, type RuleId } from "./rules.ts";
import { questionnaireAnswers } from "./schemas.ts";

// The answers of the committees API (issue 13: one contract). Each use case returns the type
// inferred from its view, so `tsc` checks it against what the routes declare and the web app reads.

const committeeKind = z.enum(["compensation", "audit", "nominating_governance", "other"]);
const meetingKind = z.enum(["regular", "special"]);
const meetingMode = z.enum(["in_person", "telephone", "hybrid"]);
const meetingStatus = z.enum(["scheduled", "in_session", "adjourned", "cancelled"]);
const minutesStatus = z.enum(["draft", "circulated", "approved", "locked", "filed"]);
const resolutionOutcome = z.enum(["adopted", "rejected"]);
const vote = z.enum(["for", "against", "abstain"]);
const adviserKind = z.enum(["compensation_consultant", "legal", "accounting", "other"]);
const ruleId = z.enum(Object.keys(CHARTER_SENTENCES) as [RuleId, ...RuleId[]]);
const questionnaireStatus = z.enum(["draft", "certified"]);

/** A person named in an answer. */
const personRef = { personId: z.string(), name: z.string() };
/** How a resolution's vote came out (CC-8). */
const voteTally = {
  votesFor: z.number().int(),
  votesAgainst: z.number().int(),
  abstentions: z.number().int(),
};

export const pdfFile = fileResponse("application/pdf");
export const icsFile = fileResponse("text/calendar");

const committeeChecksView = z
  .object({ nyse: z.boolean(), rule16b3: z.boolean(), section162m: z.boolean() })
  .meta({ id: "CommitteeChecksView" });

const committeeSummaryFields = {
  id: z.string(),
  key: z.string(),
  name: z.string(),
  kind: committeeKind,
  minMembers: z.number().int(),
  quorum: z.number().int(),
  minRegularMeetings: z.number().int(),
  checks: committeeChecksView,
};

export const committeeRowView = z
  .object({
    ...committeeSummaryFields,
    members: z.number().int(),
    chair: z.string().nullable(),
    isCompliant: z.boolean(),
    alerts: z.number().int(),
  })
  .meta({ id: "CommitteeRowView" });
export const committeeListView = z
  .object({ items: z.array(committeeRowView), canCreate: z.boolean() })
  .meta({ id: "CommitteeListView" });
export type CommitteeListView = z.infer<typeof committeeListView>;

/** One failed independence test (CC-2). */
export const independenceFindingView = z
  .object({
    standard: z.enum(["nyse", "rule16b3", "section162m"]),
    /** The test, e.g. "NYSE 303A.02(b)(ii)". */
    test: z.string(),
    rule: z.literal("CC-2"),
    message: z.string(),
    window: z.object({ from: isoDate, to: isoDate }).nullable(),
  })
  .meta({ id: "IndependenceFindingView" });

export const independenceView = z
  .object({
    asOf: isoDate,
    /** NYSE 303A.02 independent. */
    independent: z.boolean(),
    /** Rule 16b-3 non-employee director. */
    nonEmployeeDirector: z.boolean(),
    /** Section 162(m) outside director (legacy). */
    outsideDirector: z.boolean(),
    findings: z.array(independenceFindingView),
  })
  .meta({ id: "DirectorIndependenceView" });
export type IndependenceView = z.infer<typeof independenceView>;

export const committeeMemberView = z
  .object({
    id: z.string(),
    personId: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    isChair: z.boolean(),
    startDate: isoDate,
    endDate: isoDate.nullable(),
    endReason: z.string().nullable(),
    recommendedBy: z.string(),
    appointedBy: z.string(),
    appointmentKind: z.string(),
    boardMeetingDate: isoDate,
    boardReference: z.string().nullable(),
    certification: z.object({ year: z.number().int(), certifiedAt: isoInstant }).nullable(),
    independence: independenceView.nullable(),
  })
  .meta({ id: "CommitteeMemberView" });

export const complianceAlertView = z
  .object({
    rule: ruleId,
    severity: z.enum(["breach", "warning"]),
    message: z.string(),
    sentence: z.string(),
    personId: z.string().nullable(),
  })
  .meta({ id: "CommitteeComplianceAlertView" });
export type ComplianceAlertView = z.infer<typeof complianceAlertView>;

export const complianceView = z
  .object({
    asOf: isoDate,
    isCompliant: z.boolean(),
    members: z.array(committeeMemberView),
    alerts: z.array(complianceAlertView),
  })
  .meta({ id: "CommitteeComplianceView" });
export type ComplianceView = z.infer<typeof complianceView>;

/** What a committee's page tells the user they may do (each flag is policy.ts's `can`). */
export const COMMITTEE_ACTIONS = [
  "committee.appoint",
  "charter.revise",
  "meeting.schedule",
  "meeting.agenda",
  "meeting.record",
  "minutes.file",
  "consent.create",
  "adviser.manage",
] as const satisfies readonly CommitteeAction[];

const charterApproval = { changeNote: z.string().nullable(), approvedAt: isoInstant.nullable() };

export const committeeView = z
  .object({
    ...committeeSummaryFields,
    charter: z.object({
      id: z.string(),
      number: z.number().int(),
      body: z.string(),
      contentHash: z.string(),
      ...charterApproval,
      approvedBy: z.string().nullable(),
    }),
    charterVersions: z.array(
      z.object({
        id: z.string(),
        number: z.number().int(),
        status: z.string(),
        ...charterApproval,
      }),
    ),
    compliance: complianceView,
    /** What the current user may do here (derived from policy.ts). */
    can: canFlags(...COMMITTEE_ACTIONS),
  })
  .meta({ id: "CommitteeView" });
export type CommitteeView = z.infer<typeof committeeView>;

export const charterVersionView = z
  .object({
    number: z.number().int(),
    body: z.string(),
    contentHash: z.string(),
    status: z.string(),
    ...charterApproval,
  })
  .meta({ id: "CharterVersionView" });
export type CharterVersionView = z.infer<typeof charterVersionView>;

export const boardChairmanView = z
  .object({ chairmanPersonId: z.string(), name: z.string() })
  .meta({ id: "BoardChairmanView" });
export type BoardChairmanView = z.infer<typeof boardChairmanView>;

// Meetings.

export const meetingRowView = z
  .object({
    id: z.string(),
    kind: meetingKind,
    title: z.string(),
    startsAt: isoInstant,
    mode: meetingMode,
    status: meetingStatus,
    minutesStatus: minutesStatus.nullable(),
  })
  .meta({ id: "MeetingRowView" });
export const meetingList = itemsOf(meetingRowView);
export type MeetingList = z.infer<typeof meetingList>;

export const meetingScheduledView = z
  .object({ id: z.string(), committeeId: z.string() })
  .meta({ id: "MeetingScheduledView" });
export type MeetingScheduledView = z.infer<typeof meetingScheduledView>;

export const agendaAddedView = z.object({ ids: z.array(z.string()) }).meta({ id: "AgendaAddedView" });
export type AgendaAddedView = z.infer<typeof agendaAddedView>;

export const materialAddedView = z
  .object({ id: z.string(), isPrivileged: z.boolean() })
  .meta({ id: "MaterialAddedView" });
export type MaterialAddedView = z.infer<typeof materialAddedView>;

export const noticeSentView = z.object({ sent: z.number().int() }).meta({ id: "NoticeSentView" });
export type NoticeSentView = z.infer<typeof noticeSentView>;

export const meetingCancelledView = z
  .object({ id: z.string(), status: z.literal("cancelled") })
  .meta({ id: "MeetingCancelledView" });
export type MeetingCancelledView = z.infer<typeof meetingCancelledView>;

export const meetingAdjournedView = z
  .object({ id: z.string(), status: z.literal("adjourned") })
  .meta({ id: "MeetingAdjournedView" });
export type MeetingAdjournedView = z.infer<typeof meetingAdjournedView>;

export const itemQuorumView = z
  .object({
    agendaItemId: z.string(),
    /** Members present who may act on the item (not recused, not the person it concerns). */
    eligible: z.array(z.object(personRef)),
    recused: z.array(z.object({ ...personRef, reason: z.string() })),
    required: z.number().int(),
    hasQuorum: z.boolean(),
    /** The person whose own pay the item concerns is in the room (they never attend it). */
    concernedPresent: z.string().nullable(),
  })
  .meta({ id: "AgendaItemQuorumView" });

const presentMember = z.object({ ...personRef, mode: z.string() });

/** The live quorum (CC-8), answered by every attendance and recusal write. */
export const quorumView = z
  .object({
    required: z.number().int(),
    present: z.array(presentMember),
    hasQuorum: z.boolean(),
    items: z.array(itemQuorumView),
  })
  .meta({ id: "MeetingQuorumView" });
export type QuorumView = z.infer<typeof quorumView>;

export const resolutionView = z
  .object({
    id: z.string(),
    title: z.string(),
    text: z.string(),
    outcome: resolutionOutcome,
    ...voteTally,
    membersPresent: z.number().int(),
    meetingId: z.string().nullable(),
    agendaItemId: z.string().nullable(),
    consentId: z.string().nullable(),
    adoptedAt: isoInstant,
    votes: z.array(z.object({ personId: z.string(), vote })),
  })
  .meta({ id: "CommitteeResolutionView" });
export type ResolutionView = z.infer<typeof resolutionView>;

export const resolutionRowView = z
  .object({
    id: z.string(),
    title: z.string(),
    outcome: resolutionOutcome,
    adoptedAt: isoInstant,
    meetingId: z.string().nullable(),
    consentId: z.string().nullable(),
    ...voteTally,
  })
  .meta({ id: "CommitteeResolutionRowView" });
export const resolutionList = itemsOf(resolutionRowView);
export type ResolutionList = z.infer<typeof resolutionList>;

// Minutes (CC-6).

/** Who wrote a version of the minutes, when, and why. */
const versionNote = { note: z.string().nullable(), createdBy: z.string(), createdAt: isoInstant };

export const minutesView = z
  .object({
    id: z.string(),
    meetingId: z.string(),
    status: minutesStatus,
    version: z.number().int(),
    body: z.string(),
    circulatedAt: isoInstant.nullable(),
    approvedAt: isoInstant.nullable(),
    approvedAtMeetingId: z.string().nullable(),
    approvalResolutionId: z.string().nullable(),
    lockedAt: isoInstant.nullable(),
    contentHash: z.string().nullable(),
    signedBy: z.string().nullable(),
    filedAt: isoInstant.nullable(),
    filedBy: z.string().nullable(),
    versions: z.array(z.object({ version: z.number().int(), ...versionNote })),
  })
  .meta({ id: "MinutesView" });
export type MinutesView = z.infer<typeof minutesView>;

export const minutesVersionView = z
  .object({
    version: z.number().int(),
    body: z.string(),
    ...versionNote,
  })
  .meta({ id: "MinutesVersionView" });
export type MinutesVersionView = z.infer<typeof minutesVersionView>;

/** The approval vote; the minutes stay circulated when the resolution is rejected. */
export const minutesApprovalView = z
  .object({ minutes: minutesView, resolution: resolutionView })
  .meta({ id: "MinutesApprovalView" });
export type MinutesApprovalView = z.infer<typeof minutesApprovalView>;

export const meetingView = z
  .object({
    id: z.string(),
    committee: z.object({ id: z.string(), name: z.string(), quorum: z.number().int() }),
    kind: meetingKind,
    title: z.string(),
    startsAt: isoInstant,
    durationMinutes: z.number().int(),
    mode: meetingMode,
    location: z.string().nullable(),
    calledBy: z
      .object({
        personId: z.string(),
        name: z.string().nullable(),
        capacity: z.enum(["committee_chair", "board_chairman", "member"]).nullable(),
      })
      .nullable(),
    status: meetingStatus,
    noticeSentAt: isoInstant.nullable(),
    members: z.array(z.object({ ...personRef, isChair: z.boolean() })),
    agenda: z.array(
      z.object({
        id: z.string(),
        position: z.number().int(),
        title: z.string(),
        description: z.string().nullable(),
        isPrivileged: z.boolean(),
        dutyKey: z.string().nullable(),
        concerns: z.object({ personId: z.string(), name: z.string().nullable() }).nullable(),
        quorum: itemQuorumView,
      }),
    ),
    materials: z.array(
      z.object({
        id: z.string(),
        agendaItemId: z.string().nullable(),
        title: z.string(),
        body: z.string(),
        isPrivileged: z.boolean(),
        isWithheld: z.boolean(),
        createdAt: isoInstant,
      }),
    ),
    attendance: z.array(
      z.object({
        id: z.string(),
        personId: z.string().nullable(),
        adviserId: z.string().nullable(),
        name: z.string(),
        capacity: z.enum(["member", "consultant", "counsel", "management", "secretary", "guest"]),
        mode: z.enum(["in_person", "telephone"]),
        arrivedAt: isoInstant,
        leftAt: isoInstant.nullable(),
      }),
    ),
    quorum: quorumView.omit({ items: true }),
    resolutions: z.array(
      z.object({
        id: z.string(),
        agendaItemId: z.string().nullable(),
        title: z.string(),
        text: z.string(),
        outcome: resolutionOutcome,
        ...voteTally,
        membersPresent: z.number().int(),
        adoptedAt: isoInstant,
      }),
    ),
    minutes: minutesView.nullable(),
    advisers: z.array(
      z.object({ id: z.string(), name: z.string(), firm: z.string(), assessmentCurrent: z.boolean() }),
    ),
    duties: z.array(z.object({ key: z.string(), title: z.string(), rule: z.string() })),
    can: z.object({
      agenda: z.boolean(),
      record: z.boolean(),
      materials: z.boolean(),
      schedule: z.boolean(),
      approveMinutesElsewhere: z.boolean(),
      seePrivileged: z.boolean(),
      minutes: z.object({ edit: z.boolean(), sign: z.boolean(), file: z.boolean() }),
    }),
  })
  .meta({ id: "MeetingView" });
export type MeetingView = z.infer<typeof meetingView>;

// Unanimous written consents.

export const consentView = z
  .object({
    id: z.string(),
    committeeId: z.string(),
    title: z.string(),
    text: z.string(),
    status: z.enum(["circulating", "effective", "withdrawn"]),
    dutyKey: z.string().nullable(),
    effectiveAt: isoInstant.nullable(),
    resolutionId: z.string().nullable(),
    signers: z.array(z.object({ ...personRef, signedAt: isoInstant.nullable() })),
    canSign: z.boolean(),
  })
  .meta({ id: "WrittenConsentView" });
export type ConsentView = z.infer<typeof consentView>;
export const consentList = itemsOf(consentView);
export type ConsentList = z.infer<typeof consentList>;

// The yearly duties (CC-10 … CC-23) and the proxy report (CC-22).

const dutyTotals = z.object({
  done: z.number().int(),
  due: z.number().int(),
  overdue: z.number().int(),
});

export const dutyView = z
  .object({
    id: z.string(),
    key: z.string(),
    title: z.string(),
    rule: z.string(),
    dueDate: isoDate,
    status: z.enum(["done", "due", "overdue"]),
    /** Days until due (negative when overdue). */
    daysLeft: z.number().int(),
    evidence: z.array(
      z.object({
        id: z.string().nullable(),
        kind: z.enum(["minutes", "resolution", "document", "record"]),
        label: z.string(),
        refId: z.string().nullable(),
        url: z.string().nullable(),
        linkedAt: isoInstant.nullable(),
      }),
    ),
    computed: z.boolean(),
  })
  .meta({ id: "CommitteeDutyView" });

export const dutyCalendarView = z
  .object({
    year: z.number().int(),
    asOf: isoDate,
    totals: dutyTotals,
    duties: z.array(dutyView),
    canLink: z.boolean(),
  })
  .meta({ id: "CommitteeDutyCalendarView" });
export type DutyCalendarView = z.infer<typeof dutyCalendarView>;

export const evidenceLinkedView = z
  .object({ linked: z.literal(true) })
  .meta({ id: "DutyEvidenceLinkedView" });
export type EvidenceLinkedView = z.infer<typeof evidenceLinkedView>;

export const proxyReportView = z
  .object({
    year: z.number().int(),
    draft: z.literal(true),
    text: z.string(),
    members: z.array(z.string()),
    membersDuringYear: z.array(z.string()),
    meetingsHeld: z.object({ regular: z.number().int(), special: z.number().int() }),
    writtenConsents: z.number().int(),
    duties: dutyTotals,
    cdaReviewOnRecord: z.boolean(),
  })
  .meta({ id: "ProxyReportView" });
export type ProxyReportView = z.infer<typeof proxyReportView>;

// Advisers (CC-9, CC-16).

export const adviserView = z
  .object({
    id: z.string(),
    name: z.string(),
    firm: z.string(),
    kind: adviserKind,
    status: z.enum(["proposed", "retained", "terminated"]),
    terms: z.string().nullable(),
    retainedAt: isoInstant.nullable(),
    terminatedAt: isoInstant.nullable(),
    assessmentCurrent: z.boolean(),
    assessmentDueBy: isoDate.nullable(),
    assessments: z.array(
      z.object({
        id: z.string(),
        assessedOn: isoDate,
        conclusion: z.string(),
        factors: z.record(z.string(), z.object({ finding: z.string(), concern: z.boolean() })),
        assessedBy: z.string(),
      }),
    ),
    fees: z.array(
      z.object({
        id: z.string(),
        amount: z.string(),
        description: z.string(),
        resolutionId: z.string(),
        approvedAt: isoInstant,
      }),
    ),
    feesTotal: z.string(),
  })
  .meta({ id: "CommitteeAdviserView" });

/** The committee's advisers with the six Rule 10C-1(b)(4) factors by key. */
export const adviserListView = z
  .object({
    items: z.array(adviserView),
    factors: z.record(z.string(), z.string()),
    canManage: z.boolean(),
  })
  .meta({ id: "CommitteeAdviserListView" });
export type AdviserListView = z.infer<typeof adviserListView>;

// D&O questionnaires (CC-20).

const questionnaireRowFields = {
  year: z.number().int(),
  status: questionnaireStatus,
  certifiedAt: isoInstant.nullable(),
};

export const questionnaireRowView = z.object(questionnaireRowFields).meta({ id: "DnoQuestionnaireRowView" });
export const questionnaireList = itemsOf(questionnaireRowView);

export const questionnaireView = z
  .object({
    id: z.string(),
    personId: z.string(),
    personName: z.string(),
    ...questionnaireRowFields,
    certifiedBy: z.string().nullable(),
    answers: questionnaireAnswers,
    /** The tests as they stand today on these answers (all three standards). */
    evaluation: independenceView,
  })
  .meta({ id: "DnoQuestionnaireView" });
export type QuestionnaireView = z.infer<typeof questionnaireView>;

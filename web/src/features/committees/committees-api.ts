import { api } from "../../lib/api.ts";

export type Alert = {
  rule: string;
  severity: "breach" | "warning";
  message: string;
  sentence: string;
  personId: string | null;
};
export type Finding = {
  standard: string;
  test: string;
  rule: string;
  message: string;
  window: { from: string; to: string } | null;
};
export type Member = {
  id: string;
  personId: string;
  name: string;
  isChair: boolean;
  startDate: string;
  endDate: string | null;
  recommendedBy: string;
  appointedBy: string;
  appointmentKind: string;
  boardMeetingDate: string;
  boardReference: string | null;
  certification: { year: number; certifiedAt: string } | null;
  independence: {
    independent: boolean;
    nonEmployeeDirector: boolean;
    outsideDirector: boolean;
    findings: Finding[];
  } | null;
};
export type Committee = {
  id: string;
  key: string;
  name: string;
  kind: string;
  minMembers: number;
  quorum: number;
  minRegularMeetings: number;
  checks: { nyse: boolean; rule16b3: boolean; section162m: boolean };
  charter: {
    number: number;
    body: string;
    contentHash: string;
    changeNote: string | null;
    approvedAt: string | null;
    approvedBy: string | null;
  };
  charterVersions: {
    id: string;
    number: number;
    status: string;
    changeNote: string | null;
    approvedAt: string | null;
  }[];
  compliance: { asOf: string; isCompliant: boolean; members: Member[]; alerts: Alert[] };
  can: Record<string, boolean>;
};
export type CommitteeRow = {
  id: string;
  name: string;
  kind: string;
  members: number;
  chair: string | null;
  isCompliant: boolean;
  alerts: number;
};
export type MeetingRow = {
  id: string;
  kind: string;
  title: string;
  startsAt: string;
  mode: string;
  status: string;
  minutesStatus: string | null;
};
export type ItemQuorum = {
  agendaItemId: string;
  eligible: { personId: string; name: string }[];
  recused: { personId: string; name: string; reason: string }[];
  required: number;
  hasQuorum: boolean;
  concernedPresent: string | null;
};
export type Minutes = {
  id: string;
  status: string;
  version: number;
  body: string;
  approvedAt: string | null;
  approvedAtMeetingId: string | null;
  lockedAt: string | null;
  contentHash: string | null;
  signedBy: string | null;
  filedAt: string | null;
  filedBy: string | null;
  versions: { version: number; note: string | null; createdBy: string; createdAt: string }[];
};
export type Meeting = {
  id: string;
  committee: { id: string; name: string; quorum: number };
  kind: string;
  title: string;
  startsAt: string;
  durationMinutes: number;
  mode: string;
  location: string | null;
  calledBy: { name: string | null; capacity: string | null } | null;
  status: string;
  noticeSentAt: string | null;
  members: { personId: string; name: string; isChair: boolean }[];
  agenda: {
    id: string;
    position: number;
    title: string;
    description: string | null;
    isPrivileged: boolean;
    dutyKey: string | null;
    concerns: { personId: string; name: string | null } | null;
    quorum: ItemQuorum;
  }[];
  materials: {
    id: string;
    agendaItemId: string | null;
    title: string;
    body: string;
    isPrivileged: boolean;
    isWithheld: boolean;
  }[];
  attendance: {
    id: string;
    personId: string | null;
    name: string;
    capacity: string;
    mode: string;
    arrivedAt: string;
    leftAt: string | null;
  }[];
  quorum: {
    required: number;
    present: { personId: string; name: string; mode: string }[];
    hasQuorum: boolean;
  };
  resolutions: {
    id: string;
    agendaItemId: string | null;
    title: string;
    text: string;
    outcome: string;
    votesFor: number;
    votesAgainst: number;
    abstentions: number;
    membersPresent: number;
  }[];
  minutes: Minutes | null;
  advisers: { id: string; name: string; firm: string; assessmentCurrent: boolean }[];
  duties: { key: string; title: string; rule: string }[];
  can: {
    agenda: boolean;
    record: boolean;
    materials: boolean;
    schedule: boolean;
    approveMinutesElsewhere: boolean;
    seePrivileged: boolean;
    minutes: { edit: boolean; sign: boolean; file: boolean };
  };
};
export type Duty = {
  id: string;
  key: string;
  title: string;
  rule: string;
  dueDate: string;
  status: "done" | "due" | "overdue";
  daysLeft: number;
  computed: boolean;
  evidence: { id: string | null; kind: string; label: string; refId: string | null; url: string | null }[];
};
export type DutyCalendar = {
  year: number;
  asOf: string;
  totals: { done: number; due: number; overdue: number };
  duties: Duty[];
  canLink: boolean;
};
export type Adviser = {
  id: string;
  name: string;
  firm: string;
  kind: string;
  status: string;
  terms: string | null;
  assessmentCurrent: boolean;
  assessmentDueBy: string | null;
  assessments: {
    id: string;
    assessedOn: string;
    conclusion: string;
    factors: Record<string, { finding: string; concern: boolean }>;
  }[];
  fees: { id: string; amount: string; description: string; approvedAt: string }[];
  feesTotal: string;
};
export type AdviserKind = "compensation_consultant" | "legal" | "accounting" | "other";
export type AdviserList = { items: Adviser[]; factors: Record<string, string>; canManage: boolean };
export type Factor = { finding: string; concern: boolean };
export type Consent = {
  id: string;
  committeeId: string;
  title: string;
  text: string;
  status: "circulating" | "effective" | string;
  dutyKey: string | null;
  effectiveAt: string | null;
  resolutionId: string | null;
  signers: { personId: string; name: string; signedAt: string | null }[];
  canSign: boolean;
};
export type ResolutionRow = {
  id: string;
  title: string;
  outcome: string;
  adoptedAt: string;
  meetingId: string | null;
  consentId: string | null;
};
export type ProxyReport = {
  year: number;
  text: string;
  members: string[];
  membersDuringYear: string[];
  meetingsHeld: { regular: number; special: number };
  writtenConsents: number;
  duties: { done: number; due: number; overdue: number };
  cdaReviewOnRecord: boolean;
};
export type Vote = "for" | "against" | "abstain";
export type Questionnaire = {
  id: string;
  personId: string;
  personName: string;
  year: number;
  status: "draft" | "certified";
  certifiedAt: string | null;
  certifiedBy: string | null;
  answers: Record<
    "employment" | "compensation" | "auditor" | "interlocks" | "business" | "relatedTransactions",
    Record<string, unknown>[]
  >;
  evaluation: {
    independent: boolean;
    nonEmployeeDirector: boolean;
    outsideDirector: boolean;
    findings: Finding[];
  };
};

const base = "/api/committees";
export const committeesApi = {
  list: () => api.get<{ items: CommitteeRow[] }>(base),
  get: (id: string) => api.get<Committee>(`${base}/${id}`),
  meetings: (id: string) => api.get<{ items: MeetingRow[] }>(`${base}/${id}/meetings`),
  duties: (id: string, year?: number) => api.get<DutyCalendar>(`${base}/${id}/duties`, { year }),
  advisers: (id: string) => api.get<AdviserList>(`${base}/${id}/advisers`),
  proposeAdviser: (
    id: string,
    body: { name: string; firm: string; kind: AdviserKind; terms: string | null },
  ) => api.post<AdviserList>(`${base}/${id}/advisers`, body),
  assessAdviser: (
    adviserId: string,
    body: { assessedOn: string; factors: Record<string, Factor>; conclusion: string },
  ) => api.post<AdviserList>(`${base}/advisers/${adviserId}/assessments`, body),
  retainAdviser: (adviserId: string, resolutionId: string) =>
    api.post<AdviserList>(`${base}/advisers/${adviserId}/retain`, { resolutionId }),
  resolutions: (id: string) => api.get<{ items: ResolutionRow[] }>(`${base}/${id}/resolutions`),
  consents: (id: string) => api.get<{ items: Consent[] }>(`${base}/${id}/consents`),
  circulateConsent: (id: string, body: { title: string; text: string; dutyKey: string | null }) =>
    api.post<Consent>(`${base}/${id}/consents`, body),
  signConsent: (consentId: string) => api.post<Consent>(`${base}/consents/${consentId}/sign`),
  proxyReport: (id: string) => api.get<ProxyReport>(`${base}/${id}/proxy-report`),
  endMember: (id: string, memberId: string, body: { endDate: string; reason: string }) =>
    api.post<Committee>(`${base}/${id}/members/${memberId}/end`, body),
  schedule: (id: string, body: Record<string, unknown>) =>
    api.post<{ id: string }>(`${base}/${id}/meetings`, body),
  meeting: (id: string) => api.get<Meeting>(`${base}/meetings/${id}`),
  addAgenda: (id: string, items: Record<string, unknown>[]) =>
    api.post(`${base}/meetings/${id}/agenda`, { items }),
  attend: (id: string, body: Record<string, unknown>) => api.post(`${base}/meetings/${id}/attendance`, body),
  leave: (id: string, attendanceId: string) =>
    api.post(`${base}/meetings/${id}/attendance/${attendanceId}/leave`),
  recuse: (id: string, itemId: string, body: { personId: string; reason: string }) =>
    api.post(`${base}/meetings/${id}/items/${itemId}/recusals`, body),
  resolve: (
    id: string,
    body: { agendaItemId: string; title: string; text: string; votes: Record<string, Vote> },
  ) => api.post(`${base}/meetings/${id}/resolutions`, body),
  adjourn: (id: string) => api.post(`${base}/meetings/${id}/adjourn`),
  notice: (id: string) => api.post<{ sent: number }>(`${base}/meetings/${id}/notice`),
  draftMinutes: (id: string) => api.post(`${base}/meetings/${id}/minutes`),
  editMinutes: (id: string, body: string) => api.put(`${base}/meetings/${id}/minutes`, { body }),
  circulate: (id: string) => api.post(`${base}/meetings/${id}/minutes/circulate`),
  approve: (id: string, atMeetingId: string, votes: Record<string, Vote>) =>
    api.post(`${base}/meetings/${id}/minutes/approve`, { atMeetingId, votes }),
  sign: (id: string) => api.post(`${base}/meetings/${id}/minutes/sign`),
  file: (id: string) => api.post(`${base}/meetings/${id}/minutes/file`),
  questionnaire: (personId: string, year: number) =>
    api.get<Questionnaire>(`${base}/questionnaires/${personId}/${year}`),
  saveQuestionnaire: (personId: string, body: { year: number; answers: Record<string, unknown> }) =>
    api.put<Questionnaire>(`${base}/questionnaires/${personId}`, body),
  certifyQuestionnaire: (personId: string, year: number) =>
    api.post<Questionnaire>(`${base}/questionnaires/${personId}/${year}/certify`),
};

export const STATUS_COLOR: Record<string, string> = {
  done: "green",
  due: "blue",
  overdue: "red",
  scheduled: "blue",
  in_session: "orange",
  adjourned: "gray",
  cancelled: "gray",
  draft: "gray",
  circulated: "blue",
  approved: "teal",
  locked: "green",
  filed: "green",
  circulating: "blue",
  effective: "green",
  proposed: "gray",
  retained: "green",
  terminated: "gray",
};

export const fmtDateTime = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

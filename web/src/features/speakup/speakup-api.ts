// The speak-up API as the screens use it: types mirror src/domains/speakup (list-cases.ts,
// get-case.ts, stats.ts, settings.ts, vocabulary.ts).
import { queryOptions } from "@tanstack/react-query";
import { api, isApiError, type Page } from "../../lib/api.ts";

export type CaseStatus =
  | "new"
  | "acknowledged"
  | "triage"
  | "investigation"
  | "findings"
  | "remediation"
  | "closed";
export type Outcome = "substantiated" | "partially_substantiated" | "unsubstantiated";
export type Remediation = "discipline" | "training" | "control_change";
export type Channel =
  | "web"
  | "phone_domestic"
  | "phone_international"
  | "letter"
  | "internal"
  | "certificate";
export type Team = "compliance" | "audit_committee";
export type IdentityMode = "anonymous" | "confidential" | "open";
export type ItemKind = "task" | "interview" | "evidence" | "note" | "final_report";
export type PersonRole = "named" | "witness" | "conflicted" | "reporter" | "probable";

export type Overdue = { acknowledgement: boolean; feedback: boolean };
/** The Directive's clocks (art. 9(1)(b), (f)): a missed one stays visible after closing. */
export type ClockState = "pending" | "met" | "overdue" | "missed";
export type Clocks = { acknowledgement: ClockState; feedback: ClockState };

export type CaseListItem = {
  id: string;
  number: string;
  /** Null once retention purged the case (COC-15.1). */
  summary: string | null;
  purgedAt: string | null;
  category: string;
  categoryLabel: string;
  channel: Channel;
  channelLabel: string;
  status: CaseStatus;
  outcome: Outcome | null;
  team: Team;
  teamLabel: string;
  identityMode: IdentityMode;
  assignee: { id: string; name: string | null } | null;
  receivedAt: string;
  ackDueAt: string;
  feedbackDueAt: string;
  overdue: Overdue;
  clocks: Clocks;
  mergedIntoId: string | null;
  /** Since when no handler of its team could take the case (it escalated; COC-22.2). */
  needsHandlerSince: string | null;
};

export type CaseMessage = {
  id: string;
  author: "reporter" | "handler" | "system";
  authorName: string;
  body: string;
  createdAt: string;
  readByReporterAt: string | null;
  /** Marked as feedback: what action was taken or is planned, and why (art. 9(1)(f)). */
  isFeedback: boolean;
  /** Whose mailbox it is in: this case's reporter or a merged report's. */
  caseId: string;
  caseNumber: string;
};

/** A reporter a message can go to: this case's, or one whose report was merged into it. */
export type CaseReporter = {
  caseId: string;
  number: string;
  isThisCase: boolean;
  hasMailbox: boolean;
  identityMode: IdentityMode;
  feedbackGivenAt: string | null;
  clocks: Clocks;
};

export type CaseDetail = {
  id: string;
  number: string;
  status: CaseStatus;
  outcome: Outcome | null;
  remediation: Remediation[];
  category: string;
  categoryLabel: string;
  channel: Channel;
  channelLabel: string;
  identityMode: IdentityMode;
  team: Team;
  teamLabel: string;
  routingReason: string;
  assignee: { id: string; name: string } | null;
  legalEntity: { id: string; name: string } | null;
  receivedAt: string;
  acknowledgedAt: string | null;
  ackDueAt: string;
  feedbackDueAt: string;
  feedbackGivenAt: string | null;
  closedAt: string | null;
  mergedIntoId: string | null;
  overdue: Overdue;
  clocks: Clocks;
  /** Set once retention destroyed the content (COC-15.1): content, reporter and the lists are empty. */
  purgedAt: string | null;
  content: {
    summary: string;
    details: string;
    occurredOn: string | null;
    country: string | null;
    site: string | null;
    legalEntityId: string | null;
    involved: { name: string; personId: string | null }[];
    involvesSeniorManagement: boolean;
    howKnown: string | null;
  } | null;
  reporter: {
    name: string | null;
    email: string | null;
    phone: string | null;
    personId: string | null;
  } | null;
  people: {
    personId: string | null;
    userId: string | null;
    name: string;
    role: PersonRole;
    /** How the report names them (full name, surname only, title …), when read from the report. */
    how?: string;
  }[];
  messages: CaseMessage[];
  reporters: CaseReporter[];
  attachments: {
    id: string;
    caseId: string;
    messageId: string | null;
    size: number;
    createdAt: string;
    filename: string;
    contentType: string;
  }[];
  items: {
    id: string;
    kind: ItemKind;
    status: "open" | "done";
    dueOn: string | null;
    createdAt: string;
    title: string;
    text: string;
  }[];
  watch: {
    id: string;
    kind: "checkin" | "alert";
    dueOn: string;
    status: "open" | "done";
    detail: string | null;
  }[];
  links: { id: string; number: string; status: CaseStatus }[];
  can: {
    transitionTo: CaseStatus[];
    acknowledge: boolean;
    message: boolean;
    assign: boolean;
    addItem: boolean;
    people: boolean;
    merge: boolean;
  };
};

export type Vocabulary = {
  categories: { id: string; label: string; rule: string }[];
  channels: { id: Channel; label: string }[];
  teams: { id: Team; label: string }[];
  attachments: { maxFiles: number; maxBytes: number; extensions: string[] };
};

export type Assignee = { userId: string; name: string; team: Team; teamLabel: string };

export type Filed = {
  caseId: string;
  number: string;
  receipt: string;
  /** A phone report's one-time code: the caller sets their own password with it. */
  setupCode: string | null;
  retried: boolean;
};

export type Count = { key: string; label: string; count: number | null };
export type Stats = {
  period: { from: string; to: string };
  minCell: number;
  employees: number;
  totals: {
    reports: number | null;
    reportsPer100Employees: number | null;
    anonymousShare: number | null;
    substantiatedShare: number | null;
    medianDaysToClose: number | null;
    closed: number | null;
  };
  byCategory: Count[];
  byChannel: Count[];
  byCountry: Count[];
  benchmark: {
    source: string;
    reportsPer100Employees: number;
    substantiatedShare: number;
    anonymousShare: number;
    medianDaysToClose: number;
  };
};

export type RoutingRule = {
  label: string;
  categories: string[];
  namesSeniorPeople: boolean;
  team: Team;
  rule: string;
};
export type Settings = {
  routing: RoutingRule[];
  acknowledgeWithinDays: number;
  feedbackWithinDays: number;
  checkInDays: number[];
  /** COC-15.1: years after closure before a case's content is purged. */
  retentionYearsAfterClosure: number;
};

export type CaseFilters = {
  status?: string;
  category?: string;
  team?: string;
  channel?: string;
  overdue?: string;
  assignedToMe?: boolean;
  needsHandler?: boolean;
  q?: string;
  page?: number;
  pageSize?: number;
};

const caseUrl = (id: string) => `/api/speakup/cases/${encodeURIComponent(id)}`;

export const speakupApi = {
  cases: (filters: CaseFilters) =>
    api.get<Page<CaseListItem>>("/api/speakup/cases", {
      ...filters,
      assignedToMe: filters.assignedToMe || undefined,
      needsHandler: filters.needsHandler || undefined,
    }),
  acknowledge: (id: string) => api.post<{ ok: true }>(`${caseUrl(id)}/acknowledge`),
  transition: (
    id: string,
    body: {
      to: CaseStatus;
      outcome?: Outcome;
      remediation?: Remediation[];
      note?: string;
      closingMessage?: string;
    },
  ) => api.post<{ ok: true }>(`${caseUrl(id)}/transition`, body),
  assignees: (id: string) => api.get<{ items: Assignee[] }>(`${caseUrl(id)}/assignees`),
  assign: (id: string, body: { userId: string | null; team?: Team }) =>
    api.post<{ ok: true }>(`${caseUrl(id)}/assign`, body),
  message: (id: string, body: { body: string; isFeedback: boolean; toCaseId?: string }) =>
    api.post<{ id: string; createdAt: string }>(`${caseUrl(id)}/messages`, body),
  addItem: (id: string, body: { kind: ItemKind; title: string; text: string; dueOn: string | null }) =>
    api.post<{ id: string }>(`${caseUrl(id)}/items`, body),
  completeItem: (id: string, itemId: string, done: boolean) =>
    api.post<{ ok: true }>(`${caseUrl(id)}/items/${encodeURIComponent(itemId)}`, { done }),
  addPerson: (
    id: string,
    body: { personId?: string; userId?: string; role: Exclude<PersonRole, "reporter"> },
  ) => api.post<{ ok: true }>(`${caseUrl(id)}/people`, body),
  resolveWatch: (id: string, watchId: string) =>
    api.post<{ ok: true }>(`${caseUrl(id)}/watch/${encodeURIComponent(watchId)}/resolve`),
  clearExclusion: (id: string, body: { personId?: string; userId?: string }) =>
    api.post<{ ok: true }>(`${caseUrl(id)}/clear-exclusion`, body),
  link: (id: string, otherId: string) => api.post<{ ok: true }>(`${caseUrl(id)}/links`, { otherId }),
  merge: (id: string, intoId: string) => api.post<{ ok: true }>(`${caseUrl(id)}/merge`, { intoId }),
  intake: (body: unknown) => api.post<Filed>("/api/speakup/intake", body),
  stats: (params: { quarter?: string; from?: string; to?: string }) =>
    api.get<Stats>("/api/speakup/stats", params),
  settings: () => api.get<Settings>("/api/speakup/settings"),
  saveSettings: (body: Settings) => api.put<Settings>("/api/speakup/settings", body),
  myReports: () => api.get<{ items: MyReport[] }>("/api/speakup/my-reports"),
  openMyMailbox: (id: string) =>
    api.post<{ url: string; expiresAt: string }>(`/api/speakup/my-reports/${encodeURIComponent(id)}/mailbox`),
};

/** One of the signed-in employee's own identified reports (in the app or from a certificate). */
export type MyReport = {
  id: string;
  number: string;
  category: string;
  categoryLabel: string;
  channel: Channel;
  channelLabel: string;
  status: CaseStatus;
  statusLabel: string;
  receivedAt: string;
  acknowledgedAt: string | null;
  closedAt: string | null;
  purgedAt: string | null;
  can: { openMailbox: boolean };
};

export const attachmentUrl = (caseId: string, attachmentId: string) =>
  `${caseUrl(caseId)}/attachments/${encodeURIComponent(attachmentId)}`;

/** Images open inline, stripped of metadata and sandboxed by the server; other files only download. */
export const isPreviewable = (filename: string) => /\.(jpe?g|png|gif|webp)$/i.test(filename);
export const attachmentPreviewUrl = (caseId: string, attachmentId: string) =>
  `${attachmentUrl(caseId, attachmentId)}?preview=1`;

export const quarterlyPdfUrl = (quarter: string) =>
  `/api/speakup/reports/quarterly.pdf?quarter=${encodeURIComponent(quarter)}`;

export const vocabularyQuery = queryOptions({
  queryKey: ["speakup", "vocabulary"],
  queryFn: () => api.get<Vocabulary>("/api/speakup/vocabulary"),
  staleTime: 10 * 60_000,
});

export const caseQuery = (id: string) =>
  queryOptions({
    queryKey: ["speakup", "case", id],
    queryFn: () => api.get<CaseDetail>(caseUrl(id)),
    // A case the user may not see is a 404; asking again will not change that.
    retry: (count, error) => !(isApiError(error) && error.status < 500) && count < 2,
  });

export const STATUS_LABEL: Record<CaseStatus, string> = {
  new: "New",
  acknowledged: "Acknowledged",
  triage: "Triage",
  investigation: "Investigation",
  findings: "Findings",
  remediation: "Remediation",
  closed: "Closed",
};

export const STATUS_COLOR: Record<CaseStatus, string> = {
  new: "blue",
  acknowledged: "cyan",
  triage: "violet",
  investigation: "orange",
  findings: "grape",
  remediation: "teal",
  closed: "gray",
};

export const OUTCOME_LABEL: Record<Outcome, string> = {
  substantiated: "Substantiated",
  partially_substantiated: "Partially substantiated",
  unsubstantiated: "Unsubstantiated",
};

export const REMEDIATION_LABEL: Record<Remediation, string> = {
  discipline: "Discipline",
  training: "Training",
  control_change: "Control change",
};

export const IDENTITY_LABEL: Record<IdentityMode, string> = {
  anonymous: "Anonymous",
  confidential: "Confidential",
  open: "Open",
};

export const ITEM_LABEL: Record<ItemKind, string> = {
  task: "Task",
  interview: "Interview",
  evidence: "Evidence",
  note: "Note",
  final_report: "Final report",
};

export const ROLE_LABEL: Record<PersonRole, string> = {
  named: "Named in the report",
  witness: "Witness",
  conflicted: "Conflicted",
  reporter: "Reporter",
  probable: "Probably named: kept away until cleared",
};

/** "1234567890123456" or "1234-5678-…" → "1234 5678 9012 3456", easier to read aloud. */
export const groupReceipt = (receipt: string) => {
  const digits = receipt.replace(/\D/g, "");
  return digits.length === 16 ? (digits.match(/.{4}/g) ?? []).join(" ") : receipt;
};

/** The quarter a date falls in, like "2026-Q1". */
export const quarterOf = (date: Date) =>
  `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;

/** This quarter and the seven before it, newest first. */
export const recentQuarters = (now = new Date()) => {
  const result: string[] = [];
  let year = now.getUTCFullYear();
  let q = Math.floor(now.getUTCMonth() / 3) + 1;
  for (let i = 0; i < 8; i++) {
    result.push(`${year}-Q${q}`);
    q -= 1;
    if (q === 0) {
      q = 4;
      year -= 1;
    }
  }
  return result;
};

export const formatBytes = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${Math.ceil(bytes / 1024)} KB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

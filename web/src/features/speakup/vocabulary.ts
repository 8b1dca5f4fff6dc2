// The speak-up screens' words and small helpers. Types come from the API's own description
// (web/src/api/schema.gen.ts, generated from src/domains/speakup/views.ts): nothing here repeats them.
import { opUrl, type Schema } from "../../api/client.ts";

export type CaseView = Schema<"CaseView">;
export type CaseListItem = Schema<"CaseListItemView">;
export type CaseMessage = Schema<"CaseMessageView">;
export type CaseStatus = CaseView["status"];
export type Outcome = NonNullable<CaseView["outcome"]>;
export type Remediation = CaseView["remediation"][number];
export type Channel = CaseView["channel"];
export type Team = CaseView["team"];
export type IdentityMode = CaseView["identityMode"];
export type ItemKind = CaseView["items"][number]["kind"];
export type PersonRole = Schema<"CasePersonView">["role"];
/** The Directive's clocks (art. 9(1)(b), (f)): a missed one stays visible after closing. */
export type Clocks = Schema<"SpeakupClocksView">;
export type ClockState = Clocks["acknowledgement"];
export type FiledReport = Schema<"FiledReportView">;
export type SpeakupSettings = Schema<"SpeakupSettingsView">;
export type RoutingRule = SpeakupSettings["routing"][number];

/** A reported file: a download, or with `preview` an image shown inline (sanitised, sandboxed). */
export const attachmentUrl = (caseId: string, attachmentId: string, preview = false) =>
  opUrl("case.file", { path: { id: caseId, attachmentId }, ...(preview ? { query: { preview: "1" } } : {}) });

/** Images open inline, stripped of metadata and sandboxed by the server; other files only download. */
export const isPreviewable = (filename: string) => /\.(jpe?g|png|gif|webp)$/i.test(filename);
export const attachmentPreviewUrl = (caseId: string, attachmentId: string) =>
  attachmentUrl(caseId, attachmentId, true);

export const quarterlyPdfUrl = (quarter: string) => opUrl("speakup.report.quarterly", { query: { quarter } });

/** The vocabulary changes only with a release: cached for ten minutes. */
export const VOCABULARY_STALE_MS = 10 * 60_000;

/** A vocabulary list (categories, teams, channels) as select options: the id is the value. */
export const vocabularyOptions = (terms: readonly { id: string; label: string }[] | undefined) =>
  (terms ?? []).map((term) => ({ value: term.id, label: term.label }));

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

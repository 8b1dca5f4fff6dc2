import type { Generated } from "kysely";
import type { CaseStatus, Category, Channel, IdentityMode, Outcome, Team } from "./vocabulary.ts";

export type SpeakupCasesTable = {
  id: string;
  number: string;
  channel: Channel;
  category: Category;
  identity_mode: IdentityMode;
  status: CaseStatus;
  outcome: Outcome | null;
  /** JSON array of remediation actions (discipline, training, control_change). */
  remediation: string;
  team: Team;
  assignee_user_id: string | null;
  routing_reason: string;
  country: string | null;
  legal_entity_id: string | null;
  /** The case's data key, sealed by the key-encryption key. */
  data_key: string;
  /** Sealed JSON ReportContent. */
  content: string;
  /** Sealed JSON CasePerson[]: who is named, a witness or conflicted, for the handlers' view. */
  people: string;
  /** Sealed JSON ReporterIdentity, or null when anonymous. */
  reporter_identity: string | null;
  receipt_hash: string | null;
  password_hash: string | null;
  /** A phone report's one-time code (argon2id hash) with which the caller sets their own password. */
  setup_code_hash: string | null;
  setup_code_expires_at: string | null;
  idempotency_hash: string | null;
  /** The receipt sealed under the idempotency key, for 24 hours, so a retried submit shows it again. */
  retry_receipt: string | null;
  filed_by_user_id: string | null;
  merged_into_id: string | null;
  received_at: string;
  acknowledged_at: string | null;
  ack_due_at: string;
  feedback_due_at: string;
  feedback_given_at: string | null;
  closed_at: string | null;
  updated_at: string;
  /** When retention purged the sealed content (COC-15.1); the row stays as a tombstone. */
  purged_at: string | null;
  /** Since when a legal hold keeps this case past its retention period (COC-15.1). */
  retention_held_at: string | null;
  /** Since when no eligible handler could be found for the case (it escalated); null once assigned. */
  needs_handler_since: string | null;
};

/**
 * named: the report names them (or a handler did); conflicted: a handler marked them so;
 * probable: the report probably names them (a surname alone, an initial, a similar spelling, an
 * office several people hold), kept away like the named until a handler without conflict clears it.
 * The named, the conflicted and the probable never see the case (EXCLUDED_ROLES).
 */
export type CasePersonRole = "named" | "reporter" | "witness" | "conflicted" | "probable";

/** The roles that keep a person away from a case, in every query, count, task and e-mail (COC-22.2). */
export const EXCLUDED_ROLES: readonly CasePersonRole[] = ["named", "conflicted", "probable"];

export type SpeakupCasePeopleTable = { case_id: string; person_ref: string; role: CasePersonRole };

export type SpeakupMessagesTable = {
  id: string;
  case_id: string;
  author: "reporter" | "handler" | "system";
  author_user_id: string | null;
  body: string;
  created_at: string;
  read_at: string | null;
  /** 1 when a handler marked it as feedback (art. 9(1)(f)): what was done or is planned, and why. */
  is_feedback: Generated<number>;
};

export type SpeakupAttachmentsTable = {
  id: string;
  case_id: string;
  message_id: string | null;
  /** Sealed JSON {filename, contentType}. */
  meta: string;
  size: number;
  content: string;
  created_at: string;
};

export type CaseItemKind = "task" | "interview" | "evidence" | "note" | "final_report";

export type SpeakupCaseItemsTable = {
  id: string;
  case_id: string;
  kind: CaseItemKind;
  /** Sealed JSON {title, text}. */
  body: string;
  status: "open" | "done";
  due_on: string | null;
  author_user_id: string | null;
  created_at: string;
  updated_at: string;
};

export type SpeakupCaseLinksTable = { case_id: string; other_id: string };

export type SpeakupWatchTable = {
  id: string;
  case_id: string;
  kind: "checkin" | "alert";
  due_on: string;
  detail: string | null;
  status: "open" | "done";
  created_at: string;
  resolved_at: string | null;
};

export type SpeakupMailboxSessionsTable = { id_hash: string; case_id: string; expires_at: string };

export type SpeakupCountersTable = { year: number; last: number };

export type SpeakupTables = {
  speakup_counters: SpeakupCountersTable;
  speakup_cases: SpeakupCasesTable;
  speakup_case_people: SpeakupCasePeopleTable;
  speakup_messages: SpeakupMessagesTable;
  speakup_attachments: SpeakupAttachmentsTable;
  speakup_case_items: SpeakupCaseItemsTable;
  speakup_case_links: SpeakupCaseLinksTable;
  speakup_watch: SpeakupWatchTable;
  speakup_mailbox_sessions: SpeakupMailboxSessionsTable;
};

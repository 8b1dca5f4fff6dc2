import type { PolicyAudience } from "../policies/index.ts";

export type Statement = { id: string; text: string };
/** `conflict` and `violation` questions answered "yes" open follow-up work for the Compliance Office. */
export type Question = { id: string; text: string; kind: "conflict" | "violation" | "other" };

export type CertTemplatesTable = {
  id: string;
  name: string;
  policy_id: string;
  /** "Audit Committee" for the Senior Officers Code certificate (SOC-7), else null. */
  addressed_to: string | null;
  /** JSON array of PolicyAudience: who signs it. */
  audience: string;
  /** JSON arrays of Statement and Question. */
  statements: string;
  questions: string;
  /** COC-23.1 / SOC-7: joiners certify within this many days of their hire date (null: off). */
  joiner_days: number | null;
  /** Joiners hired on or after this date are enrolled automatically. */
  joiners_since: string | null;
  created_at: string;
  updated_at: string;
};

export type CampaignKind = "periodic" | "joiner" | "recertification";

export type AudienceRule = {
  groups: PolicyAudience[];
  entityIds?: string[] | undefined;
  countries?: string[] | undefined;
  departments?: string[] | undefined;
};

export type CertCampaignsTable = {
  id: string;
  name: string;
  kind: CampaignKind;
  template_id: string;
  policy_version_id: string;
  /** SHA-256 of the exact text certified (the policy version plus the statements). */
  text_hash: string;
  title: string;
  addressed_to: string | null;
  /** JSON arrays of Statement and Question, copied from the template at launch. */
  statements: string;
  questions: string;
  /** JSON AudienceRule. */
  audience: string;
  due_date: string | null;
  status: "active" | "closed";
  launched_by: string;
  launched_at: string;
  closed_at: string | null;
  assigned: number;
};

export type CertAssignmentsTable = {
  id: string;
  campaign_id: string;
  person_id: string;
  user_id: string | null;
  legal_entity_id: string | null;
  department: string | null;
  country: string | null;
  supervisor_id: string | null;
  due_date: string;
  status: "pending" | "signed";
  signed_at: string | null;
  last_reminder_on: string | null;
  reminders_sent: number;
  escalated_at: string | null;
  created_at: string;
};

export type CertSignaturesTable = {
  id: string;
  assignment_id: string;
  person_id: string;
  user_id: string;
  policy_version_id: string;
  signed_at: string;
  typed_name: string;
  text_hash: string;
  /** JSON array of the statement ids affirmed. */
  affirmed: string;
  /** JSON object: question id → { answer, details }. */
  answers: string;
  /** SHA-256 over every other field: an edit to the stored signature breaks it. */
  seal: string;
};

export type CertTextsTable = { hash: string; body: string; created_at: string };

export type CertificationTables = {
  cert_templates: CertTemplatesTable;
  cert_campaigns: CertCampaignsTable;
  cert_assignments: CertAssignmentsTable;
  cert_signatures: CertSignaturesTable;
  cert_texts: CertTextsTable;
};

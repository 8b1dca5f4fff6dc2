/** The disclosures domain's tables (see the 2026-11-21-005 migration). */
export const CONFLICT_TYPES = [
  "outside_employment",
  "financial_interest",
  "family_relationship",
  "related_party",
  "corporate_opportunity",
  "other",
] as const;
export type ConflictType = (typeof CONFLICT_TYPES)[number];

export const CONFLICT_STATUSES = [
  "draft",
  "disclosed",
  "discussed",
  "ceo_review",
  "audit_committee",
  "approved",
  "approved_mitigated",
  "prohibited",
  "withdrawn",
] as const;
export type ConflictStatus = (typeof CONFLICT_STATUSES)[number];

export type ConflictDisclosuresTable = {
  id: string;
  number: string;
  discloser_person_id: string;
  discloser_user_id: string | null;
  type: ConflictType;
  title: string;
  description: string;
  counterparty: string | null;
  /** JSON object: the answers to the type's conditional questions. */
  answers: string;
  is_competitor_work: number;
  is_ceo_disclosure: number;
  status: ConflictStatus;
  version: number;
  reapproval_reason: "changed" | "expired" | null;
  decision: "approved" | "approved_mitigated" | "prohibited" | null;
  conditions: string | null;
  mitigation: string | null;
  review_date: string | null;
  decided_by_label: string | null;
  decided_at: string | null;
  ceo_note: string | null;
  reported_to_ac_at: string | null;
  source: "form" | "certificate";
  source_ref: string | null;
  submitted_at: string | null;
  created_at: string;
  updated_at: string;
};

export type ConflictEventsTable = {
  id: string;
  disclosure_id: string;
  kind: "comment" | "transition";
  role: string;
  actor_user_id: string | null;
  actor_label: string;
  from_status: string | null;
  to_status: string | null;
  body: string | null;
  created_at: string;
};

export const GIFT_STATUSES = ["pending_approval", "approved", "rejected", "cleared", "recorded"] as const;
export type GiftStatus = (typeof GIFT_STATUSES)[number];
export const OFFICIAL_KINDS = ["none", "us_government", "non_us_government"] as const;
export type OfficialKind = (typeof OFFICIAL_KINDS)[number];
export const GIFT_KINDS = [
  "gift",
  "meal",
  "entertainment",
  "hospitality",
  "travel",
  "favour",
  "discount",
] as const;

export type GiftsTable = {
  id: string;
  number: string;
  direction: "given" | "received";
  person_id: string | null;
  user_id: string | null;
  counterparty_name: string;
  organisation: string;
  recipient_key: string;
  official: OfficialKind;
  kind: (typeof GIFT_KINDS)[number];
  description: string;
  /** Integer cents (bigint column); PostgreSQL's int8 parser returns a number. */
  value_cents: number | string | bigint;
  currency: string;
  usd_value_cents: number | string | bigint;
  event_date: string;
  business_purpose: string;
  status: GiftStatus;
  /** JSON array of the reasons approval is needed (government_official, per_item, per_recipient_year). */
  approval_reasons: string;
  approval_text: string | null;
  approver_user_id: string | null;
  approver_label: string | null;
  decided_at: string | null;
  recorded_at: string | null;
  created_at: string;
  updated_at: string;
};

export type GuidanceRequestsTable = {
  id: string;
  number: string;
  asker_user_id: string;
  asker_person_id: string | null;
  topic: string;
  question: string;
  routed_to: "supervisor" | "legal";
  assignee_user_id: string | null;
  status: "open" | "answered";
  answer: string | null;
  answered_by_label: string | null;
  answered_at: string | null;
  faq_question: string | null;
  faq_answer: string | null;
  published_at: string | null;
  created_at: string;
  updated_at: string;
};

export type InquiriesTable = {
  id: string;
  number: string;
  kind: "government" | "media";
  reported_by_user_id: string;
  reported_by_label: string;
  organisation: string;
  representative: string;
  contact: string | null;
  received_at: string;
  subject: string;
  status: "new" | "assigned" | "responded";
  responder_user_id: string | null;
  responder_label: string | null;
  response: string | null;
  responded_at: string | null;
  created_at: string;
  updated_at: string;
};

export const BOYCOTT_DOCUMENTS = [
  "inquiry",
  "order",
  "purchase_order",
  "letter_of_credit",
  "shipping_papers",
  "contract",
  "other",
] as const;

export type BoycottRequestsTable = {
  id: string;
  number: string;
  reported_by_user_id: string;
  reported_by_person_id: string | null;
  reported_by_label: string;
  received_on: string;
  requester: string;
  country: string | null;
  document_type: (typeof BOYCOTT_DOCUMENTS)[number];
  document_ref: string | null;
  request_text: string;
  is_reportable: number;
  reportable_note: string | null;
  quarter: string;
  report_due_on: string;
  retain_until: string;
  reviewed_by_label: string | null;
  reviewed_at: string | null;
  created_at: string;
};

export type LegalHoldsTable = {
  id: string;
  number: string;
  matter: string;
  scope: string;
  status: "active" | "released";
  reminder_days: number;
  renotice_days: number;
  next_renotice_at: string;
  issued_by_label: string;
  issued_at: string;
  released_by_label: string | null;
  released_at: string | null;
  release_note: string | null;
};

export type LegalHoldCustodiansTable = {
  hold_id: string;
  person_id: string;
  user_id: string | null;
  notified_at: string;
  acknowledged_at: string | null;
  last_reminded_at: string | null;
  reminders_sent: number;
  notices_sent: number;
};

export type LegalHoldCasesTable = { hold_id: string; case_id: string };

export type DisclosureTables = {
  conflict_disclosures: ConflictDisclosuresTable;
  conflict_events: ConflictEventsTable;
  gifts: GiftsTable;
  guidance_requests: GuidanceRequestsTable;
  inquiries: InquiriesTable;
  boycott_requests: BoycottRequestsTable;
  legal_holds: LegalHoldsTable;
  legal_hold_custodians: LegalHoldCustodiansTable;
  legal_hold_cases: LegalHoldCasesTable;
};

import type { ColumnType, Selectable } from "kysely";

/**
 * Kysely types of the restructuring domain's tables (see the 2026-11-21-008 migration). Integer
 * and money columns are `bigint`: SQLite reads them as numbers, PostgreSQL as strings, so they are
 * written as decimal text and read through `big()`/`int()`.
 */
export type BigCol = ColumnType<string | number, string, string>;
export type BigColNull = ColumnType<string | number | null, string | null, string | null>;

export type OfferingsTable = {
  id: string;
  name: string;
  units_offered: BigCol;
  price_per_unit_cents: BigCol;
  shares_per_unit: BigCol;
  unit_composition: string;
  maximum_amount_cents: BigCol;
  threshold: string;
  maximum_cutback: string;
  structuring_fee_rate: string;
  termination_fee_deduction_cents: BigCol;
  preferred_shares: BigCol;
  preferred_price_cents: BigCol;
  exercise_start: string;
  exercise_end: string;
  /** Rights are fixed on this date; later they change only by an audited re-basing (migration 110). */
  record_date: string | null;
  certifying_officer: string;
  facts: string;
  created_at: string;
  updated_at: string;
};
export type InvestorsTable = {
  id: string;
  offering_id: string;
  code: string;
  name: string;
  backstop_percentage: string;
  is_threshold_group: number;
  withdrawn_at: string | null;
  created_at: string;
};
export type InvestorUsersTable = { investor_id: string; user_id: string };
export type HoldersTable = {
  id: string;
  offering_id: string;
  code: string;
  name: string;
  email: string | null;
  investor_id: string | null;
  plan_shares: BigCol;
  claims_cents: BigCol;
  claims: string;
  rights_explicit: BigColNull;
  rights: BigCol;
  exercised: BigCol;
  payment_cents: BigCol;
  elected_at: string | null;
  elected_by: string | null;
  created_at: string;
  updated_at: string;
};
export type AllocationsTable = {
  id: string;
  offering_id: string;
  run_at: string;
  run_by: string;
  input: string;
  result: string;
  is_current: number;
  /** Why it ran before the exercise period ended, or again (migration 110). */
  reason: string | null;
};
export type PurchaseNoticesTable = {
  id: string;
  allocation_id: string;
  offering_id: string;
  investor_id: string;
  due_date: string;
  issued_at: string;
  content: string;
  /** The notice of the earlier run this one replaces (migration 110). */
  supersedes_id: string | null;
};
export type ProgressReportsTable = {
  id: string;
  offering_id: string;
  report_date: string;
  reason: string;
  rights_exercised: BigCol;
  rights_total: BigCol;
  sent_at: string;
  kind: ProgressReportKind;
};
export type ProgressReportKind = "scheduled" | "on-request";
export type PaymentKind = "payment" | "refund";
/** The subscription agent's ledger: each payment received and each refund sent (migration 110). */
export type PaymentsTable = {
  id: string;
  offering_id: string;
  holder_id: string;
  kind: PaymentKind;
  amount_cents: BigCol;
  received_on: string;
  reference: string;
  note: string;
  recorded_by: string;
  recorded_at: string;
};
export type ConditionStatus = "pending" | "satisfied" | "failed" | "waived";
export type ConditionsTable = {
  id: string;
  offering_id: string;
  code: string;
  title: string;
  status: ConditionStatus;
  evidence: string;
  inputs: string;
  updated_at: string;
  updated_by: string | null;
};
export type VoteStatus = "open" | "passed" | "refused";
export type VotesTable = {
  id: string;
  offering_id: string;
  kind: "waiver" | "amendment";
  subject: string;
  description: string;
  status: VoteStatus;
  created_at: string;
  created_by: string;
  decided_at: string | null;
};
export type BallotsTable = {
  vote_id: string;
  investor_id: string;
  in_favour: number;
  cast_by: string;
  cast_at: string;
};
export type TerminationsTable = {
  id: string;
  offering_id: string;
  event: string;
  occurred_on: string;
  fee_owed: number;
  fee_cents: BigCol;
  note: string;
  recorded_by: string;
  recorded_at: string;
};

export type RestructuringTables = {
  rx_offerings: OfferingsTable;
  rx_investors: InvestorsTable;
  rx_investor_users: InvestorUsersTable;
  rx_holders: HoldersTable;
  rx_allocations: AllocationsTable;
  rx_purchase_notices: PurchaseNoticesTable;
  rx_progress_reports: ProgressReportsTable;
  rx_conditions: ConditionsTable;
  rx_votes: VotesTable;
  rx_ballots: BallotsTable;
  rx_terminations: TerminationsTable;
  rx_payments: PaymentsTable;
};

export type OfferingRow = Selectable<OfferingsTable>;
export type HolderRow = Selectable<HoldersTable>;

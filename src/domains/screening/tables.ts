/** Kysely types of the screening domain's tables (see the 2026-11-21-006 migration). */
export type ListVersionsTable = {
  id: string;
  source: string;
  seq: number;
  imported_at: string;
  imported_by: string;
  file_hashes: string;
  counts: string;
  diff: string;
  is_current: number;
};
export type ListEntriesTable = {
  version_id: string;
  entity_id: string;
  name: string;
  type: string;
  hash: string;
  data: string;
};
export type CounterpartyStatus = "clear" | "review" | "blocked" | "unscreened";
export type CounterpartiesTable = {
  id: string;
  name: string;
  aliases: string;
  kind: string;
  party_type: string;
  country: string | null;
  region: string | null;
  address: string | null;
  date_of_birth: string | null;
  identifiers: string;
  is_foreign: number;
  /** The group company that deals with the party: it screens the lists enabled for it. */
  legal_entity_id: string | null;
  status: CounterpartyStatus;
  fingerprint: string;
  last_screening_id: string | null;
  created_at: string;
  updated_at: string;
};
export type ScreeningsTable = {
  id: string;
  counterparty_id: string;
  list_version_id: string | null;
  /** Comma-separated: the current version of every list the screening ran against. */
  list_version_ids: string | null;
  trigger: string;
  status: "clear" | "hits" | "blocked";
  hit_count: number;
  screened_at: string;
};
export type HitStatus = "open" | "false_positive" | "true_match" | "remembered";
/** A sanctions match blocks; a PEP calls for enhanced due diligence; ownership blocks (50 % rule). */
export type HitKind = "sanction" | "pep" | "ownership";
export type HitsTable = {
  id: string;
  screening_id: string;
  counterparty_id: string;
  entity_id: string;
  entry_hash: string;
  list_name: string;
  /** ofac-sdn, ofac-consolidated, eu-fsf, uk-ofsi, un-sc, opensanctions, or "ownership" (user-entered). */
  list_source: string;
  kind: HitKind;
  matched_name: string;
  programs: string;
  score: number;
  explanation: string;
  status: HitStatus;
  reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
};
export type DecisionsTable = {
  counterparty_id: string;
  entity_id: string;
  counterparty_fingerprint: string;
  entry_hash: string;
  reason: string;
  decided_by: string;
  decided_at: string;
};
/** Ownership a user enters: `percentage` of the counterparty is owned by a list entry or another party. */
export type OwnershipsTable = {
  id: string;
  counterparty_id: string;
  owner_counterparty_id: string | null;
  owner_entity_id: string | null;
  owner_name: string;
  percentage: number;
  created_by: string;
  created_at: string;
};
export type ExportItemsTable = {
  id: string;
  sku: string;
  name: string;
  eccn: string;
  reasons: string;
  created_at: string;
};
export type ExportLicencesTable = {
  id: string;
  kind: "licence" | "exception";
  reference: string;
  eccn: string;
  country: string;
  valid_until: string | null;
  created_at: string;
};
export type TransactionsTable = {
  id: string;
  counterparty_id: string;
  description: string;
  amount_cents: number;
  currency: string;
  destination_country: string | null;
  item_id: string | null;
  payee_name: string | null;
  payee_account_country: string | null;
  payee_address_country: string | null;
  status: "pending" | "approved" | "refused";
  check_result: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
};
export type ScreeningTables = {
  screening_list_versions: ListVersionsTable;
  screening_list_entries: ListEntriesTable;
  counterparties: CounterpartiesTable;
  screenings: ScreeningsTable;
  screening_hits: HitsTable;
  screening_decisions: DecisionsTable;
  screening_ownerships: OwnershipsTable;
  export_items: ExportItemsTable;
  export_licences: ExportLicencesTable;
  screening_transactions: TransactionsTable;
};

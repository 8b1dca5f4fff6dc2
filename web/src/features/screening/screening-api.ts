import { api, type Page } from "../../lib/api.ts";

export type Can = {
  canImport: boolean;
  canManageCounterparties: boolean;
  canDecide: boolean;
  canCreateTransaction: boolean;
  canApprove: boolean;
  canManageExport: boolean;
};
export type TokenMatch = { query: string; list: string | null; how: string; similarity: number };
export type Hit = {
  id: string;
  counterpartyId: string;
  counterpartyName?: string;
  entityId: string;
  listName: string;
  /** "SDN" or "consolidated (non-SDN)". */
  listLabel?: string;
  matchedName: string;
  programs: string[];
  score: number;
  explanation: {
    queryName: string;
    tokens: TokenMatch[];
    extraListTokens: string[];
    adjustments: { reason: string; delta: number }[];
    summary: string;
    /** How OFAC's own Sanctions List Search would roughly score the entry. */
    ofac?: { score: number; technique: string; listName: string };
  };
  status: string;
  reason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
};
export type Counterparty = {
  id: string;
  name: string;
  aliases: string[];
  kind: string;
  partyType: string;
  country: string | null;
  region: string | null;
  isForeign: boolean;
  status: string;
  updatedAt: string;
};
export type Identifier = { type: string; number: string };
export type CounterpartyDetail = Counterparty & {
  address: string | null;
  dateOfBirth: string | null;
  identifiers: Identifier[];
  screening: {
    id: string;
    trigger: string;
    status: string;
    openHits: number;
    screenedAt: string;
    listVersion: string | null;
  } | null;
  hits: Hit[];
  can: Can;
};
export type ListVersion = {
  id: string;
  source: string;
  seq: number;
  importedAt: string;
  importedBy: string;
  fileHashes: Record<string, string>;
  counts: {
    format?: "csv" | "xml";
    publishDate?: string | null;
    entries: number;
    aliases: number;
    addresses: number;
    byType: Record<string, number>;
  };
  diff: { added: number; removed: number; changed: number; unchanged: number };
  isCurrent: boolean;
  unchangedFiles?: boolean;
};
export type Finding = { rule: string; ok: boolean; message: string };
export type Transaction = {
  id: string;
  counterpartyId: string;
  counterpartyName: string | null;
  description: string;
  amountCents: number;
  currency: string;
  destinationCountry: string | null;
  itemId: string | null;
  payeeName: string | null;
  payeeAccountCountry: string | null;
  payeeAddressCountry: string | null;
  status: string;
  check: { ok: boolean; findings: Finding[]; checkedAt: string } | null;
  decidedBy: string | null;
  decidedAt: string | null;
  createdAt: string;
};
export type ChangeKind = "added" | "changed" | "removed";
export type ListChanges = Page<{
  entityId: string;
  name: string;
  type: string;
  previousName?: string | null;
}> & {
  version: ListVersion;
  previousVersionId: string | null;
  kind: ChangeKind;
};
export type ListEntry = {
  entityId: string;
  name: string;
  type: string;
  programs: string[];
  title: string | null;
  remarks: string | null;
  vessel: { callSign: string | null; type: string | null; flag: string | null; owner: string | null } | null;
  aliases: { type: string; name: string }[];
  addresses: { address: string | null; city: string | null; country: string | null }[];
  facts: {
    dob: string[];
    pob: string[];
    nationality: string[];
    citizenship: string[];
    gender: string | null;
    ids: { type: string; number: string; country: string | null }[];
    imo: string | null;
    countries: string[];
  };
};
export type VersionEntry = {
  version: ListVersion;
  previousVersionId: string | null;
  change: ChangeKind | "unchanged";
  entry: ListEntry | null;
  previous: ListEntry | null;
};
export type ExportControls = {
  items: { id: string; sku: string; name: string; eccn: string; reasons: string[] }[];
  licences: {
    id: string;
    kind: string;
    reference: string;
    eccn: string;
    country: string;
    validUntil: string | null;
  }[];
  chart: Record<string, string[]>;
  jurisdictions: { country: string; region: string | null; label: string }[];
  can: Can;
};

export const screeningApi = {
  counterparties: (params: Record<string, string | number | undefined>) =>
    api.get<Page<Counterparty> & { can: Can }>("/api/screening/counterparties", params),
  counterparty: (id: string) => api.get<CounterpartyDetail>(`/api/screening/counterparties/${id}`),
  createCounterparty: (body: unknown) => api.post<CounterpartyDetail>("/api/screening/counterparties", body),
  hits: (status: string) =>
    api.get<Page<Hit> & { can: Can }>("/api/screening/hits", { status, pageSize: 100 }),
  decide: (id: string, decision: "false_positive" | "true_match", reason: string) =>
    api.post<Hit>(`/api/screening/hits/${id}/decision`, { decision, reason }),
  lists: () => api.get<{ items: ListVersion[]; can: Can }>("/api/screening/lists"),
  changes: (id: string, params: { kind: ChangeKind; page: number; pageSize: number; q?: string }) =>
    api.get<ListChanges>(`/api/screening/lists/${id}/changes`, params),
  versionEntry: (id: string, entityId: string) =>
    api.get<VersionEntry>(`/api/screening/lists/${id}/entries/${encodeURIComponent(entityId)}`),
  importList: (files: Record<string, string>) => api.post<ListVersion>("/api/screening/lists/import", files),
  transactions: (params: {
    page: number;
    pageSize: number;
    status?: string | undefined;
    counterpartyId?: string | undefined;
  }) => api.get<Page<Transaction> & { can: Can }>("/api/screening/transactions", params),
  createTransaction: (body: unknown) => api.post<Transaction>("/api/screening/transactions", body),
  approve: (id: string) => api.post<Transaction>(`/api/screening/transactions/${id}/approve`),
  updateCounterparty: (id: string, body: unknown) =>
    api.patch<CounterpartyDetail>(`/api/screening/counterparties/${id}`, body),
  exportControls: () => api.get<ExportControls>("/api/screening/export-controls"),
  createItem: (body: unknown) =>
    api.post<ExportControls["items"][number]>("/api/screening/export-controls/items", body),
  createLicence: (body: unknown) =>
    api.post<ExportControls["licences"][number]>("/api/screening/export-controls/licences", body),
  updateJurisdictions: (list: ExportControls["jurisdictions"]) =>
    api.put<ExportControls["jurisdictions"]>("/api/screening/export-controls/jurisdictions", list),
  updateChart: (chart: Record<string, string[]>) =>
    api.put<Record<string, string[]>>("/api/screening/export-controls/chart", chart),
};

export const STATUS_COLOR: Record<string, string> = {
  clear: "green",
  review: "orange",
  blocked: "red",
  unscreened: "gray",
  open: "orange",
  false_positive: "gray",
  true_match: "red",
  remembered: "gray",
  approved: "green",
  refused: "red",
  pending: "blue",
};

const LIST_NAMES: Record<string, string> = {
  "ofac-sdn": "SDN list",
  "ofac-consolidated": "Consolidated (non-SDN) list",
};
/** A list's name for people: "SDN list", "Consolidated (non-SDN) list". */
export const listName = (source: string) => LIST_NAMES[source] ?? source;

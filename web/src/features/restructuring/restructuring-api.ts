import { api, type Page } from "../../lib/api.ts";

export type Investor = {
  id: string;
  code: string;
  name: string;
  backstopPercentage: string;
  effectiveBackstopPercentage: string;
  isThresholdGroup: boolean;
  withdrawnAt: string | null;
};
export type Offering = {
  id: string;
  name: string;
  unitsOffered: number;
  pricePerUnit: string;
  sharesPerUnit: number;
  unitComposition: string;
  maximumAmount: string;
  threshold: string;
  maximumCutback: string;
  structuringFeeRate: string;
  terminationFeeDeduction: string;
  preferredShares: number;
  preferredPricePerShare: string;
  exerciseStart: string;
  exerciseEnd: string;
  certifyingOfficer: string;
  facts: Record<string, string | boolean>;
  investors: Investor[];
  summary: { holders: number; rights: number; exercised: number; elected: number; paid: string };
  myInvestorId: string | null;
  can: {
    manage: boolean;
    readRegister: boolean;
    elect: boolean;
    runAllocation: boolean;
    readAllocation: boolean;
    vote: boolean;
    withdraw: boolean;
  };
};
export type Holder = {
  id: string;
  code: string;
  name: string;
  email: string | null;
  investor: string | null;
  claims: Record<string, string>;
  planShares: number;
  rights: number;
  rightsExplicit: boolean;
  exercised: number;
  paymentDue: string;
  paid: string;
  electedAt: string | null;
};
export type PortalHolding = Holder & {
  offeringId: string;
  offeringName: string;
  pricePerUnit: string;
  exerciseStart: string;
  exerciseEnd: string;
  isOpen: boolean;
  mustExerciseAll: boolean;
};
export type AllocationRun = {
  id: string;
  runAt: string;
  allocation: {
    holders: {
      id: string;
      rights: number;
      exercised: number;
      subscriptionUnits: number;
      cutbackUnits: number;
      finalUnits: number;
      purchasePrice: string;
    }[];
    investors: {
      id: string;
      subscriptionUnits: number;
      residualUnits: number;
      totalUnits: number;
      purchasePrice: string;
      ownershipPercent: string;
      structuringFee: string;
      terminationFee: string;
      preferredShares: number;
      preferredPrice: string;
    }[];
    totals: {
      unitsOffered: number;
      subscribedUnits: number;
      residualUnits: number;
      cutbackUnits: number;
      totalShares: number;
      thresholdGroupOwnershipPercent: string;
      thresholdMet: boolean;
      thresholdShortfallUnits: number;
    };
    explanation: string[];
  };
  notices: {
    id: string;
    investorCode: string;
    investorName: string;
    dueDate: string;
    issuedAt: string;
    onTime: boolean;
  }[];
};
export type Vote = {
  id: string;
  kind: "waiver" | "amendment";
  subject: string;
  description: string;
  status: "open" | "passed" | "refused";
  createdAt: string;
  inFavour: string;
  consentOf: string[];
  ballots: { investorCode: string; investorName: string; backstop: string; inFavour: boolean | null }[];
  explanation: string;
  myInvestorCode: string | null;
};
export type Condition = {
  id: string;
  code: string;
  title: string;
  status: "pending" | "satisfied" | "failed" | "waived";
  evidence: string;
  inputs: Record<string, unknown>;
  computed: boolean;
  met: boolean | null;
  explanation: string;
};
export type Deadline = {
  key: string;
  rule: string;
  title: string;
  date: string | null;
  basis: string;
  status: string;
};
export type ProgressReport = {
  id: string;
  reportDate: string;
  reason: string;
  rightsExercised: number;
  rightsTotal: number;
  sentAt: string;
};
export type Proceeds = {
  proceeds: string;
  fromAllocation: boolean;
  reserve: string;
  unused: string;
  lines: { step: string; rule: string; cap: string | null; amount: string; note: string }[];
};
export type ImportResult = {
  errors: { row: number; column: string; message: string }[];
  summary: { rows: number; holders: number; created: number; updated: number };
};

const base = "/api/restructuring";
export const rxApi = {
  offerings: () => api.get<{ id: string; name: string; exerciseEnd: string }[]>(`${base}/offerings`),
  offering: (id: string) => api.get<Offering>(`${base}/offerings/${id}`),
  holders: (id: string, params: { q?: string; page: number }) =>
    api.get<Page<Holder>>(`${base}/offerings/${id}/holders`, { ...params, pageSize: 25 }),
  importRegister: (id: string, csv: string) =>
    api.post<ImportResult>(`${base}/offerings/${id}/register`, { csv, dryRun: false }),
  elect: (holderId: string, body: { exercised: number; payment?: string }) =>
    api.put<Holder>(`${base}/holders/${holderId}/election`, body),
  portal: () => api.get<PortalHolding[]>(`${base}/portal`),
  allocation: (id: string) => api.get<{ run: AllocationRun | null }>(`${base}/offerings/${id}/allocation`),
  runAllocation: (id: string) => api.post<AllocationRun>(`${base}/offerings/${id}/allocation`),
  votes: (id: string) => api.get<Vote[]>(`${base}/offerings/${id}/votes`),
  propose: (id: string, body: { kind: string; subject: string; description: string }) =>
    api.post<Vote>(`${base}/offerings/${id}/votes`, body),
  ballot: (voteId: string, inFavour: boolean) =>
    api.post<Vote>(`${base}/votes/${voteId}/ballot`, { inFavour }),
  conditions: (id: string) => api.get<Condition[]>(`${base}/offerings/${id}/conditions`),
  updateCondition: (id: string, body: object) => api.patch<Condition>(`${base}/conditions/${id}`, body),
  deadlines: (id: string) => api.get<Deadline[]>(`${base}/offerings/${id}/deadlines`),
  progress: (id: string) => api.get<ProgressReport[]>(`${base}/offerings/${id}/progress-reports`),
  updateFacts: (id: string, facts: Record<string, string | boolean>) =>
    api.patch<Offering>(`${base}/offerings/${id}/facts`, facts),
  withdraw: (investorId: string, body: { basis: string; withdrawnOn: string; note: string }) =>
    api.post<Offering>(`${base}/investors/${investorId}/withdrawal`, body),
  recordTermination: (
    id: string,
    body: { event: string; occurredOn: string; note: string; minimumBackstopPartiesReady: boolean },
  ) => api.post<{ id: string; feeOwed: boolean; fee: string }>(`${base}/offerings/${id}/terminations`, body),
  createOffering: (body: object) => api.post<Offering>(`${base}/offerings`, body),
  proceeds: (
    id: string,
    params: { requiredPayments: string; clauseDPayments: string; liquidityConditionHolds: string },
  ) => api.get<Proceeds>(`${base}/offerings/${id}/use-of-proceeds`, params),
};

export const pct = (fraction: string, digits = 2) => `${(Number(fraction) * 100).toFixed(digits)}%`;
export const usd = (amount: string) => {
  const [whole = "0", fraction = "00"] = amount.split(".");
  return `$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${fraction}`;
};

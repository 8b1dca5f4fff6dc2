import { useQuery } from "@tanstack/react-query";
import { api } from "../../lib/api.ts";

export type VersionStatus = "draft" | "approved" | "published" | "superseded";
export type Version = {
  id: string;
  number: number;
  status: VersionStatus;
  changeNote: string | null;
  contentHash: string | null;
  createdBy: string;
  createdAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
  publishedAt: string | null;
  supersededAt: string | null;
};
export type PolicySummary = {
  id: string;
  key: string;
  title: string;
  shortTitle: string;
  audience: string[];
  owner: string;
  approvalAuthority: "legal" | "board";
  governsOver: string | null;
  published: Version | null;
  pending: Version | null;
};
export type PolicyDetail = Omit<PolicySummary, "governsOver" | "published" | "pending"> & {
  governsOver: { id: string; shortTitle: string } | null;
  governedBy: { id: string; shortTitle: string }[];
  versions: Version[];
  can: { edit: boolean; approve: boolean; publish: boolean };
};
export type SectionLink = {
  policyKey: string;
  number: string;
  kind: "overrides" | "refers";
  policyId: string | null;
  versionId: string | null;
  policyTitle: string;
  anchor: string;
};
export type Reading = {
  policy: Omit<PolicySummary, "governsOver" | "published" | "pending">;
  version: Version;
  currentHash: string;
  toc: { number: string; title: string; anchor: string }[];
  sections: { number: string; title: string; body: string; anchor: string; links: SectionLink[] }[];
};
export type DiffPart = { op: "eq" | "add" | "del"; text: string };
export type Diff = {
  from: Version;
  to: Version;
  summary: { added: number; removed: number; changed: number; unchanged: number };
  sections: { number: string; title: string; change: string; titleBefore?: string; parts?: DiffPart[] }[];
};
export type SearchHit = {
  policyId: string;
  policyTitle: string;
  versionId: string;
  number: string;
  title: string;
  anchor: string;
  snippet: string;
};
export type Waiver = {
  id: string;
  policyId: string;
  policyTitle: string;
  sectionNumber: string | null;
  person: { id: string; name: string; title: string | null };
  reason: string;
  status: "requested" | "approved" | "rejected";
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decisionBody: string | null;
  decisionNote: string | null;
  decidedAt: string | null;
  disclosureDue: string | null;
  disclosedAt: string | null;
  disclosureReference: string | null;
  disclosure: { state: "not_required" | "due" | "overdue" | "disclosed"; businessDaysLeft: number | null };
  can: { decide: boolean; disclose: boolean };
};

export const AUDIENCE_LABELS: Record<string, string> = {
  everyone: "Everyone bound by the Code",
  senior_officers: "Senior officers",
  finance_accounting: "Finance & accounting staff",
  directors: "Directors",
};

export const usePolicies = () =>
  useQuery({
    queryKey: ["policies"],
    queryFn: () => api.get<{ items: PolicySummary[]; can: { create: boolean } }>("/api/policies"),
  });
export const usePolicy = (id: string) =>
  useQuery({ queryKey: ["policies", id], queryFn: () => api.get<PolicyDetail>(`/api/policies/${id}`) });
export const useReading = (versionId: string | undefined) =>
  useQuery({
    queryKey: ["policy-version", versionId],
    queryFn: () => api.get<Reading>(`/api/policy-versions/${versionId}`),
    enabled: Boolean(versionId),
  });

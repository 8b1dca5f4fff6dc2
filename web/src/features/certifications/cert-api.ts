export type CertificateSummary = {
  id: string;
  campaignId: string;
  campaignName: string;
  title: string;
  addressedTo: string | null;
  policyId: string;
  policyTitle: string;
  policyVersionId: string;
  versionNumber: number;
  person: { id: string; name: string; title: string | null };
  dueDate: string;
  status: "pending" | "signed";
  isOverdue: boolean;
  signedAt: string | null;
};
export type Statement = { id: string; text: string };
export type Question = Statement & { kind: "conflict" | "violation" | "other" };
export type Certificate = CertificateSummary & {
  textHash: string;
  statements: Statement[];
  questions: Question[];
  sections: { number: string; title: string; body: string; anchor: string }[];
  signature: {
    id: string;
    signedAt: string;
    typedName: string;
    textHash: string;
    seal: string;
    affirmed: string[];
    answers: Record<string, { answer: boolean; details?: string }>;
    integrity: { ok: boolean; checkedAt: string; problems: string[] };
  } | null;
  can: { sign: boolean; followReports: boolean };
};
export type Totals = {
  assigned: number;
  signed: number;
  pending: number;
  overdue: number;
  completion: number;
};
export type Campaign = {
  id: string;
  name: string;
  kind: string;
  title: string;
  addressedTo: string | null;
  templateId: string;
  policyTitle: string;
  versionNumber: number;
  textHash: string;
  audience: { groups: string[]; departments?: string[]; countries?: string[] };
  dueDate: string | null;
  status: "active" | "closed";
  launchedBy: string;
  launchedAt: string;
  totals: Totals;
};
export type Template = {
  id: string;
  name: string;
  policyId: string;
  policyTitle: string | null;
  addressedTo: string | null;
  audience: string[];
  statements: Statement[];
  questions: Question[];
  joinerDays: number | null;
};
export type Breakdown = {
  by: string;
  groups: number;
  items: {
    key: string | null;
    label: string;
    assigned: number;
    signed: number;
    overdue: number;
    completion: number;
  }[];
};
export type AssignmentRow = {
  id: string;
  personId: string;
  externalId: string | null;
  name: string;
  email: string | null;
  department: string | null;
  country: string | null;
  entity: string | null;
  supervisor: string | null;
  dueDate: string;
  status: string;
  signedAt: string | null;
  remindersSent: number;
  escalatedAt: string | null;
};
export const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** Stable keys for the pieces of a fixed text (paragraphs, diff parts), which never reorder. */
export const keyed = <T>(prefix: string, items: T[]) =>
  items.map((text, n) => ({ key: `${prefix}-${n}`, text }));

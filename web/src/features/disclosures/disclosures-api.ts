// Types of the disclosures API (src/domains/disclosures). Each object carries `can`: what the
// signed-in user may do with it, decided by the server.

export type ConflictStatus =
  | "draft"
  | "disclosed"
  | "discussed"
  | "ceo_review"
  | "audit_committee"
  | "approved"
  | "approved_mitigated"
  | "prohibited"
  | "withdrawn";

export type Conflict = {
  id: string;
  number: string;
  discloser: { personId: string; name: string };
  type: string;
  typeLabel: string;
  title: string;
  description: string;
  counterparty: string | null;
  answers: Record<string, unknown>;
  prohibitedByCode: { rule: string; message: string } | null;
  isCeoDisclosure: boolean;
  status: ConflictStatus;
  version: number;
  reapprovalReason: "changed" | "expired" | null;
  decision: string | null;
  conditions: string | null;
  mitigation: string | null;
  reviewDate: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  ceoNote: string | null;
  reportedToAuditCommitteeAt: string | null;
  source: "form" | "certificate";
  submittedAt: string | null;
  updatedAt: string;
  can: {
    edit: boolean;
    submit: boolean;
    withdraw: boolean;
    comment: boolean;
    forward: boolean;
    ceoReview: boolean;
    decide: boolean;
    approve: boolean;
  };
  events?: {
    id: string;
    kind: string;
    role: string;
    actor: string;
    from: string | null;
    to: string | null;
    body: string | null;
    at: string;
  }[];
};

export type Gift = {
  id: string;
  number: string;
  direction: "given" | "received";
  person: string | null;
  counterpartyName: string;
  organisation: string;
  official: string;
  isGovernmentOfficial: boolean;
  kind: string;
  description: string;
  value: string;
  usdValue: string;
  eventDate: string;
  businessPurpose: string;
  status: "pending_approval" | "approved" | "rejected" | "cleared" | "recorded";
  approvalReasons: string[];
  approvalText: string | null;
  approver: string | null;
  decidedAt: string | null;
  recordedAt: string | null;
  recipientYearTotal: string;
  isMine: boolean;
  can: { decide: boolean; record: boolean };
};

export type GiftSettings = { perItem: string; perRecipientYear: string };

export type Guidance = {
  id: string;
  number: string;
  topic: string;
  question: string;
  routedTo: "supervisor" | "legal";
  status: "open" | "answered";
  answer: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
  faq: { question: string; answer: string; publishedAt: string } | null;
  createdAt: string;
  isMine: boolean;
  can: { answer: boolean; escalate: boolean; publish: boolean };
};

export type Inquiry = {
  id: string;
  number: string;
  kind: "government" | "media";
  reportedBy: string;
  organisation: string;
  representative: string;
  contact: string | null;
  receivedAt: string;
  subject: string;
  status: "new" | "assigned" | "responded";
  responder: string | null;
  response: string | null;
  respondedAt: string | null;
  can: { assign: boolean; respond: boolean };
};

export type Boycott = {
  id: string;
  number: string;
  reportedBy: string;
  receivedOn: string;
  requester: string;
  country: string | null;
  documentType: string;
  documentRef: string | null;
  requestText: string;
  isReportable: boolean;
  reportableNote: string | null;
  quarter: string;
  reportDueOn: string;
  retainUntil: string;
  reviewedBy: string | null;
  can: { review: boolean };
};

export type HoldSummary = {
  id: string;
  number: string;
  matter: string;
  status: "active" | "released";
  issuedAt: string;
  releasedAt: string | null;
  nextRenoticeOn: string;
  custodians: number;
  acknowledged: number;
};

export type Hold = {
  id: string;
  number: string;
  matter: string;
  scope: string;
  status: "active" | "released";
  reminderDays: number;
  renoticeDays: number;
  nextRenoticeOn: string;
  issuedBy: string;
  issuedAt: string;
  releasedBy: string | null;
  releasedAt: string | null;
  releaseNote: string | null;
  custodians: {
    personId: string;
    name: string;
    title: string | null;
    department: string | null;
    notifiedAt: string;
    acknowledgedAt: string | null;
    remindersSent: number;
    noticesSent: number;
  }[];
  acknowledged: number;
  can: { manage: boolean; acknowledge: boolean };
};

export const CONFLICT_TYPES = [
  { value: "outside_employment", label: "Outside employment or board seat" },
  { value: "financial_interest", label: "Financial interest in a customer, supplier or competitor" },
  { value: "family_relationship", label: "Family member in a business relationship with the company" },
  { value: "related_party", label: "Related-party transaction" },
  { value: "corporate_opportunity", label: "Corporate opportunity" },
  { value: "other", label: "Other" },
];

export const STATUS_LABELS: Record<string, { label: string; color: string }> = {
  draft: { label: "Draft", color: "gray" },
  disclosed: { label: "Disclosed", color: "blue" },
  discussed: { label: "Discussed", color: "cyan" },
  ceo_review: { label: "CEO review", color: "violet" },
  audit_committee: { label: "Audit Committee", color: "grape" },
  approved: { label: "Approved", color: "green" },
  approved_mitigated: { label: "Approved after mitigation", color: "teal" },
  prohibited: { label: "Prohibited", color: "red" },
  withdrawn: { label: "Withdrawn", color: "gray" },
  pending_approval: { label: "Awaiting Legal's approval", color: "yellow" },
  rejected: { label: "Refused", color: "red" },
  cleared: { label: "No approval needed", color: "teal" },
  recorded: { label: "Recorded", color: "green" },
  open: { label: "Open", color: "yellow" },
  answered: { label: "Answered", color: "green" },
  new: { label: "New", color: "red" },
  assigned: { label: "Assigned", color: "yellow" },
  responded: { label: "Responded", color: "green" },
  active: { label: "Active", color: "red" },
  released: { label: "Released", color: "gray" },
};

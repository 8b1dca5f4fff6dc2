/** The Code's subjects a report can be about, with the rule each one touches. */
export const CATEGORIES = [
  { id: "bribery", label: "Bribery and payments to officials", rule: "COC-2.1" },
  { id: "accounting", label: "Accounting, auditing or internal controls", rule: "SOC-5" },
  { id: "antitrust", label: "Antitrust and competition", rule: "COC-5.1" },
  { id: "conflicts", label: "Conflicts of interest", rule: "COC-6.1" },
  { id: "insider_trading", label: "Insider trading", rule: "COC-7.1" },
  { id: "discrimination_harassment", label: "Discrimination or harassment", rule: "COC-0.2" },
  { id: "health_safety", label: "Health and safety", rule: "COC-14.1" },
  { id: "environment", label: "Environment", rule: "COC-3.1" },
  { id: "fraud_theft", label: "Fraud or theft", rule: "COC-17.1" },
  { id: "retaliation", label: "Retaliation", rule: "COC-21.2" },
  { id: "sanctions_export", label: "Sanctions and export controls", rule: "COC-18.1" },
  { id: "confidentiality_ip", label: "Confidential information and intellectual property", rule: "COC-10.1" },
  { id: "other", label: "Something else", rule: "COC-21.1" },
] as const;
export type Category = (typeof CATEGORIES)[number]["id"];
export const CATEGORY_IDS = CATEGORIES.map((c) => c.id) as [Category, ...Category[]];
export const categoryLabel = (id: string) => CATEGORIES.find((c) => c.id === id)?.label ?? id;

export const CHANNELS = [
  "web",
  "phone_domestic",
  "phone_international",
  "letter",
  "internal",
  "certificate",
] as const;
export type Channel = (typeof CHANNELS)[number];
/** The channels a report can be filed through directly; a certificate answer files its own (COC-23.2). */
export const FILING_CHANNELS = CHANNELS.filter((c) => c !== "certificate") as [
  Exclude<Channel, "certificate">,
  ...Exclude<Channel, "certificate">[],
];
export const CHANNEL_LABELS: Record<Channel, string> = {
  web: "Web portal",
  phone_domestic: "Domestic hotline",
  phone_international: "International hotline",
  letter: "Letter to the General Counsel",
  internal: "Reported in the app",
  certificate: "Certificate of Compliance answer",
};

/** Channels where the signed-in employee reports for themselves: they are named only in the sealed identity (COC-22.2). */
export const isOwnReport = (channel: Channel) => channel === "internal" || channel === "certificate";
/** Hotline calls: the caller sets their own mailbox password with a one-time code, never the operator. */
export const isPhoneChannel = (channel: Channel) =>
  channel === "phone_domestic" || channel === "phone_international";

export const IDENTITY_MODES = ["anonymous", "confidential", "open"] as const;
export type IdentityMode = (typeof IDENTITY_MODES)[number];

export const STATUSES = [
  "new",
  "acknowledged",
  "triage",
  "investigation",
  "findings",
  "remediation",
  "closed",
] as const;
export type CaseStatus = (typeof STATUSES)[number];

export const OUTCOMES = ["substantiated", "partially_substantiated", "unsubstantiated"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const REMEDIATIONS = ["discipline", "training", "control_change"] as const;
export type Remediation = (typeof REMEDIATIONS)[number];

export const TEAMS = ["compliance", "audit_committee"] as const;
export type Team = (typeof TEAMS)[number];
export const TEAM_LABELS: Record<Team, string> = {
  compliance: "Compliance Office",
  audit_committee: "Audit Committee",
};

/** Which roles make up each handling team. */
export const TEAM_ROLES: Record<Team, readonly string[]> = {
  compliance: ["compliance_officer", "general_counsel"],
  audit_committee: ["audit_committee_chair", "audit_committee_member"],
};

/** The lifecycle: where a case may go from each state. */
// A new case leaves "new" only by being acknowledged (acknowledgeCase), which also writes to the reporter.
export const TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  new: [],
  acknowledged: ["triage"],
  triage: ["investigation", "closed"],
  investigation: ["findings"],
  findings: ["remediation", "closed"],
  remediation: ["closed"],
  closed: ["triage"],
};

/** Files a reporter may attach: warned that files can carry metadata (author, GPS, device). */
export const ATTACHMENT_LIMITS = {
  maxFiles: 5,
  maxBytes: 10 * 1024 * 1024,
  extensions: [
    "pdf",
    "png",
    "jpg",
    "jpeg",
    "gif",
    "webp",
    "txt",
    "csv",
    "doc",
    "docx",
    "xls",
    "xlsx",
    "ppt",
    "pptx",
    "eml",
    "msg",
    "mp3",
    "m4a",
    "wav",
    "mp4",
    "mov",
  ],
} as const;

export const STATUS_LABELS: Record<CaseStatus, string> = {
  new: "received, not yet acknowledged",
  acknowledged: "acknowledged",
  triage: "being assessed",
  investigation: "under investigation",
  findings: "findings reached",
  remediation: "remediation under way",
  closed: "closed",
};

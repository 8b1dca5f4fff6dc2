/**
 * The role catalogue and what each role may do. Domains add their permissions here as they
 * arrive; `permissionsOf` is the only place a role turns into permissions.
 */
export const ROLES = [
  {
    name: "admin",
    label: "Administrator",
    privileged: true,
    description: "Manages people, users, settings and the platform.",
  },
  {
    name: "compliance_officer",
    label: "Compliance officer",
    privileged: true,
    description: "Runs triage, investigations, campaigns and screening decisions.",
  },
  {
    name: "general_counsel",
    label: "General Counsel",
    privileged: true,
    description: "Heads the Legal Department, which administers the Code (COC-0.2).",
  },
  {
    name: "hotline_operator",
    label: "Hotline operator",
    privileged: true,
    description: "Takes phone reports and files them for the caller (COC-21.1).",
  },
  {
    name: "ceo",
    label: "Chief Executive Officer",
    privileged: true,
    description: "Reviews conflicts of interest and reports them to the Audit Committee (COC-6.2).",
  },
  {
    name: "audit_committee_chair",
    label: "Audit Committee chair",
    privileged: true,
    description: "Receives accounting concerns and cases implicating senior officers (SOC-4).",
  },
  {
    name: "audit_committee_member",
    label: "Audit Committee member",
    privileged: true,
    description: "Reads Audit Committee reports.",
  },
  {
    name: "board_member",
    label: "Board member",
    privileged: true,
    description: "Reads board materials and approves codes (SOC-8).",
  },
  {
    name: "corporate_secretary",
    label: "Corporate Secretary",
    privileged: true,
    description: "Keeps minutes and corporate records (CC-6).",
  },
  {
    name: "committee_chair",
    label: "Committee chair",
    privileged: true,
    description: "Convenes and presides over a board committee (CC-23).",
  },
  {
    name: "committee_member",
    label: "Committee member",
    privileged: true,
    description: "Serves on a board committee.",
  },
  {
    name: "restructuring_admin",
    label: "Restructuring administrator",
    privileged: true,
    description: "Runs the rights offering.",
  },
  {
    name: "subscription_agent",
    label: "Subscription agent",
    privileged: true,
    description: "Records rights exercises in the offering.",
  },
  {
    name: "investor",
    label: "Investor",
    privileged: false,
    description: "Sees its commitments, purchase notices and progress reports.",
  },
  {
    name: "auditor",
    label: "Auditor",
    privileged: true,
    description: "Read-only access to evidence and the audit log.",
  },
] as const;

export type RoleName = (typeof ROLES)[number]["name"];
export const ROLE_NAMES = ROLES.map((r) => r.name) as [RoleName, ...RoleName[]];

export const PERMISSIONS = {
  "people.read": [
    "admin",
    "compliance_officer",
    "general_counsel",
    "ceo",
    "auditor",
    "corporate_secretary",
    "audit_committee_chair",
  ],
  "people.write": ["admin"],
  "people.import": ["admin"],
  "entity.manage": ["admin"],
  "organisation.manage": ["admin"],
  "user.manage": ["admin"],
  "audit.read": ["admin", "auditor", "compliance_officer", "general_counsel"],
  "outbox.read": ["admin"],
  // Speak-up (COC-21.1, SOC-4): handlers are the Compliance Office, Legal and the Audit Committee.
  "speakup.handle": [
    "compliance_officer",
    "general_counsel",
    "audit_committee_chair",
    "audit_committee_member",
  ],
  "speakup.assign": ["compliance_officer", "general_counsel", "audit_committee_chair"],
  "speakup.intake_phone": ["hotline_operator"],
  "speakup.intake_letter": ["general_counsel", "compliance_officer"],
  // Routing (SOC-4), deadlines and retention (COC-15.1) are compliance decisions: the platform
  // administrator could otherwise route cases away from the Audit Committee or shorten retention.
  "speakup.configure": ["compliance_officer"],
  "speakup.stats": [
    "compliance_officer",
    "general_counsel",
    "audit_committee_chair",
    "audit_committee_member",
  ],
  "job.manage": ["admin"],
  "screening.read": ["admin", "compliance_officer", "general_counsel", "auditor"],
  "screening.lists": ["admin", "compliance_officer"],
  "screening.decide": ["compliance_officer", "general_counsel"],
  "counterparty.manage": ["admin", "compliance_officer"],
  "transaction.manage": ["admin", "compliance_officer"],
  "transaction.approve": ["compliance_officer", "general_counsel"],
  "export.manage": ["admin", "compliance_officer"],
  // Policies and Certificates of Compliance (issue 4). Reading published policies and signing
  // one's own certificates only needs a session.
  "policy.manage": ["compliance_officer", "general_counsel"],
  "policy.approve": ["general_counsel", "board_member"],
  // The Board or a Board committee: approves Board-owned codes (SOC-8) and decides waivers.
  "board.decide": [
    "board_member",
    "audit_committee_chair",
    "audit_committee_member",
    "committee_chair",
    "committee_member",
  ],
  "waiver.read": [
    "compliance_officer",
    "general_counsel",
    "board_member",
    "audit_committee_chair",
    "audit_committee_member",
    "committee_chair",
    "committee_member",
    "corporate_secretary",
    "auditor",
  ],
  "waiver.request": ["compliance_officer", "general_counsel"],
  "certification.manage": ["compliance_officer"],
  "certification.report": ["compliance_officer", "general_counsel", "auditor"],
  // SOC-7: the senior officers' certificates are addressed to the Audit Committee.
  "certification.audit_committee": [
    "audit_committee_chair",
    "audit_committee_member",
    "compliance_officer",
    "auditor",
  ],
  // Disclosures and Legal Department requests (issue 5). Every signed-in user files their own
  // disclosures, gifts, questions, inquiries and boycott requests (COC-6.1).
  "disclosure.review": ["general_counsel", "compliance_officer"],
  "disclosure.ceo_review": ["ceo"],
  "disclosure.audit_committee": ["audit_committee_chair", "audit_committee_member"],
  "disclosure.register": ["general_counsel", "compliance_officer", "auditor"],
  "disclosure.configure": ["general_counsel", "compliance_officer"],
  "gift.approve": ["general_counsel"],
  "guidance.answer": ["general_counsel", "compliance_officer"],
  "inquiry.manage": ["general_counsel"],
  "boycott.manage": ["general_counsel", "compliance_officer"],
  "legal_hold.manage": ["general_counsel"],
  // Board committees (issue 7): the Secretary records the Board's appointments and files minutes
  // (CC-3, CC-6); committee chairs run their meetings (CC-23); privileged items stay with the
  // committee, the Secretary and counsel (CC-21).
  "committee.read": [
    "board_member",
    "committee_member",
    "committee_chair",
    "corporate_secretary",
    "auditor",
    "general_counsel",
    "audit_committee_chair",
    "audit_committee_member",
  ],
  "committee.manage": ["corporate_secretary", "committee_chair", "audit_committee_chair"],
  "committee.appoint": ["corporate_secretary"],
  "committee.file": ["corporate_secretary"],
  "committee.privileged": ["corporate_secretary", "general_counsel"],
  // Restructuring (issue 8): the rights offering under the Equity Commitment Agreement.
  "restructuring.read": ["restructuring_admin", "subscription_agent", "auditor"],
  "restructuring.manage": ["restructuring_admin"],
  "restructuring.elect": ["subscription_agent"],
  "restructuring.investor": ["investor"],
  // Four-eyes role grants (issue 12, finding 11): the Audit Committee oversees them.
  "role_grant.read": ["admin", "audit_committee_chair", "audit_committee_member"],
} as const satisfies Record<string, readonly RoleName[]>;

export type Permission = keyof typeof PERMISSIONS;

/**
 * Permissions that read speak-up cases, audit data or investor data. A role carrying any of them
 * is granted only after a second administrator approves (four-eyes, issue 12 finding 11); the set
 * of roles follows from this list, so a permission given to a new role brings the rule with it.
 */
export const FOUR_EYES_PERMISSIONS = [
  "speakup.handle",
  "speakup.assign",
  "speakup.stats",
  "audit.read",
  "restructuring.read",
  "restructuring.manage",
  "restructuring.elect",
] as const satisfies readonly Permission[];

export const isFourEyesRole = (role: string) =>
  FOUR_EYES_PERMISSIONS.some((p) => (PERMISSIONS[p] as readonly string[]).includes(role));

export function permissionsOf(roles: readonly string[]): Set<string> {
  const set = new Set<string>();
  for (const [permission, allowed] of Object.entries(PERMISSIONS)) {
    if ((allowed as readonly string[]).some((r) => roles.includes(r))) set.add(permission);
  }
  return set;
}

export const isPrivileged = (roles: readonly string[]) =>
  ROLES.some((r) => r.privileged && (roles as readonly string[]).includes(r.name));

export const PERSON_CATEGORIES = [
  "director",
  "executive_officer",
  "senior_officer",
  "finance_accounting",
] as const;
export type PersonCategory = (typeof PERSON_CATEGORIES)[number];
export const PERSON_KINDS = ["employee", "officer", "director", "external"] as const;

export type PolicyAudience = "everyone" | "senior_officers" | "finance_accounting" | "directors";
export type ApprovalAuthority = "legal" | "board";
export type VersionStatus = "draft" | "approved" | "published" | "superseded";

export type PoliciesTable = {
  id: string;
  key: string;
  title: string;
  short_title: string;
  /** JSON array of PolicyAudience. */
  audience: string;
  owner: string;
  approval_authority: ApprovalAuthority;
  /** SOC-2: this policy controls where the policy named here is silent or conflicts. */
  governs_over_id: string | null;
  created_at: string;
  updated_at: string;
};

export type PolicyVersionsTable = {
  id: string;
  policy_id: string;
  number: number;
  status: VersionStatus;
  change_note: string | null;
  /** SHA-256 of the canonical text, fixed when the version is approved. */
  content_hash: string | null;
  created_by: string;
  created_at: string;
  approved_by_user_id: string | null;
  approved_by: string | null;
  approved_at: string | null;
  published_at: string | null;
  superseded_at: string | null;
  updated_at: string;
};

export type SectionLink = { policyKey: string; number: string; kind: "overrides" | "refers" };

export type PolicySectionsTable = {
  id: string;
  version_id: string;
  position: number;
  number: string;
  title: string;
  body: string;
  /** JSON array of SectionLink. */
  links: string;
};

export type WaiverStatus = "requested" | "approved" | "rejected";

export type PolicyWaiversTable = {
  id: string;
  policy_id: string;
  section_number: string | null;
  person_id: string;
  reason: string;
  status: WaiverStatus;
  requested_by: string;
  requested_at: string;
  decided_by_user_id: string | null;
  decided_by: string | null;
  decision_body: string | null;
  decision_note: string | null;
  decided_at: string | null;
  /** Form 8-K: four business days after approval (US banking calendar). */
  disclosure_due: string | null;
  disclosed_at: string | null;
  disclosure_reference: string | null;
  updated_at: string;
};

export type PolicyTables = {
  policies: PoliciesTable;
  policy_versions: PolicyVersionsTable;
  policy_sections: PolicySectionsTable;
  policy_waivers: PolicyWaiversTable;
};

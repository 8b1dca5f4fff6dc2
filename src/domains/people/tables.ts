export type OrganisationTable = {
  id: number;
  name: string;
  website: string | null;
  hotline_web: string | null;
  hotline_domestic: string | null;
  hotline_international: string | null;
  legal_contact_name: string | null;
  legal_contact_phone: string | null;
  legal_contact_address: string | null;
  updated_at: string;
};

export type LegalEntitiesTable = {
  id: string;
  code: string;
  name: string;
  country: string;
  parent_id: string | null;
  created_at: string;
  updated_at: string;
};

export type PersonKind = "employee" | "officer" | "director" | "external";

export type PersonsTable = {
  id: string;
  external_id: string | null;
  kind: PersonKind;
  first_name: string;
  last_name: string;
  email: string | null;
  title: string | null;
  department: string | null;
  location_country: string | null;
  legal_entity_id: string | null;
  supervisor_id: string | null;
  hire_date: string | null;
  end_date: string | null;
  /** JSON array of PersonCategory. */
  categories: string;
  created_at: string;
  updated_at: string;
};

export type UsersTable = {
  id: string;
  email: string;
  display_name: string;
  person_id: string | null;
  password_hash: string;
  totp_secret: string | null;
  /** A secret being enrolled; replaces totp_secret only once a code from it is confirmed. */
  totp_pending_secret: string | null;
  totp_enabled: number;
  disabled: number;
  failed_logins: number;
  locked_until: string | null;
  last_login_at: string | null;
  /** 1 when an administrator set the password: the user must choose their own at first sign-in. */
  must_change_password: number;
  /** The last TOTP time step (unix time / 30 s) accepted: a code is good once (RFC 6238 §5.2). */
  totp_last_step: number | null;
  created_at: string;
  updated_at: string;
};

export type UserRecoveryCodesTable = {
  user_id: string;
  /** sha256 of a high-entropy single-use code; the code itself is shown once and never stored. */
  code_hash: string;
  created_at: string;
  used_at: string | null;
};

export type RoleGrantStatus = "pending" | "approved" | "rejected";

/** A request to grant a role that reads speak-up cases, audit or investor data (four-eyes). */
export type RoleGrantRequestsTable = {
  id: string;
  user_id: string;
  role: string;
  status: RoleGrantStatus;
  requested_by: string;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
  note: string | null;
};

export type UserRolesTable = { user_id: string; role: string };

export type SessionsTable = {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
};

export type PeopleTables = {
  organisation: OrganisationTable;
  legal_entities: LegalEntitiesTable;
  persons: PersonsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  user_recovery_codes: UserRecoveryCodesTable;
  role_grant_requests: RoleGrantRequestsTable;
};

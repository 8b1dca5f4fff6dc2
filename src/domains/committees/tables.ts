import type { PeopleTables } from "../people/index.ts";

export type CommitteeKind = "compensation" | "audit" | "nominating_governance" | "other";
/** Which independence tests a committee applies (CC-2). */
export type CommitteeChecks = { nyse: boolean; rule16b3: boolean; section162m: boolean };

export type CommitteesTable = {
  id: string;
  key: string;
  name: string;
  kind: CommitteeKind;
  min_members: number;
  quorum: number;
  min_regular_meetings: number;
  /** JSON CommitteeChecks. */
  checks: string;
  created_at: string;
  updated_at: string;
};

export type CommitteeChartersTable = {
  id: string;
  committee_id: string;
  number: number;
  body: string;
  content_hash: string;
  change_note: string | null;
  status: "draft" | "approved" | "superseded";
  approved_by: string | null;
  approved_at: string | null;
  created_by: string;
  created_at: string;
};

export type AppointmentKind = "annual" | "vacancy" | "initial";

export type CommitteeMembersTable = {
  id: string;
  committee_id: string;
  person_id: string;
  is_chair: number;
  start_date: string;
  end_date: string | null;
  end_reason: string | null;
  recommended_by: string;
  appointed_by: string;
  appointment_kind: AppointmentKind;
  board_meeting_date: string;
  board_reference: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
};

export type DnoQuestionnairesTable = {
  id: string;
  person_id: string;
  year: number;
  /** JSON QuestionnaireAnswers (schemas.ts). */
  answers: string;
  status: "draft" | "certified";
  certified_at: string | null;
  certified_by: string | null;
  created_at: string;
  updated_at: string;
};

export type MeetingKind = "regular" | "special";
export type MeetingMode = "in_person" | "telephone" | "hybrid";
export type MeetingStatus = "scheduled" | "in_session" | "adjourned" | "cancelled";
export type CallerCapacity = "committee_chair" | "board_chairman" | "member";

export type CommitteeMeetingsTable = {
  id: string;
  committee_id: string;
  kind: MeetingKind;
  title: string;
  starts_at: string;
  duration_minutes: number;
  mode: MeetingMode;
  location: string | null;
  called_by_person_id: string | null;
  called_by_capacity: CallerCapacity | null;
  status: MeetingStatus;
  notice_sent_at: string | null;
  opened_at: string | null;
  closed_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
};

export type AgendaItemsTable = {
  id: string;
  meeting_id: string;
  position: number;
  title: string;
  description: string | null;
  is_privileged: number;
  duty_key: string | null;
  /** The person whose own pay the item concerns (never present for it). */
  concerns_person_id: string | null;
  created_at: string;
};

export type MaterialsTable = {
  id: string;
  meeting_id: string;
  agenda_item_id: string | null;
  title: string;
  body: string;
  is_privileged: number;
  created_by: string;
  created_at: string;
};

export type AttendanceCapacity = "member" | "consultant" | "counsel" | "management" | "secretary" | "guest";
export type AttendanceMode = "in_person" | "telephone";

export type AttendanceTable = {
  id: string;
  meeting_id: string;
  person_id: string | null;
  adviser_id: string | null;
  name: string;
  capacity: AttendanceCapacity;
  mode: AttendanceMode;
  arrived_at: string;
  left_at: string | null;
};

export type RecusalsTable = {
  agenda_item_id: string;
  person_id: string;
  reason: string;
  recorded_at: string;
};

export type ResolutionOutcome = "adopted" | "rejected";

export type ResolutionsTable = {
  id: string;
  committee_id: string;
  meeting_id: string | null;
  agenda_item_id: string | null;
  consent_id: string | null;
  title: string;
  text: string;
  outcome: ResolutionOutcome;
  votes_for: number;
  votes_against: number;
  abstentions: number;
  members_present: number;
  subject_type: string | null;
  subject_id: string | null;
  adopted_at: string;
  recorded_by: string;
};

export type Vote = "for" | "against" | "abstain";
export type ResolutionVotesTable = { resolution_id: string; person_id: string; vote: Vote };

export type WrittenConsentsTable = {
  id: string;
  committee_id: string;
  title: string;
  text: string;
  /** JSON array of the person ids who must all sign (the members when it was circulated). */
  signers: string;
  status: "circulating" | "effective" | "withdrawn";
  duty_key: string | null;
  effective_at: string | null;
  created_by: string;
  created_at: string;
};

export type ConsentSignaturesTable = {
  consent_id: string;
  person_id: string;
  signed_at: string;
  signed_by_user_id: string | null;
};

export type MinutesStatus = "draft" | "circulated" | "approved" | "locked" | "filed";

export type MinutesTable = {
  id: string;
  meeting_id: string;
  status: MinutesStatus;
  version: number;
  body: string;
  circulated_at: string | null;
  approved_at: string | null;
  approved_at_meeting_id: string | null;
  approval_resolution_id: string | null;
  locked_at: string | null;
  content_hash: string | null;
  signed_by: string | null;
  filed_at: string | null;
  filed_by: string | null;
  created_at: string;
  updated_at: string;
};

export type MinutesVersionsTable = {
  minutes_id: string;
  version: number;
  body: string;
  note: string | null;
  created_by: string;
  created_at: string;
};

export type DutiesTable = {
  id: string;
  committee_id: string;
  year: number;
  key: string;
  title: string;
  rule: string;
  due_date: string;
  created_at: string;
};

export type EvidenceKind = "minutes" | "resolution" | "document";

export type DutyEvidenceTable = {
  id: string;
  duty_id: string;
  kind: EvidenceKind;
  ref_id: string | null;
  label: string;
  url: string | null;
  linked_by: string;
  linked_at: string;
};

export type AdviserKind = "compensation_consultant" | "legal" | "accounting" | "other";

export type AdvisersTable = {
  id: string;
  committee_id: string;
  name: string;
  firm: string;
  kind: AdviserKind;
  status: "proposed" | "retained" | "terminated";
  terms: string | null;
  retained_at: string | null;
  retained_resolution_id: string | null;
  terminated_at: string | null;
  terminated_resolution_id: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
};

export type AssessmentsTable = {
  id: string;
  adviser_id: string;
  assessed_on: string;
  /** JSON Record<FactorKey, { finding: string; concern: boolean }>. */
  factors: string;
  conclusion: string;
  resolution_id: string | null;
  assessed_by: string;
  created_at: string;
};

export type AdviserFeesTable = {
  id: string;
  adviser_id: string;
  amount_cents: string;
  description: string;
  resolution_id: string;
  approved_at: string;
};

export type CommitteeTables = PeopleTables & {
  committees: CommitteesTable;
  committee_charters: CommitteeChartersTable;
  committee_members: CommitteeMembersTable;
  dno_questionnaires: DnoQuestionnairesTable;
  committee_meetings: CommitteeMeetingsTable;
  meeting_agenda_items: AgendaItemsTable;
  meeting_materials: MaterialsTable;
  meeting_attendance: AttendanceTable;
  agenda_item_recusals: RecusalsTable;
  committee_resolutions: ResolutionsTable;
  resolution_votes: ResolutionVotesTable;
  written_consents: WrittenConsentsTable;
  written_consent_signatures: ConsentSignaturesTable;
  meeting_minutes: MinutesTable;
  meeting_minutes_versions: MinutesVersionsTable;
  committee_duties: DutiesTable;
  committee_duty_evidence: DutyEvidenceTable;
  committee_advisers: AdvisersTable;
  adviser_assessments: AssessmentsTable;
  adviser_fees: AdviserFeesTable;
};

import type { Kysely } from "kysely";

// Frozen: never edit after it has shipped; add a new dated migration instead.
// Board committees (issue 7): committees and their charters (versioned), members and appointment
// records, yearly D&O questionnaires, meetings with agenda, materials, attendance and recusals,
// resolutions and votes, unanimous written consents, minutes with versions, the yearly duty
// calendar with evidence, advisers and their Rule 10C-1 assessments.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("committees")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("key", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("min_members", "integer", (c) => c.notNull())
    .addColumn("quorum", "integer", (c) => c.notNull())
    .addColumn("min_regular_meetings", "integer", (c) => c.notNull())
    .addColumn("checks", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("committee_charters")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("committee_id", "text", (c) => c.notNull().references("committees.id"))
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("content_hash", "text", (c) => c.notNull())
    .addColumn("change_note", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("approved_by", "text")
    .addColumn("approved_at", "text")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("committee_charters_number")
    .on("committee_charters")
    .columns(["committee_id", "number"])
    .unique()
    .execute();

  await db.schema
    .createTable("committee_members")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("committee_id", "text", (c) => c.notNull().references("committees.id"))
    .addColumn("person_id", "text", (c) => c.notNull().references("persons.id"))
    .addColumn("is_chair", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("start_date", "text", (c) => c.notNull())
    .addColumn("end_date", "text")
    .addColumn("end_reason", "text")
    .addColumn("recommended_by", "text", (c) => c.notNull())
    .addColumn("appointed_by", "text", (c) => c.notNull())
    .addColumn("appointment_kind", "text", (c) => c.notNull())
    .addColumn("board_meeting_date", "text", (c) => c.notNull())
    .addColumn("board_reference", "text")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("committee_members_committee")
    .on("committee_members")
    .column("committee_id")
    .execute();

  await db.schema
    .createTable("dno_questionnaires")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("person_id", "text", (c) => c.notNull().references("persons.id"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("answers", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("certified_at", "text")
    .addColumn("certified_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("dno_questionnaires_person_year")
    .on("dno_questionnaires")
    .columns(["person_id", "year"])
    .unique()
    .execute();

  await db.schema
    .createTable("committee_meetings")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("committee_id", "text", (c) => c.notNull().references("committees.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("starts_at", "text", (c) => c.notNull())
    .addColumn("duration_minutes", "integer", (c) => c.notNull())
    .addColumn("mode", "text", (c) => c.notNull())
    .addColumn("location", "text")
    .addColumn("called_by_person_id", "text")
    .addColumn("called_by_capacity", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("notice_sent_at", "text")
    .addColumn("opened_at", "text")
    .addColumn("closed_at", "text")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("committee_meetings_committee")
    .on("committee_meetings")
    .columns(["committee_id", "starts_at"])
    .execute();

  await db.schema
    .createTable("meeting_agenda_items")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("meeting_id", "text", (c) => c.notNull().references("committee_meetings.id"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("is_privileged", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("duty_key", "text")
    .addColumn("concerns_person_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("meeting_agenda_items_meeting")
    .on("meeting_agenda_items")
    .column("meeting_id")
    .execute();

  await db.schema
    .createTable("meeting_materials")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("meeting_id", "text", (c) => c.notNull().references("committee_meetings.id"))
    .addColumn("agenda_item_id", "text")
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("is_privileged", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("meeting_materials_meeting")
    .on("meeting_materials")
    .column("meeting_id")
    .execute();

  await db.schema
    .createTable("meeting_attendance")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("meeting_id", "text", (c) => c.notNull().references("committee_meetings.id"))
    .addColumn("person_id", "text")
    .addColumn("adviser_id", "text")
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("capacity", "text", (c) => c.notNull())
    .addColumn("mode", "text", (c) => c.notNull())
    .addColumn("arrived_at", "text", (c) => c.notNull())
    .addColumn("left_at", "text")
    .execute();
  await db.schema
    .createIndex("meeting_attendance_meeting")
    .on("meeting_attendance")
    .column("meeting_id")
    .execute();

  await db.schema
    .createTable("agenda_item_recusals")
    .addColumn("agenda_item_id", "text", (c) => c.notNull().references("meeting_agenda_items.id"))
    .addColumn("person_id", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("agenda_item_recusals_pk", ["agenda_item_id", "person_id"])
    .execute();

  await db.schema
    .createTable("committee_resolutions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("committee_id", "text", (c) => c.notNull().references("committees.id"))
    .addColumn("meeting_id", "text")
    .addColumn("agenda_item_id", "text")
    .addColumn("consent_id", "text")
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("votes_for", "integer", (c) => c.notNull())
    .addColumn("votes_against", "integer", (c) => c.notNull())
    .addColumn("abstentions", "integer", (c) => c.notNull())
    .addColumn("members_present", "integer", (c) => c.notNull())
    .addColumn("subject_type", "text")
    .addColumn("subject_id", "text")
    .addColumn("adopted_at", "text", (c) => c.notNull())
    .addColumn("recorded_by", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("committee_resolutions_committee")
    .on("committee_resolutions")
    .columns(["committee_id", "adopted_at"])
    .execute();

  await db.schema
    .createTable("resolution_votes")
    .addColumn("resolution_id", "text", (c) => c.notNull().references("committee_resolutions.id"))
    .addColumn("person_id", "text", (c) => c.notNull())
    .addColumn("vote", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("resolution_votes_pk", ["resolution_id", "person_id"])
    .execute();

  await db.schema
    .createTable("written_consents")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("committee_id", "text", (c) => c.notNull().references("committees.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("signers", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("duty_key", "text")
    .addColumn("effective_at", "text")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("written_consent_signatures")
    .addColumn("consent_id", "text", (c) => c.notNull().references("written_consents.id"))
    .addColumn("person_id", "text", (c) => c.notNull())
    .addColumn("signed_at", "text", (c) => c.notNull())
    .addColumn("signed_by_user_id", "text")
    .addPrimaryKeyConstraint("written_consent_signatures_pk", ["consent_id", "person_id"])
    .execute();

  await db.schema
    .createTable("meeting_minutes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("meeting_id", "text", (c) => c.notNull().unique().references("committee_meetings.id"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("circulated_at", "text")
    .addColumn("approved_at", "text")
    .addColumn("approved_at_meeting_id", "text")
    .addColumn("approval_resolution_id", "text")
    .addColumn("locked_at", "text")
    .addColumn("content_hash", "text")
    .addColumn("signed_by", "text")
    .addColumn("filed_at", "text")
    .addColumn("filed_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("meeting_minutes_versions")
    .addColumn("minutes_id", "text", (c) => c.notNull().references("meeting_minutes.id"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("meeting_minutes_versions_pk", ["minutes_id", "version"])
    .execute();

  await db.schema
    .createTable("committee_duties")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("committee_id", "text", (c) => c.notNull().references("committees.id"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("rule", "text", (c) => c.notNull())
    .addColumn("due_date", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("committee_duties_year_key")
    .on("committee_duties")
    .columns(["committee_id", "year", "key"])
    .unique()
    .execute();

  await db.schema
    .createTable("committee_duty_evidence")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("duty_id", "text", (c) => c.notNull().references("committee_duties.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("ref_id", "text")
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("url", "text")
    .addColumn("linked_by", "text", (c) => c.notNull())
    .addColumn("linked_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("committee_duty_evidence_duty")
    .on("committee_duty_evidence")
    .column("duty_id")
    .execute();

  await db.schema
    .createTable("committee_advisers")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("committee_id", "text", (c) => c.notNull().references("committees.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("firm", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("terms", "text")
    .addColumn("retained_at", "text")
    .addColumn("retained_resolution_id", "text")
    .addColumn("terminated_at", "text")
    .addColumn("terminated_resolution_id", "text")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("adviser_assessments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("adviser_id", "text", (c) => c.notNull().references("committee_advisers.id"))
    .addColumn("assessed_on", "text", (c) => c.notNull())
    .addColumn("factors", "text", (c) => c.notNull())
    .addColumn("conclusion", "text", (c) => c.notNull())
    .addColumn("resolution_id", "text")
    .addColumn("assessed_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("adviser_fees")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("adviser_id", "text", (c) => c.notNull().references("committee_advisers.id"))
    .addColumn("amount_cents", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("resolution_id", "text", (c) => c.notNull())
    .addColumn("approved_at", "text", (c) => c.notNull())
    .execute();
}

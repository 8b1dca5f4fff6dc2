import type { Kysely } from "kysely";

// Frozen: never edit after it has shipped; add a new dated migration instead.
// Disclosures and Legal Department requests: conflicts of interest with their timeline, the gift
// register, guidance requests and FAQs, government and media inquiries, boycott requests, and
// legal holds with custodians and the speak-up cases they cover.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("conflict_disclosures")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("number", "text", (c) => c.notNull().unique())
    .addColumn("discloser_person_id", "text", (c) => c.notNull().references("persons.id"))
    .addColumn("discloser_user_id", "text")
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("counterparty", "text")
    .addColumn("answers", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("is_competitor_work", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("is_ceo_disclosure", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("reapproval_reason", "text")
    .addColumn("decision", "text")
    .addColumn("conditions", "text")
    .addColumn("mitigation", "text")
    .addColumn("review_date", "text")
    .addColumn("decided_by_label", "text")
    .addColumn("decided_at", "text")
    .addColumn("ceo_note", "text")
    .addColumn("reported_to_ac_at", "text")
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("source_ref", "text")
    .addColumn("submitted_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("conflict_disclosures_person")
    .on("conflict_disclosures")
    .column("discloser_person_id")
    .execute();
  await db.schema
    .createIndex("conflict_disclosures_status")
    .on("conflict_disclosures")
    .column("status")
    .execute();

  await db.schema
    .createTable("conflict_events")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("disclosure_id", "text", (c) => c.notNull().references("conflict_disclosures.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("actor_user_id", "text")
    .addColumn("actor_label", "text", (c) => c.notNull())
    .addColumn("from_status", "text")
    .addColumn("to_status", "text")
    .addColumn("body", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("conflict_events_disclosure")
    .on("conflict_events")
    .column("disclosure_id")
    .execute();

  await db.schema
    .createTable("gifts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("number", "text", (c) => c.notNull().unique())
    .addColumn("direction", "text", (c) => c.notNull())
    .addColumn("person_id", "text", (c) => c.references("persons.id"))
    .addColumn("user_id", "text")
    .addColumn("counterparty_name", "text", (c) => c.notNull())
    .addColumn("organisation", "text", (c) => c.notNull())
    .addColumn("recipient_key", "text", (c) => c.notNull())
    .addColumn("official", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("value_cents", "bigint", (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("usd_value_cents", "bigint", (c) => c.notNull())
    .addColumn("event_date", "text", (c) => c.notNull())
    .addColumn("business_purpose", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("approval_reasons", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("approval_text", "text")
    .addColumn("approver_user_id", "text")
    .addColumn("approver_label", "text")
    .addColumn("decided_at", "text")
    .addColumn("recorded_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("gifts_recipient")
    .on("gifts")
    .columns(["recipient_key", "event_date"])
    .execute();
  await db.schema.createIndex("gifts_status").on("gifts").column("status").execute();

  await db.schema
    .createTable("guidance_requests")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("number", "text", (c) => c.notNull().unique())
    .addColumn("asker_user_id", "text", (c) => c.notNull())
    .addColumn("asker_person_id", "text")
    .addColumn("topic", "text", (c) => c.notNull())
    .addColumn("question", "text", (c) => c.notNull())
    .addColumn("routed_to", "text", (c) => c.notNull())
    .addColumn("assignee_user_id", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("answer", "text")
    .addColumn("answered_by_label", "text")
    .addColumn("answered_at", "text")
    .addColumn("faq_question", "text")
    .addColumn("faq_answer", "text")
    .addColumn("published_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("inquiries")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("number", "text", (c) => c.notNull().unique())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("reported_by_user_id", "text", (c) => c.notNull())
    .addColumn("reported_by_label", "text", (c) => c.notNull())
    .addColumn("organisation", "text", (c) => c.notNull())
    .addColumn("representative", "text", (c) => c.notNull())
    .addColumn("contact", "text")
    .addColumn("received_at", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("responder_user_id", "text")
    .addColumn("responder_label", "text")
    .addColumn("response", "text")
    .addColumn("responded_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("boycott_requests")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("number", "text", (c) => c.notNull().unique())
    .addColumn("reported_by_user_id", "text", (c) => c.notNull())
    .addColumn("reported_by_person_id", "text")
    .addColumn("reported_by_label", "text", (c) => c.notNull())
    .addColumn("received_on", "text", (c) => c.notNull())
    .addColumn("requester", "text", (c) => c.notNull())
    .addColumn("country", "text")
    .addColumn("document_type", "text", (c) => c.notNull())
    .addColumn("document_ref", "text")
    .addColumn("request_text", "text", (c) => c.notNull())
    .addColumn("is_reportable", "integer", (c) => c.notNull())
    .addColumn("reportable_note", "text")
    .addColumn("quarter", "text", (c) => c.notNull())
    .addColumn("report_due_on", "text", (c) => c.notNull())
    .addColumn("retain_until", "text", (c) => c.notNull())
    .addColumn("reviewed_by_label", "text")
    .addColumn("reviewed_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("boycott_requests_quarter").on("boycott_requests").column("quarter").execute();

  await db.schema
    .createTable("legal_holds")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("number", "text", (c) => c.notNull().unique())
    .addColumn("matter", "text", (c) => c.notNull())
    .addColumn("scope", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("reminder_days", "integer", (c) => c.notNull())
    .addColumn("renotice_days", "integer", (c) => c.notNull())
    .addColumn("next_renotice_at", "text", (c) => c.notNull())
    .addColumn("issued_by_label", "text", (c) => c.notNull())
    .addColumn("issued_at", "text", (c) => c.notNull())
    .addColumn("released_by_label", "text")
    .addColumn("released_at", "text")
    .addColumn("release_note", "text")
    .execute();

  await db.schema
    .createTable("legal_hold_custodians")
    .addColumn("hold_id", "text", (c) => c.notNull().references("legal_holds.id"))
    .addColumn("person_id", "text", (c) => c.notNull().references("persons.id"))
    .addColumn("user_id", "text")
    .addColumn("notified_at", "text", (c) => c.notNull())
    .addColumn("acknowledged_at", "text")
    .addColumn("last_reminded_at", "text")
    .addColumn("reminders_sent", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("notices_sent", "integer", (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint("legal_hold_custodians_pk", ["hold_id", "person_id"])
    .execute();
  await db.schema
    .createIndex("legal_hold_custodians_person")
    .on("legal_hold_custodians")
    .column("person_id")
    .execute();

  await db.schema
    .createTable("legal_hold_cases")
    .addColumn("hold_id", "text", (c) => c.notNull().references("legal_holds.id"))
    .addColumn("case_id", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("legal_hold_cases_pk", ["hold_id", "case_id"])
    .execute();
  await db.schema.createIndex("legal_hold_cases_case").on("legal_hold_cases").column("case_id").execute();
}

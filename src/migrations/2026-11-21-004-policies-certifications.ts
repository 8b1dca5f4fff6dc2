import { type Kysely, PostgresAdapter, sql } from "kysely";

/**
 * Policies (versioned codes, sections, waivers) and Certificates of Compliance (templates,
 * campaigns, assignments, signatures and the content-addressed texts they certify).
 * Frozen: no imports from application code.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema
    .createTable("policies")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("key", "text", (c) => c.notNull().unique())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("short_title", "text", (c) => c.notNull())
    .addColumn("audience", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("owner", "text", (c) => c.notNull())
    .addColumn("approval_authority", "text", (c) => c.notNull())
    .addColumn("governs_over_id", "text", (c) => c.references("policies.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("policy_versions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("policy_id", "text", (c) => c.notNull().references("policies.id"))
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("change_note", "text")
    .addColumn("content_hash", "text")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("approved_by_user_id", "text")
    .addColumn("approved_by", "text")
    .addColumn("approved_at", "text")
    .addColumn("published_at", "text")
    .addColumn("superseded_at", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("policy_versions_number", ["policy_id", "number"])
    .execute();
  await db.schema
    .createIndex("policy_versions_status")
    .on("policy_versions")
    .columns(["policy_id", "status"])
    .execute();

  await db.schema
    .createTable("policy_sections")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("version_id", "text", (c) => c.notNull().references("policy_versions.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("number", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("links", "text", (c) => c.notNull().defaultTo("[]"))
    .execute();
  await db.schema
    .createIndex("policy_sections_version")
    .on("policy_sections")
    .columns(["version_id", "position"])
    .execute();

  await db.schema
    .createTable("policy_waivers")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("policy_id", "text", (c) => c.notNull().references("policies.id"))
    .addColumn("section_number", "text")
    .addColumn("person_id", "text", (c) => c.notNull().references("persons.id"))
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("requested_by", "text", (c) => c.notNull())
    .addColumn("requested_at", "text", (c) => c.notNull())
    .addColumn("decided_by_user_id", "text")
    .addColumn("decided_by", "text")
    .addColumn("decision_body", "text")
    .addColumn("decision_note", "text")
    .addColumn("decided_at", "text")
    .addColumn("disclosure_due", "text")
    .addColumn("disclosed_at", "text")
    .addColumn("disclosure_reference", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("cert_texts")
    .addColumn("hash", "text", (c) => c.primaryKey())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("cert_templates")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("policy_id", "text", (c) => c.notNull().references("policies.id"))
    .addColumn("addressed_to", "text")
    .addColumn("audience", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("statements", "text", (c) => c.notNull())
    .addColumn("questions", "text", (c) => c.notNull())
    .addColumn("joiner_days", "integer")
    .addColumn("joiners_since", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("cert_campaigns")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("template_id", "text", (c) => c.notNull().references("cert_templates.id"))
    .addColumn("policy_version_id", "text", (c) => c.notNull().references("policy_versions.id"))
    .addColumn("text_hash", "text", (c) => c.notNull().references("cert_texts.hash"))
    // The template as it was at launch: what every signer of this campaign affirms and answers.
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("addressed_to", "text")
    .addColumn("statements", "text", (c) => c.notNull())
    .addColumn("questions", "text", (c) => c.notNull())
    .addColumn("audience", "text", (c) => c.notNull())
    .addColumn("due_date", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("launched_by", "text", (c) => c.notNull())
    .addColumn("launched_at", "text", (c) => c.notNull())
    .addColumn("closed_at", "text")
    .addColumn("assigned", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  // One row per person per campaign. The organisation columns are a snapshot taken at launch, so
  // the dashboards group without joins and report the organisation the campaign was launched to.
  await db.schema
    .createTable("cert_assignments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("campaign_id", "text", (c) => c.notNull().references("cert_campaigns.id"))
    .addColumn("person_id", "text", (c) => c.notNull().references("persons.id"))
    .addColumn("user_id", "text")
    .addColumn("legal_entity_id", "text")
    .addColumn("department", "text")
    .addColumn("country", "text")
    .addColumn("supervisor_id", "text")
    .addColumn("due_date", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("signed_at", "text")
    .addColumn("last_reminder_on", "text")
    .addColumn("reminders_sent", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("escalated_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("cert_assignments_campaign_person", ["campaign_id", "person_id"])
    .execute();
  for (const col of ["legal_entity_id", "department", "country", "supervisor_id"]) {
    await db.schema
      .createIndex(`cert_assignments_${col}`)
      .on("cert_assignments")
      .columns(["campaign_id", col, "status"])
      .execute();
  }
  await db.schema
    .createIndex("cert_assignments_due")
    .on("cert_assignments")
    .columns(["campaign_id", "status", "due_date"])
    .execute();
  await db.schema
    .createIndex("cert_assignments_person")
    .on("cert_assignments")
    .columns(["person_id", "status"])
    .execute();

  await db.schema
    .createTable("cert_signatures")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("assignment_id", "text", (c) => c.notNull().unique().references("cert_assignments.id"))
    .addColumn("person_id", "text", (c) => c.notNull().references("persons.id"))
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("policy_version_id", "text", (c) => c.notNull())
    .addColumn("signed_at", "text", (c) => c.notNull())
    .addColumn("typed_name", "text", (c) => c.notNull())
    .addColumn("text_hash", "text", (c) => c.notNull())
    .addColumn("affirmed", "text", (c) => c.notNull())
    .addColumn("answers", "text", (c) => c.notNull())
    .addColumn("seal", "text", (c) => c.notNull())
    .execute();

  // Signatures never change: the database refuses UPDATE and DELETE (the seal still detects an
  // edit made by someone who drops the trigger).
  if (isPostgres) {
    await sql`create function probity_signature_immutable() returns trigger language plpgsql as $$
      begin raise exception 'cert_signatures are immutable: % refused', tg_op; end; $$`.execute(db);
    await sql`create trigger cert_signatures_immutable before update or delete on cert_signatures
      for each row execute function probity_signature_immutable()`.execute(db);
  } else {
    await sql`create trigger cert_signatures_no_update before update on cert_signatures
      begin select raise(abort, 'cert_signatures are immutable: UPDATE refused'); end`.execute(db);
    await sql`create trigger cert_signatures_no_delete before delete on cert_signatures
      begin select raise(abort, 'cert_signatures are immutable: DELETE refused'); end`.execute(db);
  }
}

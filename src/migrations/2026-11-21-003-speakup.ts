import type { Kysely } from "kysely";

// Frozen: never edit after it has shipped; add a new dated migration instead.
// Everything a reporter wrote, who they are and what handlers note is stored sealed
// (XChaCha20-Poly1305 under a per-report data key wrapped by the key file); people are referenced
// by keyed hashes, so a copy of the database alone reveals no names.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("speakup_cases")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("number", "text", (c) => c.notNull().unique())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("identity_mode", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("outcome", "text")
    .addColumn("remediation", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("team", "text", (c) => c.notNull())
    .addColumn("assignee_user_id", "text", (c) => c.references("users.id"))
    .addColumn("routing_reason", "text", (c) => c.notNull())
    .addColumn("country", "text")
    .addColumn("legal_entity_id", "text", (c) => c.references("legal_entities.id"))
    .addColumn("data_key", "text", (c) => c.notNull())
    .addColumn("content", "text", (c) => c.notNull())
    .addColumn("reporter_identity", "text")
    .addColumn("people", "text", (c) => c.notNull())
    .addColumn("receipt_hash", "text", (c) => c.unique())
    .addColumn("password_hash", "text")
    .addColumn("idempotency_hash", "text", (c) => c.unique())
    .addColumn("retry_receipt", "text")
    .addColumn("filed_by_user_id", "text", (c) => c.references("users.id"))
    .addColumn("merged_into_id", "text", (c) => c.references("speakup_cases.id"))
    .addColumn("received_at", "text", (c) => c.notNull())
    .addColumn("acknowledged_at", "text")
    .addColumn("ack_due_at", "text", (c) => c.notNull())
    .addColumn("feedback_due_at", "text", (c) => c.notNull())
    .addColumn("feedback_given_at", "text")
    .addColumn("closed_at", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("speakup_cases_team")
    .on("speakup_cases")
    .columns(["team", "status", "received_at"])
    .execute();
  await db.schema
    .createIndex("speakup_cases_assignee")
    .on("speakup_cases")
    .columns(["assignee_user_id", "status"])
    .execute();
  await db.schema.createIndex("speakup_cases_received").on("speakup_cases").column("received_at").execute();

  await db.schema
    .createTable("speakup_case_people")
    .addColumn("case_id", "text", (c) => c.notNull().references("speakup_cases.id"))
    .addColumn("person_ref", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("speakup_case_people_pk", ["case_id", "person_ref", "role"])
    .execute();
  await db.schema
    .createIndex("speakup_case_people_ref")
    .on("speakup_case_people")
    .columns(["person_ref", "role"])
    .execute();

  await db.schema
    .createTable("speakup_messages")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("case_id", "text", (c) => c.notNull().references("speakup_cases.id"))
    .addColumn("author", "text", (c) => c.notNull())
    .addColumn("author_user_id", "text", (c) => c.references("users.id"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("read_at", "text")
    .execute();
  await db.schema
    .createIndex("speakup_messages_case")
    .on("speakup_messages")
    .columns(["case_id", "created_at"])
    .execute();

  await db.schema
    .createTable("speakup_attachments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("case_id", "text", (c) => c.notNull().references("speakup_cases.id"))
    .addColumn("message_id", "text", (c) => c.references("speakup_messages.id"))
    .addColumn("meta", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("content", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("speakup_attachments_case")
    .on("speakup_attachments")
    .column("case_id")
    .execute();

  await db.schema
    .createTable("speakup_case_items")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("case_id", "text", (c) => c.notNull().references("speakup_cases.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("due_on", "text")
    .addColumn("author_user_id", "text", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("speakup_case_items_case")
    .on("speakup_case_items")
    .columns(["case_id", "kind"])
    .execute();

  await db.schema
    .createTable("speakup_case_links")
    .addColumn("case_id", "text", (c) => c.notNull().references("speakup_cases.id"))
    .addColumn("other_id", "text", (c) => c.notNull().references("speakup_cases.id"))
    .addPrimaryKeyConstraint("speakup_case_links_pk", ["case_id", "other_id"])
    .execute();

  await db.schema
    .createTable("speakup_watch")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("case_id", "text", (c) => c.notNull().references("speakup_cases.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("due_on", "text", (c) => c.notNull())
    .addColumn("detail", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("resolved_at", "text")
    .execute();
  await db.schema
    .createIndex("speakup_watch_due")
    .on("speakup_watch")
    .columns(["status", "due_on"])
    .execute();

  await db.schema
    .createTable("speakup_counters")
    .addColumn("year", "integer", (c) => c.primaryKey())
    .addColumn("last", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("speakup_mailbox_sessions")
    .addColumn("id_hash", "text", (c) => c.primaryKey())
    .addColumn("case_id", "text", (c) => c.notNull().references("speakup_cases.id"))
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
}

import type { Kysely } from "kysely";

// Frozen: never edit after it has shipped; add a new dated migration instead.
// Sanctions lists (versioned snapshots), counterparties, screenings and hits, remembered
// false-positive decisions, export items and licences, and transactions with their checks.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("screening_list_versions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("imported_at", "text", (c) => c.notNull())
    .addColumn("imported_by", "text", (c) => c.notNull())
    .addColumn("file_hashes", "text", (c) => c.notNull())
    .addColumn("counts", "text", (c) => c.notNull())
    .addColumn("diff", "text", (c) => c.notNull())
    .addColumn("is_current", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex("screening_list_versions_source_seq")
    .on("screening_list_versions")
    .columns(["source", "seq"])
    .unique()
    .execute();

  await db.schema
    .createTable("screening_list_entries")
    .addColumn("version_id", "text", (c) => c.notNull().references("screening_list_versions.id"))
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .addColumn("data", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("screening_list_entries_pk", ["version_id", "entity_id"])
    .execute();

  await db.schema
    .createTable("counterparties")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("aliases", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("party_type", "text", (c) => c.notNull())
    .addColumn("country", "text")
    .addColumn("region", "text")
    .addColumn("address", "text")
    .addColumn("date_of_birth", "text")
    .addColumn("identifiers", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("is_foreign", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("fingerprint", "text", (c) => c.notNull())
    .addColumn("last_screening_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("counterparties_name").on("counterparties").column("name").execute();
  await db.schema.createIndex("counterparties_status").on("counterparties").column("status").execute();

  await db.schema
    .createTable("screenings")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("counterparty_id", "text", (c) => c.notNull().references("counterparties.id"))
    .addColumn("list_version_id", "text", (c) => c.references("screening_list_versions.id"))
    .addColumn("trigger", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("hit_count", "integer", (c) => c.notNull())
    .addColumn("screened_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("screenings_counterparty").on("screenings").column("counterparty_id").execute();

  await db.schema
    .createTable("screening_hits")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("screening_id", "text", (c) => c.notNull().references("screenings.id"))
    .addColumn("counterparty_id", "text", (c) => c.notNull().references("counterparties.id"))
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("entry_hash", "text", (c) => c.notNull())
    .addColumn("list_name", "text", (c) => c.notNull())
    .addColumn("matched_name", "text", (c) => c.notNull())
    .addColumn("programs", "text", (c) => c.notNull())
    .addColumn("score", "real", (c) => c.notNull())
    .addColumn("explanation", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("decided_by", "text")
    .addColumn("decided_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("screening_hits_status")
    .on("screening_hits")
    .columns(["status", "created_at"])
    .execute();
  await db.schema
    .createIndex("screening_hits_counterparty")
    .on("screening_hits")
    .column("counterparty_id")
    .execute();

  await db.schema
    .createTable("screening_decisions")
    .addColumn("counterparty_id", "text", (c) => c.notNull().references("counterparties.id"))
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("counterparty_fingerprint", "text", (c) => c.notNull())
    .addColumn("entry_hash", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("decided_by", "text", (c) => c.notNull())
    .addColumn("decided_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("screening_decisions_pk", ["counterparty_id", "entity_id"])
    .execute();

  await db.schema
    .createTable("export_items")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("sku", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("eccn", "text", (c) => c.notNull())
    .addColumn("reasons", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("export_licences")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("reference", "text", (c) => c.notNull())
    .addColumn("eccn", "text", (c) => c.notNull())
    .addColumn("country", "text", (c) => c.notNull())
    .addColumn("valid_until", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("screening_transactions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("counterparty_id", "text", (c) => c.notNull().references("counterparties.id"))
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("amount_cents", "integer", (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("destination_country", "text")
    .addColumn("item_id", "text", (c) => c.references("export_items.id"))
    .addColumn("payee_name", "text")
    .addColumn("payee_account_country", "text")
    .addColumn("payee_address_country", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("check_result", "text")
    .addColumn("decided_by", "text")
    .addColumn("decided_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
}

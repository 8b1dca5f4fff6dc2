import type { Kysely } from "kysely";

// Frozen. Issue 15 (lists): the legal entity a counterparty deals with (each legal entity screens
// the lists enabled for it), the kind of a hit (a sanctions match, a PEP for enhanced due
// diligence, or a block through ownership) and the ownership a user enters (OFAC 50 % rule, EU
// ownership and control).

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("counterparties")
    .addColumn("legal_entity_id", "text", (c) => c.references("legal_entities.id"))
    .execute();
  await db.schema
    .alterTable("screening_hits")
    .addColumn("kind", "text", (c) => c.notNull().defaultTo("sanction"))
    .execute();
  await db.schema
    .createTable("screening_ownerships")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("counterparty_id", "text", (c) => c.notNull().references("counterparties.id"))
    .addColumn("owner_counterparty_id", "text", (c) => c.references("counterparties.id"))
    .addColumn("owner_entity_id", "text")
    .addColumn("owner_name", "text", (c) => c.notNull())
    .addColumn("percentage", "real", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("screening_ownerships_counterparty")
    .on("screening_ownerships")
    .column("counterparty_id")
    .execute();
}

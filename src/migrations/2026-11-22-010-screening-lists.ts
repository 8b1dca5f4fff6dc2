import type { Kysely } from "kysely";

// Frozen. Several sanctions lists (SDN and the consolidated non-SDN list): a screening records the
// current version of every list it ran against, and a hit records which list its entry is on.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("screenings").addColumn("list_version_ids", "text").execute();
  await db.schema
    .alterTable("screening_hits")
    .addColumn("list_source", "text", (c) => c.notNull().defaultTo("ofac-sdn"))
    .execute();
}

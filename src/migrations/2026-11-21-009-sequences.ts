import type { Kysely } from "kysely";

// Frozen. Named counters for human-readable numbers (COI-2026-0001 …), incremented atomically.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("sequences")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("last", "integer", (c) => c.notNull())
    .execute();
}

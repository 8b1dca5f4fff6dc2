import type { Kysely } from "kysely";

// Frozen. Counters of wrong tries and anonymous upload bytes, kept in the database so every app
// server shares them (DESIGN.md: no state in process memory). A row is one budget in one window:
// `key` names the budget (a keyed hash, never an address, e-mail or receipt), `window_start` the
// window it counts (an hour or a quarter, never the exact time of a try).

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("rate_counters")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("window_start", "text", (c) => c.notNull())
    .addColumn("count", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("rate_counters_window").on("rate_counters").column("window_start").execute();
}

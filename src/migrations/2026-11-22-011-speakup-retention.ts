import type { Kysely } from "kysely";

// Frozen. Speak-up retention (COC-15.1): a closed case past its retention period keeps a tombstone
// row (number, category, dates, outcome) for the statistics; purged_at says when its sealed content,
// files, messages and the reporter's contact were destroyed; retention_held_at, since when a legal
// hold has kept a case past its retention (so the hold-back is audited once, not every night).

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("speakup_cases").addColumn("purged_at", "text").execute();
  await db.schema.alterTable("speakup_cases").addColumn("retention_held_at", "text").execute();
  await db.schema
    .createIndex("speakup_cases_retention")
    .on("speakup_cases")
    .columns(["status", "closed_at"])
    .execute();
}

import type { Kysely } from "kysely";

// Frozen. A speak-up case must always have an eligible handler (COC-22.2, SOC-4): when everyone its
// routing would reach is named in it or conflicted, it escalates, and needs_handler_since says since
// when it has waited for someone to take it (the "needs a handler" list). Cleared on assignment.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("speakup_cases").addColumn("needs_handler_since", "text").execute();
}

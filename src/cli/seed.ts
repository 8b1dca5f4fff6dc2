import { sql } from "kysely";
import { systemCtx } from "../app.ts";
import { isEmpty, seedDemo } from "../demo/seed-demo.ts";
import type { Config } from "../kernel/config.ts";
import type { Database } from "../kernel/db.ts";
import { keyRingFromConfig } from "../kernel/key-ring.ts";

/** pg_advisory_lock key of the demo seed ("probity-seed" as a number; any constant would do). */
const SEED_LOCK = 0x5072_6f62_6974;

/**
 * Seeds the demo into an empty database; the key is needed to seal the demo's reports.
 * Several servers started together with --demo on one empty PostgreSQL must seed it once: the
 * check and the seed run under an advisory lock, so the second server waits, finds people, and
 * seeds nothing (issue 14, finding 7). SQLite serialises its writers in one file.
 */
export async function seedIfEmpty(database: Database, config: Config) {
  const ctx = {
    ...systemCtx(database, undefined, "demo seed"),
    keyRing: await keyRingFromConfig(systemCtx(database, undefined, "key check"), config),
  };
  const seed = async () => ((await isEmpty(ctx)) ? seedDemo(ctx) : null);
  if (database.dialect !== "postgres") return seed();
  return database.db.connection().execute(async (session) => {
    await sql`select pg_advisory_lock(${SEED_LOCK})`.execute(session);
    try {
      return await seed();
    } finally {
      await sql`select pg_advisory_unlock(${SEED_LOCK})`.execute(session);
    }
  });
}

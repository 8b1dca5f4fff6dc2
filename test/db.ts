import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
// The legal-hold check speak-up's retention asks (the file alone: the disclosures index loads every use case).
import { registerLegalHoldCheck } from "../src/domains/disclosures/is-under-hold.ts";
import { type Clock, manualClock } from "../src/kernel/clock.ts";
import { type Actor, type Ctx, systemActor } from "../src/kernel/context.ts";
import type { KeyRing } from "../src/kernel/crypto.ts";
import { type Database, type Dialect, openDatabase } from "../src/kernel/db.ts";
import { fileKeyProvider } from "../src/kernel/key-provider.ts";
import { openKeyRing } from "../src/kernel/key-ring.ts";
import { migrateToLatest } from "../src/kernel/migrate.ts";
import { migrations } from "../src/migrations/index.ts";

export const dialect: Dialect = process.env.PROBITY_TEST_DIALECT === "postgres" ? "postgres" : "sqlite";

export type TestDb = {
  database: Database;
  clock: ReturnType<typeof manualClock>;
  /** A use-case context acting as `actor` (the system by default). */
  ctx(actor?: Actor): Ctx;
  /** For SQLite: the database file; for PostgreSQL: the connection URL. */
  location: string;
  dir: string;
  keyRing: KeyRing;
  destroy(): Promise<void>;
};

/**
 * A fresh, migrated database for one test file: a temporary SQLite file, or a new PostgreSQL
 * database on the server in PROBITY_TEST_PG_URL (dropped afterwards).
 */
export async function createTestDb(options: { clock?: Clock } = {}): Promise<TestDb> {
  registerLegalHoldCheck();
  const clock = manualClock("2026-03-02T14:00:00.000Z");
  if (options.clock) clock.set(options.clock.now());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "probity-test-"));
  let database: Database;
  let location: string;
  let dropPg: (() => Promise<void>) | undefined;
  if (dialect === "postgres") {
    const adminUrl = process.env.PROBITY_TEST_PG_URL;
    if (!adminUrl) throw new Error("PROBITY_TEST_PG_URL is not set (run npm test).");
    const name = `probity_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    location = url.toString();
    database = openDatabase({ databaseUrl: location });
    dropPg = async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  } else {
    location = path.join(dir, "probity.db");
    database = openDatabase({ sqliteFile: location });
  }
  await migrateToLatest(database.db, migrations);
  const keyRing = await openKeyRing(
    { db: database.db, dialect: database.dialect, actor: systemActor("test"), clock },
    fileKeyProvider(path.join(dir, "probity.key")),
  );
  return {
    database,
    clock,
    location,
    dir,
    keyRing,
    ctx: (actor = systemActor("test")) => ({
      db: database.db,
      dialect: database.dialect,
      actor,
      clock,
      keyRing,
    }),
    async destroy() {
      await database.close();
      await dropPg?.();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

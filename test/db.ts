import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
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
 * The migrated databases test databases are copied from, made once per run by
 * test/global-setup-sqlite.ts and test/global-setup-postgres.ts: running the migrations took
 * 0.2–0.5 s per SQLite test database and 1–2 s per PostgreSQL one; a copy takes a fraction.
 * Without them (scripts/generate.ts, a script run outside Vitest) each database is migrated.
 */
export const SQLITE_TEMPLATE_ENV = "PROBITY_TEST_SQLITE_TEMPLATE";
export const PG_TEMPLATE_ENV = "PROBITY_TEST_PG_TEMPLATE";

/** Migrates a new SQLite file to be copied by createTestDb; returns its path. */
export async function createSqliteTemplate(dir: string): Promise<string> {
  const file = path.join(dir, "template.db");
  const database = openDatabase({ sqliteFile: file });
  await migrateToLatest(database.db, migrations);
  await database.close(); // checkpoints the WAL into the file and removes it
  return file;
}

/** Creates and migrates a PostgreSQL database to be cloned by createTestDb; returns its name. */
export async function createPgTemplate(adminUrl: string): Promise<string> {
  const name = `probity_tpl_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await adminQuery(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = openDatabase({ databaseUrl: url.toString() });
  try {
    await migrateToLatest(database.db, migrations);
  } finally {
    await database.close(); // a template must have no sessions for CREATE DATABASE … TEMPLATE
  }
  return name;
}

export async function dropPgDatabase(adminUrl: string, name: string): Promise<void> {
  await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
}

async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}

/**
 * A fresh, migrated database for one test file: a temporary SQLite file, or a new PostgreSQL
 * database on the server in PROBITY_TEST_PG_URL (dropped afterwards). Both are copies of the
 * run's template when there is one; the migrations then run on the copy and find nothing to do
 * (or apply one added since the template was made, in watch mode).
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
    const template = process.env[PG_TEMPLATE_ENV];
    await adminQuery(adminUrl, `create database ${name}${template ? ` template ${template}` : ""}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    location = url.toString();
    database = openDatabase({ databaseUrl: location });
    dropPg = () => dropPgDatabase(adminUrl, name);
  } else {
    location = path.join(dir, "probity.db");
    const template = process.env[SQLITE_TEMPLATE_ENV];
    if (template) fs.copyFileSync(template, location);
    database = openDatabase({ sqliteFile: location });
    // A test database is thrown away: no fsync on each commit (production keeps synchronous = FULL).
    await sql`pragma synchronous = off`.execute(database.db);
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

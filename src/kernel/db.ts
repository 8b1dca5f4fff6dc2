import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import {
  type Expression,
  Kysely,
  PostgresDialect,
  type SqlBool,
  SqliteDialect,
  sql,
  type Transaction,
} from "kysely";
import pg from "pg";
import type { KernelTables } from "./tables.ts";

export type Dialect = "sqlite" | "postgres";

export type Db = Kysely<KernelTables>;
export type AnyDb = Kysely<KernelTables> | Transaction<KernelTables>;

export type Database = {
  db: Db;
  dialect: Dialect;
  /** The SQLite file (absent for PostgreSQL). */
  file: string | undefined;
  close(): Promise<void>;
};

// PostgreSQL returns int8 (count(*)) as strings; our counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export function openDatabase(options: { databaseUrl?: string | undefined; sqliteFile?: string }): Database {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle client dropped by the server (restart, failover) must not crash the process; the
    // pool replaces it on the next checkout.
    pool.on("error", (error) => {
      process.emitWarning(`PostgreSQL idle client error: ${error.message}`);
    });
    const db = new Kysely<KernelTables>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: "postgres", file: undefined, close: () => db.destroy() };
  }
  const file = options.sqliteFile ?? path.resolve("data", "probity.db");
  if (file !== ":memory:") restrictToOwner(file);
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  // After a checkpoint the WAL shrinks back to this size instead of staying as large as the
  // biggest transaction ever was (one report with 50 MB of files left a 66 MB WAL behind).
  sqlite.pragma("journal_size_limit = 4194304");
  // An acknowledged write (a filed report) must survive a crash: fsync on every commit.
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = new Kysely<KernelTables>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: "sqlite", file, close: () => db.destroy() };
}

/**
 * The database holds sealed speak-up cases and the audit log: only the account that runs Probity
 * may read it. The file is created 0600 before SQLite opens it, and SQLite creates its -wal and
 * -shm files with the database file's permissions; an older file is tightened to 0600.
 */
function restrictToOwner(file: string) {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.closeSync(fs.openSync(file, "a", 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    if (fs.existsSync(f) && (fs.statSync(f).mode & 0o077) !== 0) fs.chmodSync(f, 0o600);
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `column` contains `text`, case-insensitively, with LIKE wildcards in `text` taken literally. */
export function contains(column: Expression<string | null>, text: string): Expression<SqlBool> {
  const pattern = `%${escapeLike(text.toLowerCase())}%`;
  return sql<SqlBool>`lower(${column}) like ${pattern} escape '\\'`;
}

/** A unique-constraint violation on either dialect (for retry loops). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string } | null;
  return (
    e?.code === "23505" ||
    e?.code === "SQLITE_CONSTRAINT_UNIQUE" ||
    e?.code === "SQLITE_CONSTRAINT_PRIMARYKEY"
  );
}

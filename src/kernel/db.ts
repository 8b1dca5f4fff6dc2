import fs from "node:fs";
import os from "node:os";
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

export function openDatabase(options: {
  databaseUrl?: string | undefined;
  sqliteFile?: string;
  /**
   * Only read (`probity audit verify --read-only`): nothing is created or written, no WAL mode is
   * set, and PostgreSQL sessions are read-only. Works on read-only media (issue 14, finding 7).
   */
  readOnly?: boolean;
}): Database {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 10,
      ...(options.readOnly && { options: "-c default_transaction_read_only=on" }),
    });
    // An idle client dropped by the server (restart, failover) must not crash the process; the
    // pool replaces it on the next checkout.
    pool.on("error", (error) => {
      process.emitWarning(`PostgreSQL idle client error: ${error.message}`);
    });
    const db = new Kysely<KernelTables>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: "postgres", file: undefined, close: () => db.destroy() };
  }
  const file = options.sqliteFile ?? path.resolve("data", "probity.db");
  if (options.readOnly) return openSqliteReadOnly(file);
  let sqlite: SQLite.Database;
  try {
    if (file !== ":memory:") restrictToOwner(file);
    sqlite = new SQLite(file);
    sqlite.pragma("journal_mode = WAL");
  } catch (error) {
    throw openError(file, error);
  }
  // After a checkpoint the WAL shrinks back to this size instead of staying as large as the
  // biggest transaction ever was (one report with 50 MB of files left a 66 MB WAL behind).
  sqlite.pragma("journal_size_limit = 4194304");
  // An acknowledged write (a filed report) must survive a crash: fsync on every commit.
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = new Kysely<KernelTables>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  });
  return { db, dialect: "sqlite", file, close: () => db.destroy() };
}

/**
 * Kysely's SQLite driver prepares every query anew; under load that compiling was a sixth of a list
 * request's CPU (bench/load.ts, docs/benchmarks.md). The same SQL text now reuses its prepared
 * statement (bound afresh on each run; SQLite re-prepares it itself after a schema change). A
 * statement still busy (an open iterator) is never handed out twice: a fresh one is prepared.
 */
function withStatementCache(sqlite: SQLite.Database) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string): SQLite.Statement {
      const cached = cache.get(text);
      if (cached && !cached.busy) return cached;
      const statement = sqlite.prepare(text);
      if (!cached) {
        if (cache.size >= 1000) cache.delete(cache.keys().next().value ?? "");
        cache.set(text, statement);
      }
      return statement;
    },
  };
}

/**
 * SQLite's "unable to open database file" names neither the file nor the reason; say both, with
 * the operating system's cause (a read-only file system, a directory we may not write).
 */
function openError(file: string, error: unknown): Error {
  const e = error as { code?: string; message?: string };
  const message = e.message ?? String(error);
  const causes = [e.code && !message.startsWith(e.code) ? `${e.code}: ${message}` : message];
  const dir = path.dirname(file);
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (access) {
    const a = access as { code?: string };
    causes.push(
      a.code === "EROFS"
        ? `${dir} is on a read-only file system`
        : `${dir} is not writable (${a.code ?? String(access)})`,
    );
  }
  if (!fs.existsSync(dir)) causes.push(`${dir} does not exist`);
  return new Error(
    `Cannot open the SQLite database ${file}: ${causes.join("; ")}. SQLite must be able to write the file and create ${path.basename(file)}-wal and -shm beside it. To only verify the audit log on read-only media, run: probity audit verify --read-only`,
    { cause: error },
  );
}

/**
 * A database in WAL mode cannot be opened on read-only media, not even read-only (SQLite must
 * create its -shm file). Then a private copy in the temporary directory is opened instead: the
 * media cannot change under us, so the copy is the database.
 */
function openSqliteReadOnly(file: string): Database {
  if (!fs.existsSync(file)) throw new Error(`No SQLite database at ${file}.`);
  let sqlite: SQLite.Database;
  let copyDir: string | undefined;
  try {
    sqlite = new SQLite(file, { readonly: true, fileMustExist: true });
    try {
      sqlite.prepare("select count(*) from sqlite_master").get(); // WAL: opens the -shm file now
    } catch (error) {
      sqlite.close();
      throw error;
    }
  } catch (error) {
    if ((error as { code?: string }).code !== "SQLITE_CANTOPEN") throw openError(file, error);
    copyDir = fs.mkdtempSync(path.join(os.tmpdir(), "probity-readonly-"));
    const copy = path.join(copyDir, path.basename(file));
    fs.copyFileSync(file, copy);
    if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
    sqlite = new SQLite(copy, { fileMustExist: true });
  }
  const db = new Kysely<KernelTables>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  });
  return {
    db,
    dialect: "sqlite",
    file,
    async close() {
      await db.destroy();
      if (copyDir) fs.rmSync(copyDir, { recursive: true, force: true });
    },
  };
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

import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import type { Database } from "./db.ts";

/**
 * Errors that mean the database cannot store anything right now (disk full, I/O error, read-only
 * file system or server): not a bug in the request, so the answer is 503 with what is wrong, and
 * the real cause is logged (issue 14, finding 5).
 */
const SQLITE_STORAGE = /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN)/;
const PG_STORAGE: Record<string, string> = {
  "53100": "the PostgreSQL server's disk is full",
  "53200": "the PostgreSQL server is out of memory",
  "25006": "the PostgreSQL server accepts only reads (read-only transaction or standby)",
  "57P03": "the PostgreSQL server is not accepting connections yet",
};

export type StorageProblem = { cause: string; code: string };

/** What is wrong with storage, or null when `error` is not a storage error. */
export function storageProblemOf(error: unknown): StorageProblem | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string") return null;
  if (SQLITE_STORAGE.test(code)) {
    const cause = code.startsWith("SQLITE_FULL")
      ? "the disk holding the database is full"
      : code.startsWith("SQLITE_READONLY")
        ? "the database file is read-only"
        : code.startsWith("SQLITE_CANTOPEN")
          ? "the database file cannot be opened"
          : "the disk holding the database reports an I/O error";
    return { cause, code };
  }
  const pg = PG_STORAGE[code];
  return pg ? { cause: pg, code } : null;
}

export function storageMessage(problem: StorageProblem): string {
  return `The database cannot store changes right now: ${problem.cause} (${problem.code}). Nothing was saved; try again later. The operator has been told in the server log.`;
}

/**
 * With less room than this for the SQLite file (free disk space, or pages left under max_page_count),
 * health says the database is not writable: a report with attachments would not fit.
 */
const MIN_FREE_BYTES = 1024 * 1024;
/** Health is asked every few seconds by load balancers: one real write per this many ms at most. */
const PROBE_EVERY_MS = 5000;

export type WriteProbeResult = { isWritable: true } | { isWritable: false; detail: string };

/**
 * A cheap proof that the database accepts writes: an upsert of one row (the write a full disk, a
 * read-only file system or a read-only PostgreSQL refuses), plus, on SQLite, the free space of its
 * disk and `max_page_count`. At most one probe runs per PROBE_EVERY_MS; concurrent callers share it.
 */
export function createWriteProbe(database: Database, now: () => number = Date.now) {
  let last: { at: number; result: Promise<WriteProbeResult> } | undefined;
  async function probe(): Promise<WriteProbeResult> {
    try {
      await database.db
        .insertInto("health_probe")
        .values({ id: 1, checked_at: new Date(now()).toISOString() })
        .onConflict((oc) =>
          oc.column("id").doUpdateSet({ checked_at: (eb) => eb.ref("excluded.checked_at") }),
        )
        .execute();
      if (database.dialect === "sqlite") {
        const full = await sqliteIsFull(database);
        if (full) return { isWritable: false, detail: full };
      }
      return { isWritable: true };
    } catch (error) {
      const problem = storageProblemOf(error);
      const detail = problem
        ? `${problem.cause} (${problem.code})`
        : `a test write failed: ${error instanceof Error ? error.message : String(error)}`;
      return { isWritable: false, detail };
    }
  }
  return {
    check(): Promise<WriteProbeResult> {
      const t = now();
      if (!last || t - last.at >= PROBE_EVERY_MS) last = { at: t, result: probe() };
      return last.result;
    },
    /** Forget the cached result (a request just failed with a storage error). */
    invalidate() {
      last = undefined;
    },
  };
}

async function sqliteIsFull(database: Database): Promise<string | null> {
  const [pages = 0, max = 0, free = 0, pageSize = 4096] = await Promise.all(
    ["page_count", "max_page_count", "freelist_count", "page_size"].map(async (pragma) => {
      const r = await sql<Record<string, number>>`select * from ${sql.raw(`pragma_${pragma}`)}`.execute(
        database.db,
      );
      return Number(Object.values(r.rows[0] ?? {})[0] ?? 0);
    }),
  );
  // Room left inside the file's size limit (max_page_count): unused pages plus free-listed ones.
  const roomInFile = (max - pages + free) * pageSize;
  if (roomInFile < MIN_FREE_BYTES) {
    return `the database file has reached its maximum size (${max} pages, ${roomInFile} bytes of room left; SQLITE_FULL)`;
  }
  if (database.file && database.file !== ":memory:") {
    const s = fs.statfsSync(path.dirname(database.file));
    const freeBytes = s.bavail * s.bsize;
    if (freeBytes < MIN_FREE_BYTES) {
      return `the disk holding ${database.file} has only ${freeBytes} bytes free (SQLITE_FULL is near)`;
    }
  }
  return null;
}

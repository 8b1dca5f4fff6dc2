import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { type Database, type Dialect, openDatabase } from "../src/kernel/db.ts";
import { migrateToLatest } from "../src/kernel/migrate.ts";
import { migrations } from "../src/migrations/index.ts";

/**
 * A fresh, migrated database for one benchmark: a temporary SQLite file, or a new database on the
 * PostgreSQL server in PROBITY_BENCH_PG_URL. `dir` is a temporary folder (key files); `drop`
 * removes everything.
 */
export async function openBenchDatabase(
  dialect: Dialect,
): Promise<{ database: Database; dir: string; drop(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "probity-bench-"));
  let database: Database;
  let dropPg = async () => {};
  if (dialect === "sqlite") {
    database = openDatabase({ sqliteFile: path.join(dir, "bench.db") });
  } else {
    const admin = process.env.PROBITY_BENCH_PG_URL;
    if (!admin) throw new Error("Set PROBITY_BENCH_PG_URL to benchmark PostgreSQL.");
    const name = `probity_bench_${process.pid}_${Date.now()}`;
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`create database ${name}`);
    await c.end();
    const url = new URL(admin);
    url.pathname = `/${name}`;
    database = openDatabase({ databaseUrl: url.toString() });
    dropPg = async () => {
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      await d.query(`drop database if exists ${name} with (force)`);
      await d.end();
    };
  }
  await migrateToLatest(database.db, migrations);
  return {
    database,
    dir,
    async drop() {
      await database.close();
      await dropPg();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const percentile = (samples: number[], p: number) =>
  [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))]!;

/** A fresh database of one dialect for a benchmark, and a temporary folder (key files). */
export type BenchDatabase = { database: Database; dialect: Dialect; dir: string };

/** One line of a benchmark's table; `target` where the benchmark has one. */
export type BenchRow = { dialect: Dialect; benchmark: string; result: string; target?: string };

/**
 * Runs `bench` on a fresh database of each dialect (SQLite, then PostgreSQL when
 * PROBITY_BENCH_PG_URL names a server; each dropped afterwards) and returns the rows it measured
 * as the markdown table of docs/benchmarks.md (a target column if any row has one).
 */
export async function measureEachDialect(
  bench: (bench: { database: Database; dialect: Dialect; dir: string }, rows: BenchRow[]) => Promise<void>,
): Promise<string[]> {
  const rows: BenchRow[] = [];
  for (const dialect of ["sqlite", ...(process.env.PROBITY_BENCH_PG_URL ? ["postgres"] : [])] as Dialect[]) {
    const { database, dir, drop } = await openBenchDatabase(dialect);
    try {
      await bench({ database, dialect, dir }, rows);
    } finally {
      await drop();
    }
  }
  const targets = rows.some((r) => r.target !== undefined);
  const header = ["database", "benchmark", "result", ...(targets ? ["target"] : [])];
  return [
    `| ${header.join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...rows.map(
      (r) => `| ${[r.dialect, r.benchmark, r.result, ...(targets ? [r.target ?? ""] : [])].join(" | ")} |`,
    ),
  ];
}

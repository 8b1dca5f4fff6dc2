/**
 * The foundation's hot paths on SQLite (and on PostgreSQL when PROBITY_BENCH_PG_URL is set):
 * HR import, the people list, audit append and verify.
 */
import { performance } from "node:perf_hooks";
import { seedDemo } from "../src/demo/seed-demo.ts";
import { importPeople, listPeople } from "../src/domains/people/index.ts";
import { peopleFilter } from "../src/domains/people/schemas.ts";
import { record, verifyChain } from "../src/kernel/audit.ts";
import { manualClock } from "../src/kernel/clock.ts";
import { type Ctx, systemActor, withTransaction } from "../src/kernel/context.ts";
import { type BenchDatabase, type BenchRow, measureEachDialect, percentile } from "./bench-db.ts";
import type { BenchResult } from "./run.ts";

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 20_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 5_000);

function csvOf(n: number): string {
  const lines = [
    "employee_id,first_name,last_name,email,department,country,legal_entity,supervisor_id,hire_date",
  ];
  for (let i = 0; i < n; i++) {
    const sup = i < 10 ? "" : `B${Math.floor(i / 10)}`;
    lines.push(
      `B${i},First${i},Last${i % 997},b${i}@bench.example,Dept ${i % 12},${i % 3 ? "US" : "DE"},ALERIS-US,${sup},2015-01-0${(i % 9) + 1}`,
    );
  }
  return lines.join("\n");
}

async function benchDialect({ database, dialect }: BenchDatabase, rows: BenchRow[]) {
  const clock = manualClock("2026-06-01T12:00:00Z");
  const ctx: Ctx = { db: database.db, dialect, actor: systemActor("bench"), clock };
  await seedDemo(ctx);

  const csv = csvOf(PEOPLE);
  let t0 = performance.now();
  const dry = await importPeople(ctx, { csv, dryRun: true });
  const dryMs = performance.now() - t0;
  t0 = performance.now();
  await importPeople(ctx, { csv, dryRun: false });
  const applyMs = performance.now() - t0;
  if (dry.summary.created !== PEOPLE) throw new Error("bench import did not create every row");
  rows.push({
    dialect,
    benchmark: `HR import dry run, ${PEOPLE.toLocaleString("en-US")} rows`,
    result: `${(dryMs / 1000).toFixed(2)} s (${Math.round(PEOPLE / (dryMs / 1000)).toLocaleString("en-US")} rows/s)`,
  });
  rows.push({
    dialect,
    benchmark: `HR import apply, ${PEOPLE.toLocaleString("en-US")} rows (with one audit event each)`,
    result: `${(applyMs / 1000).toFixed(2)} s (${Math.round(PEOPLE / (applyMs / 1000)).toLocaleString("en-US")} rows/s)`,
  });

  const queries: Record<string, unknown>[] = [
    {},
    { q: "last42" },
    { q: "first1234" },
    { country: "DE", sort: "-hireDate" },
    { department: "Dept 3", page: 5 },
  ];
  for (const [label, pick] of [
    ["first page, no filter", 0],
    ["search by name", 1],
    ["search, rare match", 2],
    ["country filter + sort", 3],
    ["department filter, page 5", 4],
  ] as const) {
    const samples: number[] = [];
    for (let i = 0; i < 30; i++) {
      const s = performance.now();
      await listPeople(
        { ...ctx, actor: { kind: "system", label: "bench" } },
        peopleFilter.parse(queries[pick]),
      );
      samples.push(performance.now() - s);
    }
    rows.push({
      dialect,
      benchmark: `People list at ${(PEOPLE + 330).toLocaleString("en-US")} people: ${label}`,
      result: `p50 ${percentile(samples, 50).toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms`,
    });
  }

  t0 = performance.now();
  for (let i = 0; i < EVENTS; i++) {
    await withTransaction(ctx, (tx) => record(tx, "bench.event", { type: "bench", id: String(i) }, { i }));
  }
  const appendMs = performance.now() - t0;
  rows.push({
    dialect,
    benchmark: `Audit append, one transaction per event (${EVENTS.toLocaleString("en-US")} events)`,
    result: `${Math.round(EVENTS / (appendMs / 1000)).toLocaleString("en-US")} events/s`,
  });
  t0 = performance.now();
  const verified = await verifyChain(ctx);
  const verifyMs = performance.now() - t0;
  if (!verified.ok) throw new Error(verified.message);
  rows.push({
    dialect,
    benchmark: `Audit verify (${verified.verified.toLocaleString("en-US")} events)`,
    result: `${(verifyMs / 1000).toFixed(2)} s (${Math.round(verified.verified / (verifyMs / 1000)).toLocaleString("en-US")} events/s)`,
  });
}

export async function run(): Promise<BenchResult> {
  const table = await measureEachDialect(benchDialect);
  return {
    title: "Foundation: HR import, people list, audit log",
    notes: `Sizes: BENCH_PEOPLE=${PEOPLE}, BENCH_EVENTS=${EVENTS}. SQLite runs with WAL and synchronous=FULL (every commit is fsynced), as in production.${process.env.PROBITY_BENCH_PG_URL ? " PostgreSQL: a local PostgreSQL 15 cluster on the same machine, started with fsync=off as `npm test` starts it, so its write figures are optimistic." : ""}`,
    table,
  };
}

// The audit action the benchmark appends (issue 13: audit action names are typed).
declare module "../src/kernel/audit.ts" {
  interface AuditActions {
    "bench.event": true;
  }
}

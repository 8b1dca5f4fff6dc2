import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import { seedDemo } from "../src/demo/seed-demo.ts";
import {
  auditCommitteeView,
  certDb,
  completionBreakdown,
  exportAssignmentsCsv,
  getCampaign,
  launchCampaign,
  listAssignments,
  listTemplates,
  sendReminders,
} from "../src/domains/certifications/index.ts";
import { manualClock } from "../src/kernel/clock.ts";
import { type Ctx, systemActor } from "../src/kernel/context.ts";
import { newId } from "../src/kernel/ids.ts";
import { type BenchDatabase, type BenchRow, measureEachDialect, percentile } from "./bench-db.ts";
import type { BenchResult } from "./run.ts";

const PEOPLE = Number(process.env.BENCH_CERT_PEOPLE ?? 100_000);
const RUNS = 20;

const DEPARTMENTS = [
  "Production",
  "Maintenance",
  "Quality",
  "EHS",
  "Finance",
  "Sales",
  "Procurement",
  "Logistics",
  "HR",
  "IT",
  "Legal",
  "Treasury",
];
const COUNTRIES = ["US", "DE", "BE", "CN", "BR", "MX", "CA"];

/** 100,000 people: 1 in 10 supervises the next nine, spread over the demo's entities. */
async function generatePeople(ctx: Ctx) {
  const db = certDb(ctx);
  const entities = (await db.selectFrom("legal_entities").select("id").execute()).map((e) => e.id);
  const now = ctx.clock.now().toISOString();
  let supervisor: string | null = null;
  let batch: Record<string, unknown>[] = [];
  for (let i = 0; i < PEOPLE; i++) {
    const id = newId();
    if (i % 10 === 0) supervisor = id;
    batch.push({
      id,
      external_id: `G${i}`,
      kind: "employee",
      first_name: `First${i}`,
      last_name: `Last${i % 997}`,
      email: `g${i}@bench.example`,
      title: "Operator",
      department: DEPARTMENTS[i % DEPARTMENTS.length],
      location_country: COUNTRIES[i % COUNTRIES.length],
      legal_entity_id: entities[i % entities.length],
      supervisor_id: i % 10 === 0 ? null : supervisor,
      hire_date: "2015-01-01",
      end_date: null,
      categories: i % 50 === 0 ? '["finance_accounting"]' : "[]",
      created_at: now,
      updated_at: now,
    });
    if (batch.length === 1000) {
      await db
        .insertInto("persons")
        .values(batch as never)
        .execute();
      batch = [];
    }
  }
  if (batch.length)
    await db
      .insertInto("persons")
      .values(batch as never)
      .execute();
}

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const result = await fn();
  return [result, performance.now() - t0];
}

async function benchDialect({ database, dialect }: BenchDatabase, rows: BenchRow[]) {
  const clock = manualClock("2026-06-01T12:00:00Z");
  const ctx: Ctx = { db: database.db, dialect, actor: systemActor("bench"), clock };
  await seedDemo(ctx);
  await generatePeople(ctx);
  if (dialect === "postgres") await sql`analyze`.execute(database.db);
  const templates = await listTemplates(ctx);
  const code = templates.items.find((t) => !t.addressedTo)!;
  const senior = templates.items.find((t) => t.addressedTo)!;

  const [launched, launchMs] = await time(() =>
    launchCampaign(ctx, { name: "Annual 2026", templateId: code.id, dueDate: "2026-06-30" }),
  );
  rows.push({
    dialect,
    benchmark: `Launch a campaign for everyone: ${launched.assigned.toLocaleString("en-US")} assignments + launch e-mails, mail jobs and tasks`,
    result: `${(launchMs / 1000).toFixed(2)} s`,
    target: "< 10 s",
  });
  const [seniorLaunch, seniorMs] = await time(() =>
    launchCampaign(ctx, { name: "Senior 2026", templateId: senior.id, dueDate: "2026-06-30" }),
  );
  rows.push({
    dialect,
    benchmark: `Launch the Senior Officers certificate (${seniorLaunch.assigned.toLocaleString("en-US")} people)`,
    result: `${(seniorMs / 1000).toFixed(2)} s`,
    target: "< 10 s",
  });
  // Two in three sign (set-based, not measured), the rest are overdue after the due date.
  await sql`update cert_assignments set status = 'signed', signed_at = '2026-06-15T10:00:00.000Z'
    where campaign_id in (${launched.id}, ${seniorLaunch.id}) and substr(person_id, length(person_id), 1) in ('0','1','2','3','4','5','6','7','8','9','a')`.execute(
    database.db,
  );
  if (dialect === "postgres") await sql`analyze`.execute(database.db);
  clock.set("2026-07-02T12:00:00Z");
  const [reminded, remindMs] = await time(() => sendReminders(ctx));
  rows.push({
    dialect,
    benchmark: `Reminder job after the due date: ${reminded.reminded.toLocaleString("en-US")} reminders, ${reminded.escalated.toLocaleString("en-US")} escalated to supervisors`,
    result: `${(remindMs / 1000).toFixed(2)} s`,
    target: "(background job)",
  });

  const queries: [string, () => Promise<unknown>][] = [
    ["Campaign totals", () => getCampaign(ctx, launched.id)],
    ["Completion by legal entity", () => completionBreakdown(ctx, launched.id, "entity")],
    ["Completion by department", () => completionBreakdown(ctx, launched.id, "department")],
    ["Completion by country", () => completionBreakdown(ctx, launched.id, "country")],
    [
      "Completion by supervisor (lowest 100 of ~10,000)",
      () => completionBreakdown(ctx, launched.id, "supervisor"),
    ],
    [
      "Overdue list, first page",
      () => listAssignments(ctx, launched.id, { status: "overdue", page: 1, pageSize: 50 }),
    ],
    [
      "Overdue list, page 200",
      () => listAssignments(ctx, launched.id, { status: "overdue", page: 200, pageSize: 50 }),
    ],
    ["Audit Committee view (SOC-7)", () => auditCommitteeView(ctx)],
  ];
  for (const [label, run] of queries) {
    await run();
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) samples.push((await time(run))[1]);
    rows.push({
      dialect,
      benchmark: `Dashboard: ${label}`,
      result: `p50 ${percentile(samples, 50).toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms`,
      target: "< 200 ms",
    });
  }
  const [csv, csvMs] = await time(() => exportAssignmentsCsv(ctx, launched.id, "all"));
  rows.push({
    dialect,
    benchmark: `CSV export of every assignment (${(csv.length / 2 ** 20).toFixed(1)} MiB)`,
    result: `${(csvMs / 1000).toFixed(2)} s`,
    target: "(download)",
  });
}

export async function run(): Promise<BenchResult> {
  const table = await measureEachDialect(benchDialect);
  return {
    title: "Certificates of Compliance: 100,000-person campaign and dashboards",
    notes: `Sizes: BENCH_CERT_PEOPLE=${PEOPLE} generated people plus the demo company; dashboard figures are ${RUNS} runs after one warm-up, with two in three signed and the rest overdue. The launch is one transaction: the assignments, the launch e-mails in the outbox, their mail.send jobs and the "My tasks" entries are each one INSERT … SELECT. SQLite runs with WAL and synchronous=FULL.${process.env.PROBITY_BENCH_PG_URL ? " PostgreSQL: a local cluster on the same machine (fsync=off as `npm test` starts it), so its write figures are optimistic." : ""}`,
    table,
  };
}

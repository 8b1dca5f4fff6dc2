/**
 * Speak-up: intake throughput (reports accepted and durably stored, each with two argon2id hashes
 * and envelope encryption) and case-list latency at 100,000 cases.
 */
import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { permissionsOf } from "../src/domains/people/roles.ts";
import { fileReport } from "../src/domains/speakup/file-report.ts";
import { listCases } from "../src/domains/speakup/list-cases.ts";
import { caseFilter, reportInput } from "../src/domains/speakup/schemas.ts";
import { newCaseKey, personRef, sealJson } from "../src/domains/speakup/sealing.ts";
import { getStats } from "../src/domains/speakup/stats.ts";
import { CATEGORY_IDS, CHANNELS, IDENTITY_MODES, STATUSES } from "../src/domains/speakup/vocabulary.ts";
import { manualClock } from "../src/kernel/clock.ts";
import { type Actor, type Ctx, systemActor } from "../src/kernel/context.ts";
import { fileKeyProvider } from "../src/kernel/key-provider.ts";
import { openKeyRing } from "../src/kernel/key-ring.ts";
import { type BenchDatabase, type BenchRow, measureEachDialect, percentile } from "./bench-db.ts";
import type { BenchResult } from "./run.ts";

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const INTAKE = Number(process.env.BENCH_INTAKE ?? 200);

async function benchDialect({ database, dialect, dir }: BenchDatabase, rows: BenchRow[]) {
  const clock = manualClock("2026-06-30T12:00:00Z");
  const keyRing = await openKeyRing(
    { db: database.db, dialect, actor: systemActor("bench"), clock },
    fileKeyProvider(path.join(dir, "bench.key")),
  );
  const ctx: Ctx = { db: database.db, dialect, actor: systemActor("bench"), clock, keyRing };

  // Intake: real use case, real hashing, one durable transaction per report, 8 in flight.
  const t0 = performance.now();
  for (let i = 0; i < INTAKE; i += 8) {
    await Promise.all(
      Array.from({ length: Math.min(8, INTAKE - i) }, (_, j) =>
        fileReport(
          ctx,
          reportInput.parse({
            category: "fraud_theft",
            summary: `Bench report ${i + j}`,
            details: "x".repeat(800),
            password: "bench-password",
            idempotencyKey: randomUUID(),
          }),
        ),
      ),
    );
  }
  const intakeS = (performance.now() - t0) / 1000;
  rows.push({
    dialect,
    benchmark: `Intake: ${INTAKE} reports through fileReport (2 argon2id hashes, sealing, routing, audit, notification each; 8 concurrent)`,
    result: `${(INTAKE / intakeS).toFixed(1)} reports/s`,
  });

  // 100,000 cases inserted directly (sealed content, no argon2: that cost is measured above).
  const t1 = performance.now();
  const now = clock.now().getTime();
  for (let i = 0; i < CASES; i += 500) {
    const batch = [];
    const people = [];
    for (let j = i; j < Math.min(CASES, i + 500); j++) {
      const id = randomUUID();
      const { caseKey, wrapped } = newCaseKey(ctx, id);
      const received = new Date(now - (j % 700) * 86_400_000 - j).toISOString();
      const status = STATUSES[j % STATUSES.length]!;
      batch.push({
        id,
        number: `SU-B-${String(j).padStart(7, "0")}`,
        channel: CHANNELS[j % CHANNELS.length]!,
        category: CATEGORY_IDS[j % CATEGORY_IDS.length]!,
        identity_mode: IDENTITY_MODES[j % 3]!,
        status,
        outcome: status === "closed" ? ("unsubstantiated" as const) : null,
        remediation: "[]",
        team: j % 5 === 0 ? ("audit_committee" as const) : ("compliance" as const),
        assignee_user_id: null,
        routing_reason: "bench",
        country: ["US", "DE", "CN", "MX"][j % 4]!,
        legal_entity_id: null,
        data_key: wrapped,
        content: sealJson(caseKey, "content", {
          summary: `Generated case ${j}`,
          details: "",
          occurredOn: null,
          country: null,
          site: null,
          legalEntityId: null,
          involved: [],
          involvesSeniorManagement: false,
          howKnown: null,
        }),
        people: sealJson(caseKey, "people", []),
        reporter_identity: null,
        receipt_hash: randomBytes(24).toString("base64"),
        password_hash: null,
        idempotency_hash: null,
        retry_receipt: null,
        filed_by_user_id: null,
        merged_into_id: null,
        received_at: received,
        acknowledged_at: j % 3 ? received : null,
        ack_due_at: new Date(Date.parse(received) + 7 * 86_400_000).toISOString(),
        feedback_due_at: new Date(Date.parse(received) + 91 * 86_400_000).toISOString(),
        feedback_given_at: j % 2 ? received : null,
        closed_at:
          status === "closed" ? new Date(Date.parse(received) + 30 * 86_400_000).toISOString() : null,
        updated_at: received,
      });
      if (j % 10 === 0)
        people.push({
          case_id: id,
          person_ref: personRef(ctx, `person-${j % 997}`),
          role: "named" as const,
        });
    }
    const db = ctx.db.withTables<import("../src/domains/speakup/tables.ts").SpeakupTables>();
    await db.insertInto("speakup_cases").values(batch).execute();
    if (people.length) await db.insertInto("speakup_case_people").values(people).execute();
  }
  rows.push({
    dialect,
    benchmark: `Load ${CASES.toLocaleString("en-US")} sealed cases (batches of 500)`,
    result: `${((performance.now() - t1) / 1000).toFixed(1)} s`,
  });

  const handler: Actor = {
    kind: "user",
    userId: "bench-handler",
    personId: "person-42",
    label: "cco",
    roles: ["compliance_officer"],
    permissions: permissionsOf(["compliance_officer"]),
  };
  const hctx: Ctx = { ...ctx, actor: handler };
  const queries: [string, Record<string, unknown>][] = [
    ["first page, all visible cases", {}],
    ["open cases", { status: "open" }],
    ["category filter", { category: "bribery" }],
    ["overdue (any)", { overdue: "any" }],
    ["page 200", { page: 200 }],
    ["case-number search", { q: "B-00099" }],
  ];
  for (const [label, q] of queries) {
    const samples: number[] = [];
    for (let i = 0; i < 20; i++) {
      const s = performance.now();
      await listCases(hctx, caseFilter.parse(q));
      samples.push(performance.now() - s);
    }
    rows.push({
      dialect,
      benchmark: `Case list at ${CASES.toLocaleString("en-US")} cases (Compliance Office, named-person exclusion applied): ${label}`,
      result: `p50 ${percentile(samples, 50).toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms`,
    });
  }
  const s = performance.now();
  await getStats(
    { ...hctx, actor: { ...handler, roles: ["compliance_officer"] } },
    { from: "2024-01-01", to: "2026-12-31" },
  );
  rows.push({
    dialect,
    benchmark: `Statistics over every visible case (about ${Math.round(CASES * 0.8).toLocaleString("en-US")})`,
    result: `${(performance.now() - s).toFixed(0)} ms`,
  });
}

export async function run(): Promise<BenchResult> {
  const table = await measureEachDialect(benchDialect);
  return {
    title: "Speak-up: intake throughput and the case list at 100,000 cases",
    notes: `Sizes: BENCH_INTAKE=${INTAKE}, BENCH_CASES=${CASES}. Intake is bound by argon2id (receipt and password, 19 MiB each, on libuv's thread pool) and, on SQLite, by one fsync per report (synchronous=FULL).${process.env.PROBITY_BENCH_PG_URL ? " PostgreSQL: a local cluster with fsync=off, as `npm test` starts it." : ""}`,
    table,
  };
}

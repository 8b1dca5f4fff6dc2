import { sql } from "kysely";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { startSmtp } from "../../test/smtp.ts";
import { withTransaction } from "./context.ts";
import { createJobRunner, enqueue, ensureSchedule } from "./jobs.ts";
import { mailSendJob, queueMail } from "./mail.ts";

const logger = pino({ level: "silent" });

describe(`job queue and mail outbox (${process.env.PROBITY_TEST_DIALECT ?? "sqlite"})`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.destroy());

  /** A job runner that sends the outbox through `smtpUrl`. */
  const mailRunner = (smtpUrl: string) =>
    createJobRunner({
      database: t.database,
      clock: t.clock,
      logger,
      handlers: { "mail.send": mailSendJob({ smtpUrl, from: "probity@example.com" }) },
    });

  const jobRow = (id: string) =>
    t.database.db.selectFrom("jobs").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

  it("retries a failing job with backoff and dead-letters it after max attempts", async () => {
    let calls = 0;
    const runner = createJobRunner({
      database: t.database,
      clock: t.clock,
      logger,
      handlers: {
        flaky: {
          async run() {
            calls += 1;
            throw new Error(`boom ${calls}`);
          },
        },
      },
    });
    const id = await withTransaction(t.ctx(), (tx) => enqueue(tx, "flaky", {}, { maxAttempts: 3 }));
    expect(await runner.runDue()).toBe(1);
    expect(await jobRow(id)).toMatchObject({ status: "queued", attempts: 1, last_error: "boom 1" });
    // Not due again until the backoff has passed.
    expect(await runner.runDue()).toBe(0);
    t.clock.advance(11_000);
    await runner.runDue();
    t.clock.advance(21_000);
    await runner.runDue();
    expect(await jobRow(id)).toMatchObject({ status: "dead", attempts: 3, last_error: "boom 3" });
    t.clock.advance(3_600_000);
    expect(await runner.runDue()).toBe(0);
  });

  it("records a job's own error when the database already rolled its transaction back (SQLITE_FULL)", async () => {
    // SQLite ends the transaction by itself on SQLITE_FULL/SQLITE_IOERR; the runner's ROLLBACK then
    // fails with "cannot rollback - no transaction is active", which used to replace the real error.
    const runner = createJobRunner({
      database: t.database,
      clock: t.clock,
      logger,
      handlers: {
        diskFull: {
          async run(ctx) {
            if (t.database.dialect === "sqlite") await sql`ROLLBACK`.execute(ctx.db);
            throw new Error("database or disk is full");
          },
        },
      },
    });
    const id = await withTransaction(t.ctx(), (tx) => enqueue(tx, "diskFull", {}, { maxAttempts: 2 }));
    expect(await runner.runDue()).toBe(1);
    expect(await jobRow(id)).toMatchObject({
      status: "queued",
      attempts: 1,
      last_error: "database or disk is full",
    });
  });

  it("enqueues recurring jobs once per interval", async () => {
    const seen: unknown[] = [];
    const runner = createJobRunner({
      database: t.database,
      clock: t.clock,
      logger,
      handlers: { tick: { run: async (_ctx, payload) => void seen.push(payload) } },
    });
    await ensureSchedule(t.ctx(), { name: "tick-every-minute", jobName: "tick", intervalSeconds: 60 });
    expect(await runner.tickSchedules()).toBe(1);
    expect(await runner.tickSchedules()).toBe(0);
    await runner.runDue();
    t.clock.advance(61_000);
    expect(await runner.tickSchedules()).toBe(1);
    await runner.runDue();
    expect(seen).toEqual([{ schedule: "tick-every-minute" }, { schedule: "tick-every-minute" }]);
  });

  it("keeps mail in the outbox when no SMTP server is configured", async () => {
    const runner = createJobRunner({
      database: t.database,
      clock: t.clock,
      logger,
      handlers: { "mail.send": mailSendJob({ smtpUrl: undefined, from: "p@x" }) },
    });
    const id = await withTransaction(t.ctx(), (tx) =>
      queueMail(tx, { to: "a@example.com", subject: "Hello", text: "Body" }),
    );
    await runner.runDue();
    const row = await t.database.db
      .selectFrom("outbox")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("pending");
  });

  it("delivers through SMTP and records failures on the outbox row", async () => {
    const smtp = await startSmtp();
    const ok = mailRunner(smtp.url);
    const id = await withTransaction(t.ctx(), (tx) =>
      queueMail(tx, { to: "chair@example.com", subject: "Quarterly report", text: "Attached." }),
    );
    t.clock.advance(1000);
    await ok.runDue(50);
    const sent = await t.database.db
      .selectFrom("outbox")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(sent.status).toBe("sent");
    expect(smtp.delivered).toContain("Quarterly report");
    await smtp.close();

    const failing = mailRunner("smtp://127.0.0.1:1");
    const id2 = await withTransaction(t.ctx(), (tx) =>
      queueMail(tx, { to: "x@example.com", subject: "Will fail", text: "." }),
    );
    await failing.runDue(50);
    const failed = await t.database.db
      .selectFrom("outbox")
      .selectAll()
      .where("id", "=", id2)
      .executeTakeFirstOrThrow();
    expect(failed).toMatchObject({ status: "pending", attempts: 1 });
    expect(failed.last_error).toMatch(/ECONNREFUSED|connect/);
  });
});

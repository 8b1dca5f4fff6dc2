import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, dialect, type TestDb } from "../../test/db.ts";
import { actorWith } from "../../test/factories.ts";
import { startSmtp } from "../../test/smtp.ts";
import { retryJob } from "../domains/home/jobs-admin.ts";
import { withTransaction } from "./context.ts";
import { type Database, openDatabase } from "./db.ts";
import { createJobRunner, enqueue, type JobHandlers, LEASE_MS } from "./jobs.ts";
import { mailSendJob, mailSweepJob, queueMail } from "./mail.ts";

const logger = pino({ level: "silent" });

describe(`job leases and sending each mail once (${dialect})`, () => {
  let t: TestDb;
  // A second app server: its own connection(s) to the same database.
  let other: Database;
  beforeAll(async () => {
    t = await createTestDb();
    other = openDatabase(dialect === "postgres" ? { databaseUrl: t.location } : { sqliteFile: t.location });
  });
  afterAll(async () => {
    await other.close();
    await t.destroy();
  });

  const server = (database: Database, handlers: JobHandlers) =>
    createJobRunner({ database, clock: t.clock, logger, handlers });
  const mailServer = (database: Database, smtpUrl: string | undefined) =>
    server(database, {
      "mail.send": mailSendJob({ smtpUrl, from: "probity@example.com" }),
      "mail.sweep": mailSweepJob({ smtpUrl }),
    });
  const outboxRow = (id: string) =>
    t.database.db.selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  // One job per claim, so two servers draining together work on a message's two jobs side by side.
  const drain = async (runner: ReturnType<typeof server>) => {
    while ((await runner.runDue(1)) > 0) {
      // until nothing is due
    }
  };

  it("two servers draining the same queue, with a duplicate job for every mail, send each mail once", async () => {
    const smtp = await startSmtp({ replyDelayMs: 20 });
    const subjects = Array.from({ length: 6 }, (_, i) => `Race ${i}`);
    const ids: string[] = [];
    for (const subject of subjects) {
      await withTransaction(t.ctx(), async (tx) => {
        const id = await queueMail(tx, { to: "chair@example.com", subject, text: "." });
        // A second job for the same message (a retry, a sweep, a double click): must not send it twice.
        await enqueue(tx, "mail.send", { outboxId: id });
        ids.push(id);
      });
    }
    await Promise.all([drain(mailServer(t.database, smtp.url)), drain(mailServer(other, smtp.url))]);
    await smtp.close();

    expect([...smtp.delivered].sort()).toEqual(subjects);
    for (const id of ids) expect(await outboxRow(id)).toMatchObject({ status: "sent" });
    const open = await t.database.db
      .selectFrom("jobs")
      .select("id")
      .where("status", "in", ["queued", "running"])
      .execute();
    expect(open).toEqual([]);
  });

  it("a slow SMTP server: the job is taken over after its lease, and the mail is still sent once", async () => {
    const smtp = await startSmtp();
    smtp.hold();
    const id = await withTransaction(t.ctx(), (tx) =>
      queueMail(tx, { to: "chair@example.com", subject: "Slow", text: "." }),
    );
    const first = mailServer(t.database, smtp.url);
    const second = mailServer(other, smtp.url);
    const running = first.runDue(1);
    await smtp.arrivedAtLeast(1);
    // The first server stalls past its lease (no heartbeat for a minute): the second takes the job
    // over but finds the message claimed mid-delivery, so it does not send it again.
    t.clock.advance(LEASE_MS + 1000);
    const tookOver = await second.runDue(5);
    // Ten minutes on (the old stale-lock delay), still nobody sends it again.
    t.clock.advance(10 * 60_000);
    const later = second.runDue(5);
    // Release the slow server once the second server is done, or has itself reached SMTP.
    await Promise.race([later, smtp.arrivedAtLeast(2)]);
    smtp.release();
    await Promise.all([running, later]);
    await smtp.close();

    expect(smtp.delivered).toEqual(["Slow"]);
    expect(tookOver).toBe(1);
    // The first server's delivery succeeded: its "sent" stands over the second's doubt.
    expect(await outboxRow(id)).toMatchObject({ status: "sent", last_error: null });
  });

  it("a worker that dies mid-batch: its jobs are retried by another server within a minute, each once", async () => {
    const ranBy: string[] = [];
    let wake = () => {};
    const stuck = new Promise<void>((r) => {
      wake = r;
    });
    let started = () => {};
    const hasStarted = new Promise<void>((r) => {
      started = r;
    });
    const dying = server(t.database, {
      work: {
        async run(_ctx, payload) {
          ranBy.push(`dying:${(payload as { n: number }).n}`);
          started();
          await stuck; // killed: never returns while the test looks
        },
      },
    });
    const survivor = server(other, {
      work: {
        async run(_ctx, payload) {
          ranBy.push(`survivor:${(payload as { n: number }).n}`);
        },
      },
    });
    const ids: string[] = [];
    for (const n of [1, 2, 3]) ids.push(await withTransaction(t.ctx(), (tx) => enqueue(tx, "work", { n })));
    const batch = dying.runDue(50);
    try {
      await hasStarted;
      t.clock.advance(LEASE_MS - 1000);
      expect(await survivor.runDue(50)).toBe(0); // the lease still holds
      t.clock.advance(2000);
      expect(await survivor.runDue(50)).toBe(3);
    } finally {
      // The "dead" worker wakes up: it neither marks the job it lost nor runs the rest of its batch.
      wake();
      await batch;
    }
    expect(ranBy.filter((r) => r.startsWith("dying:"))).toHaveLength(1);
    expect(ranBy.filter((r) => r.startsWith("survivor:")).sort()).toEqual([
      "survivor:1",
      "survivor:2",
      "survivor:3",
    ]);
    const rows = await t.database.db.selectFrom("jobs").selectAll().where("id", "in", ids).execute();
    expect(rows.map((r) => r.status)).toEqual(["done", "done", "done"]);
  });

  it("mail queued before SMTP was configured is sent once SMTP is configured", async () => {
    const id = await withTransaction(t.ctx(), (tx) =>
      queueMail(tx, { to: "chair@example.com", subject: "Queued without SMTP", text: "." }),
    );
    const before = mailServer(t.database, undefined);
    await before.runDue(50);
    await withTransaction(t.ctx(), (tx) => enqueue(tx, "mail.sweep"));
    await before.runDue(50);
    expect(await outboxRow(id)).toMatchObject({ status: "pending" });

    // The operator sets SMTP_URL and restarts: the sweep queues the pending mail again.
    const smtp = await startSmtp();
    const after = mailServer(t.database, smtp.url);
    await withTransaction(t.ctx(), (tx) => enqueue(tx, "mail.sweep"));
    t.clock.advance(1000);
    await drain(after);
    // A second sweep finds nothing left to send.
    await withTransaction(t.ctx(), (tx) => enqueue(tx, "mail.sweep"));
    await drain(after);
    await smtp.close();

    expect(smtp.delivered).toEqual(["Queued without SMTP"]);
    expect(await outboxRow(id)).toMatchObject({ status: "sent" });
  });

  it("a mail SMTP refused until its job died is sent when an administrator retries the job", async () => {
    const id = await withTransaction(t.ctx(), (tx) =>
      queueMail(tx, { to: "chair@example.com", subject: "Refused, then retried", text: "." }),
    );
    const job = await t.database.db
      .selectFrom("jobs")
      .select("id")
      .where("payload", "=", JSON.stringify({ outboxId: id }))
      .executeTakeFirstOrThrow();
    const refusing = mailServer(t.database, "smtp://127.0.0.1:1");
    for (let i = 0; i < 6; i++) {
      await refusing.runDue(50);
      t.clock.advance(3_600_000);
    }
    expect(await outboxRow(id)).toMatchObject({ status: "failed", claim_token: null });

    await retryJob(t.ctx(actorWith(["admin"])), job.id);
    const smtp = await startSmtp();
    await drain(mailServer(t.database, smtp.url));
    await smtp.close();
    expect(smtp.delivered).toEqual(["Refused, then retried"]);
    expect(await outboxRow(id)).toMatchObject({ status: "sent" });
  });
});

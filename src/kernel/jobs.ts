import { hostname } from "node:os";
import type { Logger } from "pino";
import type { z } from "zod";
import { type Clock, isoNow } from "./clock.ts";
import { type Ctx, systemActor, withTransaction } from "./context.ts";
import type { KeyRing } from "./crypto.ts";
import type { Database } from "./db.ts";
import { newId } from "./ids.ts";
import type { JobsTable } from "./tables.ts";

export type JobInfo = { id: string; attempts: number; maxAttempts: number };
export type JobHandler = (ctx: Ctx, payload: unknown, job: JobInfo) => Promise<void>;
export type JobDefinition = {
  run: JobHandler;
  /**
   * The runner wraps `run` in one transaction unless this is set: then `ctx.db` is the database
   * and the handler commits its own steps (mail.send must commit its claim before it talks to SMTP,
   * and must not hold a transaction open while a slow server answers).
   */
  ownsTransactions?: boolean;
  /** Runs in its own transaction after a failed attempt (the attempt's own writes are rolled back). */
  onFailure?: (ctx: Ctx, payload: unknown, job: JobInfo & { dead: boolean; error: string }) => Promise<void>;
};
export type JobHandlers = Record<string, JobDefinition>;

/**
 * One job as a domain contributes it: its name, its handler and, when it recurs, how often. Every
 * domain exports its list (`<domain>Jobs: JobRegistration[]`) from its index.ts and the app
 * registers them all in one loop: `jobHandlers` for the runner, `ensureSchedules` for the clock.
 */
export type JobRegistration = {
  name: string;
  job: JobDefinition;
  /** Recurring: a schedule of the same name enqueues the job every so many seconds. */
  everySeconds?: number;
};

/** The runner's handler map of some registrations; a name registered twice is a programming error. */
export function jobHandlers(registrations: readonly JobRegistration[]): JobHandlers {
  const handlers: JobHandlers = {};
  for (const r of registrations) {
    if (handlers[r.name]) throw new Error(`job "${r.name}" is registered twice`);
    handlers[r.name] = r.job;
  }
  return handlers;
}

/** Creates or updates the schedule of every recurring registration, in order. */
export async function ensureSchedules(ctx: Ctx, registrations: readonly JobRegistration[]): Promise<void> {
  for (const r of registrations) {
    if (r.everySeconds === undefined) continue;
    await ensureSchedule(ctx, { name: r.name, jobName: r.name, intervalSeconds: r.everySeconds });
  }
}

/** Queues a job inside the caller's transaction: it exists only if the use case commits. */
export async function enqueue(
  ctx: Ctx,
  name: string,
  payload: Record<string, unknown> = {},
  options: { runAt?: Date; maxAttempts?: number } = {},
): Promise<string> {
  const id = newId();
  const now = isoNow(ctx.clock);
  await ctx.db
    .insertInto("jobs")
    .values({
      id,
      name,
      payload: JSON.stringify(payload),
      status: "queued",
      run_at: (options.runAt ?? ctx.clock.now()).toISOString(),
      attempts: 0,
      max_attempts: options.maxAttempts ?? 5,
      last_error: null,
      locked_by: null,
      locked_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** Exponential backoff: 10 s, 20 s, 40 s … capped at one hour. */
export const backoffMs = (attempts: number) => Math.min(3_600_000, 10_000 * 2 ** Math.max(0, attempts - 1));

/**
 * A claimed job is leased to its worker for LEASE_MS from `locked_at`; the worker renews
 * `locked_at` every HEARTBEAT_MS while the job runs. A worker that dies (kill -9, a lost machine)
 * stops renewing, so another server retries its jobs about a minute later.
 */
export const LEASE_MS = 60_000;
export const HEARTBEAT_MS = 15_000;

/** Calls `beat` every `ms` (real time) until the returned function is called. */
export function keepAlive(
  beat: () => Promise<unknown>,
  ms: number,
  onError: (err: unknown) => void,
): () => void {
  const timer = setInterval(() => {
    beat().catch(onError);
  }, ms);
  timer.unref();
  return () => clearInterval(timer);
}

export type JobRunner = {
  /** Claims and runs the jobs due now; returns how many ran. */
  runDue(limit?: number): Promise<number>;
  /** Enqueues the recurring jobs whose time has come. */
  tickSchedules(): Promise<number>;
  start(intervalMs?: number): void;
  stop(): Promise<void>;
};

export function createJobRunner(options: {
  database: Database;
  clock: Clock;
  handlers: JobHandlers;
  logger: Logger;
  keyRing?: KeyRing;
}): JobRunner {
  const { database, clock, handlers, logger } = options;
  const workerId = `${hostname()}:${process.pid}:${newId().slice(-8)}`;
  const ctx: Ctx = {
    db: database.db,
    dialect: database.dialect,
    actor: systemActor("job runner"),
    clock,
    ...(options.keyRing && { keyRing: options.keyRing }),
  };
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();

  /**
   * One statement claims up to `limit` due jobs: queued ones whose time has come and running ones
   * whose lease expired (their worker died or stalled). Atomic on both dialects, so two servers
   * never claim the same job at the same time; on PostgreSQL SKIP LOCKED lets them claim side by side.
   */
  async function claim(limit: number): Promise<JobsTable[]> {
    const now = isoNow(clock);
    const expired = new Date(clock.now().getTime() - LEASE_MS).toISOString();
    let due = database.db
      .selectFrom("jobs")
      .select("id")
      .where((eb) =>
        eb.or([
          eb.and([eb("status", "=", "queued"), eb("run_at", "<=", now)]),
          eb.and([eb("status", "=", "running"), eb("locked_at", "<", expired)]),
        ]),
      )
      .orderBy("run_at")
      .limit(limit);
    if (database.dialect === "postgres") due = due.forUpdate().skipLocked();
    return database.db
      .updateTable("jobs")
      .set((eb) => ({
        status: "running",
        locked_by: workerId,
        locked_at: now,
        attempts: eb("attempts", "+", 1),
        updated_at: now,
      }))
      .where("id", "in", due)
      .returningAll()
      .execute();
  }

  /** Renews this worker's lease on a job; false when another worker has taken it over. */
  async function renew(jobId: string): Promise<boolean> {
    const res = await database.db
      .updateTable("jobs")
      .set({ locked_at: isoNow(clock) })
      .where("id", "=", jobId)
      .where("status", "=", "running")
      .where("locked_by", "=", workerId)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }

  /** Ends a job this worker still holds (fenced on locked_by); false when it was taken over. */
  async function finish(jobId: string, values: Partial<Omit<JobsTable, "id">>): Promise<boolean> {
    const res = await database.db
      .updateTable("jobs")
      .set({ ...values, locked_by: null, locked_at: null, updated_at: isoNow(clock) })
      .where("id", "=", jobId)
      .where("status", "=", "running")
      .where("locked_by", "=", workerId)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }

  async function runOne(job: JobsTable): Promise<boolean> {
    // A batch is claimed together but each job's lease is its own: a job whose lease ran out while
    // earlier ones ran may already be another server's.
    if (!(await renew(job.id))) return false;
    const handler = handlers[job.name];
    const info: JobInfo = { id: job.id, attempts: job.attempts, maxAttempts: job.max_attempts };
    const stopHeartbeat = keepAlive(
      () => renew(job.id),
      HEARTBEAT_MS,
      (err) => logger.warn({ job: job.name, jobId: job.id, err }, "job heartbeat failed"),
    );
    try {
      if (!handler) throw new Error(`no handler for job "${job.name}"`);
      const payload: unknown = JSON.parse(job.payload);
      if (handler.ownsTransactions) await handler.run(ctx, payload, info);
      else await withTransaction(ctx, (tx) => handler.run(tx, payload, info));
      stopHeartbeat();
      if (!(await finish(job.id, { status: "done", last_error: null }))) {
        logger.warn({ job: job.name, jobId: job.id }, "job finished after another worker took it over");
      }
    } catch (error) {
      stopHeartbeat();
      const message = error instanceof Error ? error.message : String(error);
      const dead = job.attempts >= job.max_attempts;
      logger.warn({ job: job.name, jobId: job.id, attempts: job.attempts, dead, err: message }, "job failed");
      const isOurs = await finish(job.id, {
        status: dead ? "dead" : "queued",
        last_error: message.slice(0, 2000),
        run_at: new Date(clock.now().getTime() + backoffMs(job.attempts)).toISOString(),
      });
      if (isOurs && handler?.onFailure) {
        try {
          const payload: unknown = JSON.parse(job.payload);
          await withTransaction(ctx, (tx) =>
            handler.onFailure!(tx, payload, { ...info, dead, error: message }),
          );
        } catch (err) {
          logger.error({ job: job.name, jobId: job.id, err }, "job failure hook failed");
        }
      }
    }
    return true;
  }

  /** Works through a backlog (a campaign's 100,000 mails) in batches for up to ~0.8 s per tick. */
  async function drain(batch = 50, budgetMs = 800): Promise<void> {
    const until = Date.now() + budgetMs;
    while ((await runner.runDue(batch)) === batch && Date.now() < until && timer) {
      // keep going: the batch was full, so more are probably due
    }
  }

  const runner: JobRunner = {
    async runDue(limit = 20) {
      // RETURNING gives no order: run the batch oldest first.
      const jobs = (await claim(limit)).sort(
        (a, b) => a.run_at.localeCompare(b.run_at) || a.created_at.localeCompare(b.created_at),
      );
      for (const job of jobs) await runOne(job);
      return jobs.length;
    },
    async tickSchedules() {
      const now = clock.now();
      const due = await database.db
        .selectFrom("schedules")
        .selectAll()
        .where("next_run_at", "<=", now.toISOString())
        .execute();
      let queued = 0;
      for (const s of due) {
        const next = new Date(now.getTime() + s.interval_seconds * 1000).toISOString();
        await withTransaction(ctx, async (tx) => {
          // Compare-and-set on next_run_at: only one server enqueues each run.
          const res = await tx.db
            .updateTable("schedules")
            .set({ next_run_at: next, last_run_at: now.toISOString() })
            .where("name", "=", s.name)
            .where("next_run_at", "=", s.next_run_at)
            .executeTakeFirst();
          if (Number(res.numUpdatedRows) === 1) {
            await enqueue(tx, s.job_name, { schedule: s.name });
            queued += 1;
          }
        });
      }
      return queued;
    },
    start(intervalMs = 1000) {
      if (timer) return;
      timer = setInterval(() => {
        running = running
          .then(() => runner.tickSchedules())
          .then(() => drain())
          .catch((err: unknown) => logger.error({ err }, "job runner tick failed"));
      }, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
  return runner;
}

/** Registers a recurring job (idempotent: keeps the existing next run when it exists). */
export async function ensureSchedule(
  ctx: Ctx,
  schedule: { name: string; jobName: string; intervalSeconds: number },
): Promise<void> {
  const existing = await ctx.db
    .selectFrom("schedules")
    .select("name")
    .where("name", "=", schedule.name)
    .executeTakeFirst();
  if (existing) {
    await ctx.db
      .updateTable("schedules")
      .set({ job_name: schedule.jobName, interval_seconds: schedule.intervalSeconds })
      .where("name", "=", schedule.name)
      .execute();
    return;
  }
  await ctx.db
    .insertInto("schedules")
    .values({
      name: schedule.name,
      job_name: schedule.jobName,
      interval_seconds: schedule.intervalSeconds,
      next_run_at: isoNow(ctx.clock),
      last_run_at: null,
    })
    // Servers starting together both find no row; the second insert is not an error.
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
}

/** Validates a job payload at the boundary, like any other input. */
export const parsePayload = <T>(schema: z.ZodType<T>, payload: unknown): T => schema.parse(payload);

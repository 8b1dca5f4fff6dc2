import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, hasPermission, withTransaction } from "../../kernel/context.ts";
import { conflict, forbidden, notFound } from "../../kernel/errors.ts";
import { readPage } from "../../kernel/paging.ts";
import type { JobStatus } from "../../kernel/tables.ts";
import { newestFirst } from "./paging.ts";
import type { JobView } from "./views.ts";

const view = (j: {
  id: string;
  name: string;
  status: JobStatus;
  attempts: number;
  max_attempts: number;
  run_at: string;
  last_error: string | null;
  created_at: string;
}): JobView => ({
  id: j.id,
  name: j.name,
  status: j.status,
  attempts: j.attempts,
  maxAttempts: j.max_attempts,
  runAt: j.run_at,
  lastError: j.last_error,
  createdAt: j.created_at,
});

function authorizeJobs(ctx: Ctx) {
  if (!hasPermission(ctx.actor, "job.manage")) throw forbidden("You may not manage jobs (job.manage).");
}

export async function listJobs(
  ctx: Ctx,
  f: { status?: JobStatus | undefined; page: number; pageSize: number },
) {
  authorizeJobs(ctx);
  let q = ctx.db.selectFrom("jobs");
  if (f.status) q = q.where("status", "=", f.status);
  return readPage(q, f, newestFirst, view);
}

/** Sends a dead job back to the queue with a fresh set of attempts. */
export async function retryJob(ctx: Ctx, id: string) {
  authorizeJobs(ctx);
  return withTransaction(ctx, async (tx) => {
    const job = await tx.db.selectFrom("jobs").selectAll().where("id", "=", id).executeTakeFirst();
    if (!job) throw notFound("The job");
    if (job.status !== "dead") throw conflict(`Only dead jobs can be retried; this one is ${job.status}.`);
    const now = isoNow(tx.clock);
    await tx.db
      .updateTable("jobs")
      .set({ status: "queued", attempts: 0, run_at: now, updated_at: now })
      .where("id", "=", id)
      .execute();
    await record(tx, "job.retry", { type: "job", id }, { name: job.name });
    return view({ ...job, status: "queued", attempts: 0, run_at: now });
  });
}

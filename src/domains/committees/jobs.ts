import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { ensureSchedule, type JobHandlers } from "../../kernel/jobs.ts";
import { raiseAlertTasks } from "./alert-tasks.ts";
import { committeesDb } from "./db.ts";

/**
 * Daily: the alerts that time alone brings (a certification lapsing after 12 months, a duty
 * falling due, minutes still unapproved, too few meetings scheduled) become tasks without anyone
 * touching the committee. One transaction per committee, so one failing committee spoils no other.
 */
export async function runCommitteeAlerts(ctx: Ctx): Promise<{ opened: number; closed: number }> {
  const committees = await committeesDb(ctx).selectFrom("committees").select("id").orderBy("id").execute();
  let opened = 0;
  let closed = 0;
  for (const c of committees) {
    const r = await withTransaction(ctx, (tx) => raiseAlertTasks(tx, { committeeId: c.id }));
    opened += r.opened;
    closed += r.closed;
  }
  return { opened, closed };
}

export const committeeJobHandlers: JobHandlers = {
  "committees.alerts": {
    async run(ctx) {
      await runCommitteeAlerts(ctx);
    },
  },
};

export async function ensureCommitteeSchedules(ctx: Ctx): Promise<void> {
  await ensureSchedule(ctx, {
    name: "committees.alerts",
    jobName: "committees.alerts",
    intervalSeconds: 86_400,
  });
}

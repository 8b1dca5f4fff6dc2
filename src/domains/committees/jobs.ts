import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { type JobHandlers, type JobRegistration, jobHandlers } from "../../kernel/jobs.ts";
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

/** The committees jobs, registered by the app with every domain's: the alerts, daily. */
export const committeeJobs: JobRegistration[] = [
  {
    name: "committees.alerts",
    everySeconds: 86_400,
    job: {
      async run(ctx) {
        await runCommitteeAlerts(ctx);
      },
    },
  },
];

/** The same jobs by name (tests run one directly). */
export const committeeJobHandlers: JobHandlers = jobHandlers(committeeJobs);

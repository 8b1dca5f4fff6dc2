import type { JobRegistration } from "../../kernel/jobs.ts";
import { pruneRateCounters } from "../../kernel/rate-counters.ts";

/**
 * The people jobs, registered by the app with every domain's: hourly, expired sessions are
 * deleted and spent rate counters pruned.
 */
export const peopleJobs: JobRegistration[] = [
  {
    name: "sessions.purge",
    everySeconds: 3600,
    job: {
      async run(ctx) {
        await ctx.db
          .withTables<{ sessions: { expires_at: string } }>()
          .deleteFrom("sessions")
          .where("expires_at", "<", ctx.clock.now().toISOString())
          .execute();
        await pruneRateCounters(ctx);
      },
    },
  },
];

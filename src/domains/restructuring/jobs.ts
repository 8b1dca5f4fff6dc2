import type { JobRegistration } from "../../kernel/jobs.ts";
import { sendProgressReports } from "./send-progress-reports.ts";

/**
 * The restructuring jobs, registered by the app with every domain's. ECA-9(g): the progress
 * reports hourly, so each Friday and each of the last 5 business days gets its report early.
 */
export const restructuringJobs: JobRegistration[] = [
  {
    name: "restructuring.progress",
    everySeconds: 3600,
    job: {
      async run(ctx) {
        await sendProgressReports(ctx);
      },
    },
  },
];

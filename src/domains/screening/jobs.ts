import type { JobRegistration } from "../../kernel/jobs.ts";
import { rescreenAll } from "./screen-counterparty.ts";

/**
 * The screening jobs, registered by the app with every domain's: `screening.rescreen` is queued
 * when a list version becomes current (COC-18.1); it has no schedule.
 */
export const screeningJobs: JobRegistration[] = [
  {
    name: "screening.rescreen",
    job: {
      async run(ctx) {
        await rescreenAll(ctx);
      },
    },
  },
];

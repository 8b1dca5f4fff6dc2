import { z } from "zod";
import { type JobHandlers, type JobRegistration, jobHandlers, parsePayload } from "../../kernel/jobs.ts";
import { enrolJoiners } from "./joiners.ts";
import { launchRecertification } from "./recertify.ts";
import { sendReminders } from "./remind.ts";

/**
 * The certification jobs, registered by the app with every domain's. Reminders and joiner
 * enrolment run every hour; each is idempotent within a day.
 */
export const certificationJobs: JobRegistration[] = [
  {
    name: "certification.remind",
    everySeconds: 3600,
    job: { run: async (ctx) => void (await sendReminders(ctx)) },
  },
  {
    name: "certification.joiners",
    everySeconds: 3600,
    job: { run: async (ctx) => void (await enrolJoiners(ctx)) },
  },
  {
    name: "certification.recertify",
    job: {
      run: async (ctx, payload) => {
        const p = parsePayload(
          z.object({
            policyVersionId: z.string(),
            dueDate: z.string().nullable(),
            requestedBy: z.string().optional(),
          }),
          payload,
        );
        await launchRecertification(ctx, p);
      },
    },
  },
];

/** The same jobs by name (tests run one directly). */
export const certificationJobHandlers: JobHandlers = jobHandlers(certificationJobs);

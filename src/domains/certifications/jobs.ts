import { z } from "zod";
import type { Ctx } from "../../kernel/context.ts";
import { ensureSchedule, type JobHandlers, parsePayload } from "../../kernel/jobs.ts";
import { enrolJoiners } from "./joiners.ts";
import { launchRecertification } from "./recertify.ts";
import { sendReminders } from "./remind.ts";

/** The certification jobs, registered by the app next to the kernel's. */
export const certificationJobHandlers: JobHandlers = {
  "certification.remind": { run: async (ctx) => void (await sendReminders(ctx)) },
  "certification.joiners": { run: async (ctx) => void (await enrolJoiners(ctx)) },
  "certification.recertify": {
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
};

/** Reminders and joiner enrolment run every hour; each is idempotent within a day. */
export async function ensureCertificationSchedules(ctx: Ctx): Promise<void> {
  await ensureSchedule(ctx, {
    name: "certification.remind",
    jobName: "certification.remind",
    intervalSeconds: 3600,
  });
  await ensureSchedule(ctx, {
    name: "certification.joiners",
    jobName: "certification.joiners",
    intervalSeconds: 3600,
  });
}

import type { Ctx } from "../../kernel/context.ts";
import { ensureSchedule, type JobHandlers } from "../../kernel/jobs.ts";
import { purgeExpiredBoycottRecords } from "./boycotts.ts";
import { expireConflictApprovals } from "./conflict-workflow.ts";
import { remindCustodians } from "./legal-holds.ts";

/** The disclosures domain's jobs: approvals reaching their review date, hold reminders and re-notices, retention. */
export const disclosureJobHandlers: JobHandlers = {
  "disclosures.conflicts.expire": {
    async run(ctx) {
      await expireConflictApprovals(ctx);
    },
  },
  "disclosures.holds.remind": {
    async run(ctx) {
      await remindCustodians(ctx);
    },
  },
  "disclosures.retention": {
    async run(ctx) {
      await purgeExpiredBoycottRecords(ctx);
    },
  },
};

export async function ensureDisclosureSchedules(ctx: Ctx): Promise<void> {
  await ensureSchedule(ctx, {
    name: "disclosures.conflicts.expire",
    jobName: "disclosures.conflicts.expire",
    intervalSeconds: 86_400,
  });
  await ensureSchedule(ctx, {
    name: "disclosures.holds.remind",
    jobName: "disclosures.holds.remind",
    intervalSeconds: 3600 * 6,
  });
  await ensureSchedule(ctx, {
    name: "disclosures.retention",
    jobName: "disclosures.retention",
    intervalSeconds: 86_400,
  });
}

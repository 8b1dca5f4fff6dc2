import type { JobRegistration } from "../../kernel/jobs.ts";
import { purgeExpiredBoycottRecords } from "./boycotts.ts";
import { expireConflictApprovals } from "./expire-conflict-approvals.ts";
import { remindCustodians } from "./remind-custodians.ts";

/**
 * The disclosures domain's jobs, registered by the app with every domain's: approvals reaching
 * their review date, hold reminders and re-notices, retention.
 */
export const disclosureJobs: JobRegistration[] = [
  {
    name: "disclosures.conflicts.expire",
    everySeconds: 86_400,
    job: {
      async run(ctx) {
        await expireConflictApprovals(ctx);
      },
    },
  },
  {
    name: "disclosures.holds.remind",
    everySeconds: 3600 * 6,
    job: {
      async run(ctx) {
        await remindCustodians(ctx);
      },
    },
  },
  {
    name: "disclosures.retention",
    everySeconds: 86_400,
    job: {
      async run(ctx) {
        await purgeExpiredBoycottRecords(ctx);
      },
    },
  },
];

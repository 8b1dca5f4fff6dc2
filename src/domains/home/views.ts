import { z } from "zod";
import { isoInstant, itemsOf, pageOf } from "../../kernel/http/responses.ts";

export const taskView = z
  .object({
    id: z.string(),
    kind: z.string(),
    title: z.string(),
    dueAt: isoInstant.nullable(),
    href: z.string().nullable(),
  })
  .meta({ id: "TaskView" });
export type TaskView = z.infer<typeof taskView>;
export const myTasks = itemsOf(taskView);
export type MyTasks = z.infer<typeof myTasks>;

/** A count is null when the reader lacks the permission that reads it (issue 12, finding 15). */
export const dashboardView = z
  .object({
    people: z.object({ active: z.number().int(), ended: z.number().int() }).nullable(),
    entities: z.number().int(),
    auditEvents: z.number().int().nullable(),
    outboxPending: z.number().int().nullable(),
    deadJobs: z.number().int().nullable(),
    headcountByCountry: z.array(z.object({ country: z.string(), count: z.number().int() })),
    headcountByEntity: z.array(z.object({ entity: z.string(), count: z.number().int() })),
  })
  .meta({ id: "DashboardView" });
export type DashboardView = z.infer<typeof dashboardView>;

export const outboxMessageView = z
  .object({
    id: z.string(),
    to: z.string(),
    subject: z.string(),
    body: z.string(),
    status: z.enum(["pending", "sending", "sent", "failed"]),
    attempts: z.number().int(),
    createdAt: isoInstant,
    sentAt: isoInstant.nullable(),
    lastError: z.string().nullable(),
  })
  .meta({ id: "OutboxMessageView" });
export const outboxPage = pageOf(outboxMessageView);

export const jobView = z
  .object({
    id: z.string(),
    name: z.string(),
    status: z.enum(["queued", "running", "done", "dead"]),
    attempts: z.number().int(),
    maxAttempts: z.number().int(),
    runAt: isoInstant,
    lastError: z.string().nullable(),
    createdAt: isoInstant,
  })
  .meta({ id: "JobView" });
export type JobView = z.infer<typeof jobView>;
export const jobPage = pageOf(jobView);

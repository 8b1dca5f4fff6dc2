import { type ExpressionBuilder, sql } from "kysely";
import { readableEvents } from "../../kernel/audit.ts";
import { isoToday } from "../../kernel/clock.ts";
import { type Ctx, hasPermission } from "../../kernel/context.ts";
import { contains } from "../../kernel/db.ts";
import { forbidden } from "../../kernel/errors.ts";
import { readPage } from "../../kernel/paging.ts";
import type { OutboxStatus } from "../../kernel/tables.ts";
import { type PeopleTables, peopleDb } from "../people/index.ts";
import { newestFirst } from "./paging.ts";
import type { DashboardView, MyTasks } from "./views.ts";

/** "My tasks": open tasks assigned to the signed-in user, soonest due first. */
export async function listMyTasks(ctx: Ctx): Promise<MyTasks> {
  if (ctx.actor.kind !== "user") return { items: [] };
  const rows = await ctx.db
    .selectFrom("tasks")
    .selectAll()
    .where("assignee_user_id", "=", ctx.actor.userId)
    .where("status", "=", "open")
    .orderBy(sql`coalesce(due_at, '9999')`)
    .limit(200)
    .execute();
  return {
    items: rows.map((t) => ({ id: t.id, kind: t.kind, title: t.title, dueAt: t.due_at, href: t.href })),
  };
}

/**
 * The dashboard's counts. Each is computed and returned only for those holding the permission
 * that reads it (issue 12, finding 15): headcount needs people.read, audit events audit.read,
 * pending mail outbox.read and dead jobs job.manage; anyone else gets null, not the number.
 */
export async function getDashboard(ctx: Ctx): Promise<DashboardView> {
  const db = peopleDb(ctx);
  const today = isoToday(ctx.clock);
  const count = (n: { n: number | string | bigint } | undefined) => Number(n?.n ?? 0);
  const active = (eb: ExpressionBuilder<PeopleTables, "persons">) =>
    eb.or([eb("end_date", "is", null), eb("end_date", ">=", today)]);
  const canSeePeople = hasPermission(ctx.actor, "people.read");
  const people = canSeePeople
    ? {
        active: count(
          await db
            .selectFrom("persons")
            .select((eb) => eb.fn.countAll().as("n"))
            .where(active)
            .executeTakeFirst(),
        ),
        ended: count(
          await db
            .selectFrom("persons")
            .select((eb) => eb.fn.countAll().as("n"))
            .where("end_date", "<", today)
            .executeTakeFirst(),
        ),
      }
    : null;
  const entities = count(
    await db
      .selectFrom("legal_entities")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirst(),
  );
  // Only the events the reader may see: a person named in a speak-up case must not watch the count
  // move when a report about them is filed (COC-22.2).
  const auditEvents = hasPermission(ctx.actor, "audit.read")
    ? count(
        await ctx.db
          .selectFrom("audit_events")
          .where(readableEvents(ctx))
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirst(),
      )
    : null;
  const outboxPending = hasPermission(ctx.actor, "outbox.read")
    ? count(
        await db
          .selectFrom("outbox")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("status", "=", "pending")
          .executeTakeFirst(),
      )
    : null;
  const deadJobs = hasPermission(ctx.actor, "job.manage")
    ? count(
        await db
          .selectFrom("jobs")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("status", "=", "dead")
          .executeTakeFirst(),
      )
    : null;
  const byCountry = canSeePeople
    ? await db
        .selectFrom("persons")
        .select(["location_country as country", (eb) => eb.fn.countAll<number>().as("count")])
        .where(active)
        .groupBy("location_country")
        .orderBy("count", "desc")
        .execute()
    : [];
  const byEntity = canSeePeople
    ? await db
        .selectFrom("persons as p")
        .innerJoin("legal_entities as e", "e.id", "p.legal_entity_id")
        .select(["e.name as entity", (eb) => eb.fn.countAll<number>().as("count")])
        .where((eb) => eb.or([eb("p.end_date", "is", null), eb("p.end_date", ">=", today)]))
        .groupBy("e.name")
        .orderBy("count", "desc")
        .execute()
    : [];
  return {
    people,
    entities,
    auditEvents,
    outboxPending,
    deadJobs,
    headcountByCountry: byCountry.map((r) => ({ country: r.country ?? "—", count: Number(r.count) })),
    headcountByEntity: byEntity.map((r) => ({ entity: r.entity, count: Number(r.count) })),
  };
}

export async function listOutbox(
  ctx: Ctx,
  f: {
    status?: OutboxStatus | undefined;
    q?: string | undefined;
    page: number;
    pageSize: number;
  },
) {
  if (!hasPermission(ctx.actor, "outbox.read")) throw forbidden("You may not read the outbox (outbox.read).");
  let q = ctx.db.selectFrom("outbox");
  if (f.status) q = q.where("status", "=", f.status);
  if (f.q) {
    const text = f.q;
    q = q.where((eb) => eb.or([contains(eb.ref("to_address"), text), contains(eb.ref("subject"), text)]));
  }
  return readPage(q, f, newestFirst, (m) => ({
    id: m.id,
    to: m.to_address,
    subject: m.subject,
    body: m.body_text,
    status: m.status,
    attempts: m.attempts,
    createdAt: m.created_at,
    sentAt: m.sent_at,
    lastError: m.last_error,
  }));
}

import { readableEvents } from "../../kernel/audit.ts";
import type { Ctx } from "../../kernel/context.ts";
import { toCsv } from "../../kernel/csv.ts";
import { contains } from "../../kernel/db.ts";
import { readPage } from "../../kernel/paging.ts";
import type { AuditEventsTable } from "../../kernel/tables.ts";
import { authorizeAuditRead } from "./policy.ts";
import type { AuditFilter } from "./schemas.ts";
import type { AuditEventView } from "./views.ts";

function filtered(ctx: Ctx, f: AuditFilter) {
  // Events about objects the actor may not see (a speak-up case that names them) are left out of
  // every view, list, count and export alike (COC-22.2).
  let q = ctx.db.selectFrom("audit_events").where(readableEvents(ctx));
  if (f.action) q = q.where("action", "=", f.action);
  if (f.actorId) q = q.where("actor_id", "=", f.actorId);
  if (f.subjectType) q = q.where("subject_type", "=", f.subjectType);
  if (f.subjectId) q = q.where("subject_id", "=", f.subjectId);
  if (f.from) q = q.where("occurred_at", ">=", `${f.from}T00:00:00.000Z`);
  if (f.to) q = q.where("occurred_at", "<=", `${f.to}T23:59:59.999Z`);
  if (f.q) {
    const text = f.q;
    q = q.where((eb) =>
      eb.or([
        contains(eb.ref("action"), text),
        contains(eb.ref("actor_label"), text),
        contains(eb.ref("payload"), text),
        contains(eb.ref("subject_id"), text),
      ]),
    );
  }
  return q;
}

const toView = (r: AuditEventsTable): AuditEventView => ({
  seq: Number(r.seq),
  occurredAt: r.occurred_at,
  actorId: r.actor_id,
  actorLabel: r.actor_label,
  action: r.action,
  subjectType: r.subject_type,
  subjectId: r.subject_id,
  payload: JSON.parse(r.payload) as unknown,
  prevHash: r.prev_hash,
  hash: r.hash,
});

export async function listEvents(ctx: Ctx, f: AuditFilter) {
  authorizeAuditRead(ctx.actor);
  return readPage(filtered(ctx, f), f, (q) => q.selectAll().orderBy("seq", "desc"), toView);
}

export async function exportEventsCsv(ctx: Ctx, f: AuditFilter): Promise<string> {
  authorizeAuditRead(ctx.actor);
  const rows = await filtered(ctx, f).selectAll().orderBy("seq", "asc").limit(100_000).execute();
  return toCsv(
    rows.map((r) => [
      r.seq,
      r.occurred_at,
      r.actor_label,
      r.actor_id,
      r.action,
      r.subject_type,
      r.subject_id,
      r.payload,
      r.prev_hash,
      r.hash,
    ]),
    {
      header: true,
      columns: [
        "seq",
        "occurred_at",
        "actor",
        "actor_id",
        "action",
        "subject_type",
        "subject_id",
        "payload",
        "prev_hash",
        "hash",
      ],
    },
  );
}

export async function listActions(ctx: Ctx) {
  authorizeAuditRead(ctx.actor);
  const rows = await ctx.db
    .selectFrom("audit_events")
    .where(readableEvents(ctx))
    .select("action")
    .distinct()
    .orderBy("action")
    .execute();
  return { items: rows.map((r) => r.action) };
}

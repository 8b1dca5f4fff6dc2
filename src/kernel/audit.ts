import { createHash } from "node:crypto";
import { type Expression, type RawBuilder, type SqlBool, sql } from "kysely";
import { isoNow } from "./clock.ts";
import { actorId, type Ctx } from "./context.ts";
import type { AuditEventsTable } from "./tables.ts";

export const GENESIS_HASH = "0".repeat(64);

/** Keys whose values never enter the audit log, however deeply nested. */
const SECRET_KEYS = /pass(word)?|secret|token|totp|receipt|hash|key/i;

export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        SECRET_KEYS.test(k) ? "[redacted]" : redact(v),
      ]),
    );
  }
  return value;
}

export function hashEvent(e: Omit<AuditEventsTable, "hash">): string {
  const fields = [
    e.seq,
    e.occurred_at,
    e.actor_id ?? "",
    e.actor_label,
    e.action,
    e.subject_type ?? "",
    e.subject_id ?? "",
    e.payload,
    e.prev_hash,
  ];
  return createHash("sha256").update(JSON.stringify(fields)).digest("hex");
}

export type AuditSubject = { type: string; id: string };

/**
 * The audit action names, one key each: the kernel's own here; each domain augments it from its
 * `audit-actions.ts` (`declare module "../../kernel/audit.ts" { interface AuditActions { … } }`)
 * with exactly the actions it records, so a misspelt action does not compile (issue 13).
 */
export interface AuditActions {
  "audit.checkpoint": true;
  "keys.check": true;
  "keys.rotate": true;
}

/** Every action the audit log accepts: the union of the domains' declared names. */
export type AuditAction = keyof AuditActions;

/**
 * Appends one event to the hash-chained log, inside the caller's transaction. The head row is
 * locked (PostgreSQL) so concurrent writers chain one after the other; SQLite serialises writes.
 */
export async function record(
  ctx: Ctx,
  action: AuditAction,
  subject: AuditSubject | null,
  payload: Record<string, unknown> = {},
): Promise<number> {
  return recordMany(ctx, [{ action, subject, payload }]);
}

export type AuditEntry = {
  action: AuditAction;
  subject: AuditSubject | null;
  payload?: Record<string, unknown>;
};

/** Appends several events in order with one head lock and batched inserts (bulk use cases). */
export async function recordMany(ctx: Ctx, entries: readonly AuditEntry[]): Promise<number> {
  const first = entries[0];
  if (!first) throw new Error("audit.recordMany needs at least one event");
  if (!ctx.db.isTransaction) {
    throw new Error(`audit.record("${first.action}") must run inside the use case's transaction`);
  }
  let headQuery = ctx.db.selectFrom("audit_head").select(["seq", "hash"]).where("id", "=", 1);
  if (ctx.dialect === "postgres") headQuery = headQuery.forUpdate();
  const head = await headQuery.executeTakeFirstOrThrow();
  const occurredAt = isoNow(ctx.clock);
  let seq = Number(head.seq);
  let prev = head.hash;
  const rows: AuditEventsTable[] = entries.map((entry) => {
    seq += 1;
    const event = {
      seq,
      occurred_at: occurredAt,
      actor_id: actorId(ctx.actor),
      actor_label: ctx.actor.label,
      action: entry.action,
      subject_type: entry.subject?.type ?? null,
      subject_id: entry.subject?.id ?? null,
      payload: JSON.stringify(redact(entry.payload ?? {})),
      prev_hash: prev,
    };
    prev = hashEvent(event);
    return { ...event, hash: prev };
  });
  for (let i = 0; i < rows.length; i += 500) {
    await ctx.db
      .insertInto("audit_events")
      .values(rows.slice(i, i + 500))
      .execute();
  }
  await ctx.db.updateTable("audit_head").set({ seq, hash: prev }).where("id", "=", 1).execute();
  return seq;
}

export type VerifyResult = { ok: boolean; verified: number; firstBadSeq: number | null; message: string };

/** Walks the chain in order, recomputing each hash; stops at the first event that does not match. */
export async function verifyChain(ctx: Ctx, batchSize = 2000): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let verified = 0;
  for (;;) {
    const rows = await ctx.db
      .selectFrom("audit_events")
      .selectAll()
      .where("seq", ">=", expectedSeq)
      .orderBy("seq")
      .limit(batchSize)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const bad = (message: string): VerifyResult => ({ ok: false, verified, firstBadSeq: row.seq, message });
      if (Number(row.seq) !== expectedSeq) {
        return { ok: false, verified, firstBadSeq: expectedSeq, message: `event ${expectedSeq} is missing` };
      }
      if (row.prev_hash !== prev)
        return bad(`event ${row.seq} does not follow event ${row.seq - 1} (prev_hash differs)`);
      const { hash, ...rest } = row;
      if (hashEvent({ ...rest, seq: Number(rest.seq) }) !== hash) {
        return bad(`event ${row.seq} (${row.action}) has been altered: its hash does not match`);
      }
      prev = hash;
      expectedSeq += 1;
      verified += 1;
    }
  }
  const head = await ctx.db
    .selectFrom("audit_head")
    .select(["seq", "hash"])
    .where("id", "=", 1)
    .executeTakeFirst();
  if (head && (Number(head.seq) !== verified || head.hash !== prev)) {
    return {
      ok: false,
      verified,
      firstBadSeq: verified + 1,
      message: `the log ends at event ${verified} but ${head.seq} were written: events were removed`,
    };
  }
  return { ok: true, verified, firstBadSeq: null, message: `${verified} events verified` };
}

/**
 * Which events of a subject type the actor may read: the subject ids they may see, as a subquery.
 * A domain whose objects are confidential registers one (speak-up: a case's events only for those
 * who may see the case, COC-22.2); the audit views apply every registered hook, counts included.
 */
export type SubjectVisibility = (ctx: Ctx) => Expression<unknown>;
const subjectVisibility = new Map<string, SubjectVisibility>();

export function registerSubjectVisibility(subjectType: string, visible: SubjectVisibility): void {
  subjectVisibility.set(subjectType, visible);
}

/** A where-clause over audit_events keeping only the events the actor may read. */
export function readableEvents(ctx: Ctx): RawBuilder<SqlBool> {
  if (ctx.actor.kind === "system" || subjectVisibility.size === 0) return sql<SqlBool>`1 = 1`;
  const clauses = [...subjectVisibility].map(
    ([type, visible]) =>
      sql<SqlBool>`(subject_type is null or subject_type <> ${type} or subject_id in (${visible(ctx)}))`,
  );
  return sql<SqlBool>`(${sql.join(clauses, sql` and `)})`;
}

import type { Kysely } from "kysely";
import type { Clock } from "./clock.ts";
import type { KeyRing } from "./crypto.ts";
import type { AnyDb, Dialect } from "./db.ts";
import type { KernelTables } from "./tables.ts";

/** Who is acting. Permissions are resolved once, when the session is read. */
export type Actor =
  | {
      kind: "user";
      userId: string;
      personId: string | null;
      label: string;
      roles: readonly string[];
      permissions: ReadonlySet<string>;
    }
  | { kind: "system"; label: string }
  | { kind: "anonymous"; label: string };

export const systemActor = (label = "system"): Actor => ({ kind: "system", label });
export const anonymousActor: Actor = { kind: "anonymous", label: "anonymous" };

/** What every use case receives: `(ctx, input) => Promise<result>`. */
export type Ctx = {
  db: AnyDb;
  dialect: Dialect;
  actor: Actor;
  clock: Clock;
  /** The key-encryption key, for use cases that encrypt at rest (speak-up). */
  keyRing?: KeyRing;
};

export function keyRingOf(ctx: Ctx): KeyRing {
  if (!ctx.keyRing) throw new Error("This use case needs the key ring (ctx.keyRing) to encrypt or decrypt.");
  return ctx.keyRing;
}

export const actorId = (actor: Actor): string | null => (actor.kind === "user" ? actor.userId : null);

export function hasPermission(actor: Actor, permission: string): boolean {
  if (actor.kind === "system") return true;
  return actor.kind === "user" && actor.permissions.has(permission);
}

/**
 * Runs `fn` in one transaction (or inside the caller's, when there is one already), so a use case
 * and its audit event commit or roll back together.
 */
export async function withTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return fn(ctx);
  // Not `transaction().execute()`: when SQLite has already rolled back by itself (SQLITE_FULL,
  // SQLITE_IOERR), its ROLLBACK fails with "cannot rollback - no transaction is active" and that
  // error replaced the real one (issue 14, finding 5). The original error always surfaces here.
  const trx = await (ctx.db as Kysely<KernelTables>).startTransaction().execute();
  try {
    const result = await fn({ ...ctx, db: trx });
    await trx.commit().execute();
    return result;
  } catch (error) {
    try {
      await trx.rollback().execute();
    } catch (rollbackError) {
      if (error instanceof Error && !("rollbackError" in error)) {
        Object.assign(error, { rollbackError: String(rollbackError) });
      }
    }
    throw error;
  }
}

/** A typed view of the context's database that includes a domain's own tables. */
export function tablesOf<T extends Record<string, Record<string, unknown>>>(ctx: Ctx) {
  return ctx.db.withTables<T>();
}

import type { Kysely } from "kysely";

// Frozen. Signed checkpoints of the audit chain (issue 14, finding 4): each row says "the chain
// ended at event `seq` with hash `hash`", signed with an Ed25519 key that is kept outside the
// database, so a consistent rewrite of the chain no longer verifies. `health_probe` is one row
// that /api/health rewrites to prove the database still accepts writes (finding 5).

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("audit_checkpoints")
    .addColumn("seq", "integer", (c) => c.primaryKey())
    .addColumn("hash", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("public_key", "text", (c) => c.notNull())
    .addColumn("signature", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("health_probe")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("checked_at", "text", (c) => c.notNull())
    .execute();
}

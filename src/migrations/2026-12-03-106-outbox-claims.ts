import type { Kysely } from "kysely";

// Frozen. An outbox row is claimed before it goes to SMTP: `claim_token` names the one attempt that
// may send it (status 'sending'), `claimed_until` is that attempt's lease, renewed while it runs.
// A retried or duplicate `mail.send` job that finds the row sent or claimed does not send it again.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("outbox").addColumn("claim_token", "text").execute();
  await db.schema.alterTable("outbox").addColumn("claimed_until", "text").execute();
}

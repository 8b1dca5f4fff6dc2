import { type Kysely, sql } from "kysely";

// Frozen. The subscription agent's day (issue 16): payments and refunds as a ledger (amount, date,
// wire reference) instead of one "paid" figure; the offering's record date, after which rights
// change only by an audited re-basing; the reason an allocation ran early or again; the Purchase
// Notice a new one supersedes; the kind of a progress report (scheduled, caught up, on request).

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("rx_payments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("offering_id", "text", (c) => c.notNull().references("rx_offerings.id"))
    .addColumn("holder_id", "text", (c) => c.notNull().references("rx_holders.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("amount_cents", "bigint", (c) => c.notNull())
    .addColumn("received_on", "text", (c) => c.notNull())
    .addColumn("reference", "text", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("recorded_by", "text", (c) => c.notNull())
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("rx_payments_holder").on("rx_payments").column("holder_id").execute();
  // The payments recorded before the ledger become one entry each, so the ledger adds up to them.
  await sql`insert into rx_payments (id, offering_id, holder_id, kind, amount_cents, received_on, reference, note, recorded_by, recorded_at)
    select 'pay-' || id, offering_id, id, 'payment', payment_cents, substr(coalesce(elected_at, updated_at), 1, 10), 'before the ledger', 'recorded with the election before payments were a ledger', coalesce(elected_by, 'unknown'), coalesce(elected_at, updated_at)
    from rx_holders where payment_cents <> 0`.execute(db);

  await db.schema.alterTable("rx_offerings").addColumn("record_date", "text").execute();
  await sql`update rx_offerings set record_date = exercise_start`.execute(db);

  await db.schema.alterTable("rx_allocations").addColumn("reason", "text").execute();
  await db.schema.alterTable("rx_purchase_notices").addColumn("supersedes_id", "text").execute();

  await db.schema
    .alterTable("rx_progress_reports")
    .addColumn("kind", "text", (c) => c.notNull().defaultTo("scheduled"))
    .execute();
  await db.schema.dropIndex("rx_progress_reports_date").execute();
  await db.schema
    .createIndex("rx_progress_reports_kind_date")
    .on("rx_progress_reports")
    .columns(["offering_id", "kind", "report_date"])
    .unique()
    .execute();
}

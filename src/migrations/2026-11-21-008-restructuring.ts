import type { Kysely } from "kysely";

// Frozen: never edit after it has shipped; add a new dated migration instead.
// The rights offering (restructuring): offerings and their investors, the claims register,
// elections, allocation runs, purchase notices, progress reports, conditions precedent,
// Requisite Investor votes and termination events. Money is integer cents in bigint columns
// (written as decimal text, read back with BigInt on both dialects); rates are decimal text.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("rx_offerings")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("units_offered", "bigint", (c) => c.notNull())
    .addColumn("price_per_unit_cents", "bigint", (c) => c.notNull())
    .addColumn("shares_per_unit", "bigint", (c) => c.notNull())
    .addColumn("unit_composition", "text", (c) => c.notNull())
    .addColumn("maximum_amount_cents", "bigint", (c) => c.notNull())
    .addColumn("threshold", "text", (c) => c.notNull())
    .addColumn("maximum_cutback", "text", (c) => c.notNull())
    .addColumn("structuring_fee_rate", "text", (c) => c.notNull())
    .addColumn("termination_fee_deduction_cents", "bigint", (c) => c.notNull())
    .addColumn("preferred_shares", "bigint", (c) => c.notNull())
    .addColumn("preferred_price_cents", "bigint", (c) => c.notNull())
    .addColumn("exercise_start", "text", (c) => c.notNull())
    .addColumn("exercise_end", "text", (c) => c.notNull())
    .addColumn("certifying_officer", "text", (c) => c.notNull())
    .addColumn("facts", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("rx_investors")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("offering_id", "text", (c) => c.notNull().references("rx_offerings.id"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("backstop_percentage", "text", (c) => c.notNull())
    .addColumn("is_threshold_group", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("withdrawn_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("rx_investors_code")
    .on("rx_investors")
    .columns(["offering_id", "code"])
    .unique()
    .execute();

  await db.schema
    .createTable("rx_investor_users")
    .addColumn("investor_id", "text", (c) => c.notNull().references("rx_investors.id"))
    .addColumn("user_id", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("rx_investor_users_pk", ["investor_id", "user_id"])
    .execute();
  await db.schema.createIndex("rx_investor_users_user").on("rx_investor_users").column("user_id").execute();

  await db.schema
    .createTable("rx_holders")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("offering_id", "text", (c) => c.notNull().references("rx_offerings.id"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("email", "text")
    .addColumn("investor_id", "text", (c) => c.references("rx_investors.id"))
    .addColumn("plan_shares", "bigint", (c) => c.notNull())
    .addColumn("claims_cents", "bigint", (c) => c.notNull())
    .addColumn("claims", "text", (c) => c.notNull())
    .addColumn("rights_explicit", "bigint")
    .addColumn("rights", "bigint", (c) => c.notNull())
    .addColumn("exercised", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("payment_cents", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("elected_at", "text")
    .addColumn("elected_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("rx_holders_code")
    .on("rx_holders")
    .columns(["offering_id", "code"])
    .unique()
    .execute();
  await db.schema.createIndex("rx_holders_email").on("rx_holders").column("email").execute();

  await db.schema
    .createTable("rx_allocations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("offering_id", "text", (c) => c.notNull().references("rx_offerings.id"))
    .addColumn("run_at", "text", (c) => c.notNull())
    .addColumn("run_by", "text", (c) => c.notNull())
    .addColumn("input", "text", (c) => c.notNull())
    .addColumn("result", "text", (c) => c.notNull())
    .addColumn("is_current", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex("rx_allocations_offering").on("rx_allocations").column("offering_id").execute();

  await db.schema
    .createTable("rx_purchase_notices")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("allocation_id", "text", (c) => c.notNull().references("rx_allocations.id"))
    .addColumn("offering_id", "text", (c) => c.notNull().references("rx_offerings.id"))
    .addColumn("investor_id", "text", (c) => c.notNull().references("rx_investors.id"))
    .addColumn("due_date", "text", (c) => c.notNull())
    .addColumn("issued_at", "text", (c) => c.notNull())
    .addColumn("content", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("rx_purchase_notices_investor")
    .on("rx_purchase_notices")
    .column("investor_id")
    .execute();

  await db.schema
    .createTable("rx_progress_reports")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("offering_id", "text", (c) => c.notNull().references("rx_offerings.id"))
    .addColumn("report_date", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("rights_exercised", "bigint", (c) => c.notNull())
    .addColumn("rights_total", "bigint", (c) => c.notNull())
    .addColumn("sent_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("rx_progress_reports_date")
    .on("rx_progress_reports")
    .columns(["offering_id", "report_date"])
    .unique()
    .execute();

  await db.schema
    .createTable("rx_conditions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("offering_id", "text", (c) => c.notNull().references("rx_offerings.id"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("evidence", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("inputs", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "text")
    .execute();
  await db.schema
    .createIndex("rx_conditions_code")
    .on("rx_conditions")
    .columns(["offering_id", "code"])
    .unique()
    .execute();

  await db.schema
    .createTable("rx_votes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("offering_id", "text", (c) => c.notNull().references("rx_offerings.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("decided_at", "text")
    .execute();
  await db.schema
    .createTable("rx_ballots")
    .addColumn("vote_id", "text", (c) => c.notNull().references("rx_votes.id"))
    .addColumn("investor_id", "text", (c) => c.notNull().references("rx_investors.id"))
    .addColumn("in_favour", "integer", (c) => c.notNull())
    .addColumn("cast_by", "text", (c) => c.notNull())
    .addColumn("cast_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("rx_ballots_pk", ["vote_id", "investor_id"])
    .execute();

  await db.schema
    .createTable("rx_terminations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("offering_id", "text", (c) => c.notNull().references("rx_offerings.id"))
    .addColumn("event", "text", (c) => c.notNull())
    .addColumn("occurred_on", "text", (c) => c.notNull())
    .addColumn("fee_owed", "integer", (c) => c.notNull())
    .addColumn("fee_cents", "bigint", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("recorded_by", "text", (c) => c.notNull())
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .execute();
}

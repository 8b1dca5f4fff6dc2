import type { Kysely } from "kysely";

// Frozen. Account security (issue 12, findings 11 and 15):
// - users.must_change_password: an account an administrator created with an initial password
//   must choose its own at first sign-in;
// - users.totp_last_step: the last TOTP time step accepted, so a code cannot be used twice;
// - user_recovery_codes: single-use recovery codes issued at TOTP enrolment (sha256 of
//   high-entropy codes, never the codes themselves);
// - role_grant_requests: four-eyes grants of roles that read speak-up cases, audit or investor data.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("users")
    .addColumn("must_change_password", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable("users").addColumn("totp_last_step", "integer").execute();

  await db.schema
    .createTable("user_recovery_codes")
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("code_hash", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .addPrimaryKeyConstraint("user_recovery_codes_pk", ["user_id", "code_hash"])
    .execute();

  await db.schema
    .createTable("role_grant_requests")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("requested_by", "text", (c) => c.notNull())
    .addColumn("requested_at", "text", (c) => c.notNull())
    .addColumn("decided_by", "text")
    .addColumn("decided_at", "text")
    .addColumn("note", "text")
    .execute();
  await db.schema
    .createIndex("role_grant_requests_status")
    .on("role_grant_requests")
    .columns(["status", "requested_at"])
    .execute();
}

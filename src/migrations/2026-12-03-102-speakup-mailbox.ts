import type { Kysely } from "kysely";

// Frozen. Issue 12, findings 12 and 14.
// speakup_messages.is_feedback: a handler marks a message as feedback (what action was taken or is
// planned and why, EU Directive 2019/1937 art. 9(1)(f)); only such messages meet the feedback clock.
// speakup_cases.setup_code_hash / setup_code_expires_at: a report taken by phone has no password
// yet; the caller sets one on the first mailbox visit with a one-time code read by the operator
// (stored only as an argon2id hash, cleared once used).
// Also: reporter rows that old merges copied onto the surviving case are removed (finding 1).

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("speakup_messages")
    .addColumn("is_feedback", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable("speakup_cases").addColumn("setup_code_hash", "text").execute();
  await db.schema.alterTable("speakup_cases").addColumn("setup_code_expires_at", "text").execute();
  // Merges used to copy the merged report's reporter onto the surviving case, which listed that
  // case among the reporter's own reports and opened its mailbox to them. Undo those copies.
  await db
    .deleteFrom("speakup_case_people as s")
    .where("s.role", "=", "reporter")
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("speakup_case_people as m")
          .innerJoin("speakup_cases as c", "c.id", "m.case_id")
          .select("m.case_id")
          .whereRef("c.merged_into_id", "=", "s.case_id")
          .whereRef("m.person_ref", "=", "s.person_ref")
          .where("m.role", "=", "reporter"),
      ),
    )
    .execute();
  // Mailbox sessions opened before this change may point at the case a report was merged into;
  // end them all (they last 30 minutes) so every reporter signs in again to their own case.
  await db.deleteFrom("speakup_mailbox_sessions").execute();
}

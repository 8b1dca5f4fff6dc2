import type { Database } from "../src/kernel/db.ts";

/**
 * What a use case left behind, as tests read it: the tasks of a user (kind, title, link; every
 * status unless `open`, every kind unless `kind`), the mails to an address (subject and text,
 * oldest first) and the audit actions on a subject (in order). One query each for the many tests
 * that ask whether someone was told or something was audited.
 */
export function tasksOf(database: Database, userId: string, only: { kind?: string; open?: boolean } = {}) {
  let query = database.db
    .selectFrom("tasks")
    .select(["kind", "title", "href"])
    .where("assignee_user_id", "=", userId);
  if (only.kind !== undefined) query = query.where("kind", "=", only.kind);
  if (only.open) query = query.where("status", "=", "open");
  return query.execute();
}

export const mailsTo = (database: Database, address: string) =>
  database.db
    .selectFrom("outbox")
    .select(["subject", "body_text"])
    .where("to_address", "=", address)
    .orderBy("created_at")
    .execute();

export const auditActionsOn = async (database: Database, subjectId: string) =>
  (
    await database.db
      .selectFrom("audit_events")
      .select("action")
      .where("subject_id", "=", subjectId)
      .orderBy("seq")
      .execute()
  ).map((e) => e.action);

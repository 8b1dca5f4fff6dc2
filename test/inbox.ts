import type { Database } from "../src/kernel/db.ts";

/**
 * What one person received, as tests read it: the tasks of a user (kind, title, link; every status
 * unless `open`, every kind unless `kind`) and the mails to an address (subject and text, oldest
 * first). One query each for the many tests that ask whether someone was told.
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

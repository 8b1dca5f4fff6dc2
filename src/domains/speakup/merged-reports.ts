import type { Ctx } from "../../kernel/context.ts";
import { speakupDb } from "./db.ts";
import type { SpeakupCasesTable } from "./tables.ts";

/** Merges of merges are rare and short; this bounds a corrupted cycle. */
const MAX_DEPTH = 20;

/**
 * The reports merged into a case, directly or through a case that was itself merged into it.
 * Each keeps its own row, data key and mailbox (COC-22.2): the surviving case's handlers see every
 * thread, while each reporter sees only their own.
 */
export async function mergedReportIds(ctx: Ctx, caseId: string): Promise<string[]> {
  const db = speakupDb(ctx);
  const found: string[] = [];
  let frontier = [caseId];
  for (let depth = 0; frontier.length && depth < MAX_DEPTH; depth++) {
    const rows = await db
      .selectFrom("speakup_cases")
      .select("id")
      .where("merged_into_id", "in", frontier)
      .orderBy("received_at")
      .orderBy("id")
      .execute();
    frontier = rows.map((r) => r.id).filter((id) => id !== caseId && !found.includes(id));
    found.push(...frontier);
  }
  return found;
}

/** The case a merged report ended up in, following merges of merges. */
export async function survivorOf(
  ctx: Ctx,
  caseId: string,
): Promise<
  Pick<SpeakupCasesTable, "id" | "number" | "status" | "acknowledged_at" | "team" | "assignee_user_id">
> {
  const db = speakupDb(ctx);
  let current = caseId;
  for (let depth = 0; ; depth++) {
    const row = await db
      .selectFrom("speakup_cases")
      .select(["id", "number", "status", "acknowledged_at", "team", "assignee_user_id", "merged_into_id"])
      .where("id", "=", current)
      .executeTakeFirstOrThrow();
    if (!row.merged_into_id || depth >= MAX_DEPTH) return row;
    current = row.merged_into_id;
  }
}

/** Whether the reporter can read messages: they have a password, or a one-time code to set one. */
export const hasMailbox = (c: Pick<SpeakupCasesTable, "password_hash" | "setup_code_hash" | "purged_at">) =>
  c.purged_at === null && (c.password_hash !== null || c.setup_code_hash !== null);

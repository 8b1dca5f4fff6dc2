import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { invalid } from "../../kernel/errors.ts";
import { ACKNOWLEDGEMENT, activeCase, completeTasks, subject, systemMessage } from "./case-work.ts";
import { speakupDb } from "./db.ts";
import { ensureHandler } from "./escalate-case.ts";
import { EXCLUDED_ROLES } from "./tables.ts";
import type { Ok } from "./views.ts";

/**
 * Merges a duplicate into another case, which carries the investigation on. The merged report
 * keeps its own row, data key and mailbox: its reporter goes on seeing only their own report and
 * the messages sent to them, never the other reporter's (COC-22.2); the surviving case's handlers
 * see both threads and choose which reporter each message goes to.
 */
export async function mergeCase(ctx: Ctx, caseId: string, intoId: string): Promise<Ok> {
  if (caseId === intoId)
    throw invalid("A case cannot be merged into itself.", [{ path: "intoId", message: "is this case" }]);
  return withTransaction(ctx, async (tx) => {
    const { row, key } = await activeCase(tx, caseId);
    const { row: into } = await activeCase(tx, intoId);
    const db = speakupDb(tx);
    const now = isoNow(tx.clock);
    // Looking at it to merge it is receiving it: the merged report's reporter is acknowledged
    // (art. 9(1)(b)), since nobody can acknowledge a merged case afterwards.
    if (!row.acknowledged_at) await systemMessage(tx, key, ACKNOWLEDGEMENT, null);
    await db
      .updateTable("speakup_cases")
      .set({
        merged_into_id: into.id,
        status: "closed",
        closed_at: now,
        updated_at: now,
        acknowledged_at: row.acknowledged_at ?? now,
      })
      .where("id", "=", caseId)
      .execute();
    await completeTasks(tx, caseId, "speakup.acknowledge");
    // Everyone barred from either case is barred from both.
    const barred = await db
      .selectFrom("speakup_case_people")
      .select(["case_id", "person_ref", "role"])
      .where("case_id", "in", [caseId, into.id])
      .where("role", "in", [...EXCLUDED_ROLES])
      .execute();
    if (barred.length)
      await db
        .insertInto("speakup_case_people")
        .values(
          barred.map((b) => ({
            case_id: b.case_id === caseId ? into.id : caseId,
            person_ref: b.person_ref,
            role: b.role,
          })),
        )
        .onConflict((oc) => oc.doNothing())
        .execute();
    await db
      .insertInto("speakup_case_links")
      .values([
        { case_id: caseId, other_id: into.id },
        { case_id: into.id, other_id: caseId },
      ])
      .onConflict((oc) => oc.doNothing())
      .execute();
    // People barred from the merged report are now barred from the surviving case: their tasks on
    // it are withdrawn and, if that leaves nobody, the case escalates (COC-22.2).
    await ensureHandler(tx, into.id);
    await record(tx, "case.merge", subject(caseId), { into: into.number, from: row.number });
    return { ok: true };
  });
}

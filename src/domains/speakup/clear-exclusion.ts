import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict, invalid, notFound } from "../../kernel/errors.ts";
import type { CasePerson } from "./content.ts";
import { speakupDb } from "./db.ts";
import { loadVisibleCase } from "./get-case.ts";
import { openJson, personRef, sealJson } from "./sealing.ts";
import type { Ok } from "./views.ts";

/**
 * A handler without conflict decides that a probable match (a surname alone, an initial, a
 * similar spelling, an office several people hold) is not the person the report is about, and
 * lifts the exclusion (COC-22.2). Only "probable" exclusions can be cleared: people named for
 * certain or marked conflicted stay away for good. Only someone who may see the case can do it,
 * so never the probable match themselves. Audited without naming the person.
 */
export async function clearExclusion(
  ctx: Ctx,
  caseId: string,
  input: { personId?: string | undefined; userId?: string | undefined },
): Promise<Ok> {
  if (!input.personId && !input.userId)
    throw invalid("Choose the person whose exclusion to clear.", [
      { path: "personId", message: "is required" },
    ]);
  return withTransaction(ctx, async (tx) => {
    const { row, key } = await loadVisibleCase(tx, caseId);
    if (row.merged_into_id) throw conflict("This case was merged into another; work on that case instead.");
    const refs = [
      ...(input.personId ? [personRef(tx, input.personId)] : []),
      ...(input.userId ? [personRef(tx, input.userId, "user")] : []),
    ];
    const db = speakupDb(tx);
    const res = await db
      .deleteFrom("speakup_case_people")
      .where("case_id", "=", caseId)
      .where("role", "=", "probable")
      .where("person_ref", "in", refs)
      .executeTakeFirst();
    if (Number(res.numDeletedRows) === 0) throw notFound("A probable match with that person on this case");
    const people = openJson<CasePerson[]>(key, "people", row.people).filter(
      (p) =>
        !(
          p.role === "probable" &&
          ((input.personId && p.personId === input.personId) || (input.userId && p.userId === input.userId))
        ),
    );
    await db
      .updateTable("speakup_cases")
      .set({ people: sealJson(key, "people", people), updated_at: isoNow(tx.clock) })
      .where("id", "=", caseId)
      .execute();
    await record(tx, "case.clear-exclusion", { type: "speakup_case", id: caseId }, { cleared: refs.length });
    return { ok: true };
  });
}

import { record } from "../../kernel/audit.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { invalid } from "../../kernel/errors.ts";
import { subject } from "./case-work.ts";
import { speakupDb } from "./db.ts";
import { loadVisibleCase } from "./get-case.ts";
import type { Ok } from "./views.ts";

export async function linkCases(ctx: Ctx, caseId: string, otherId: string): Promise<Ok> {
  if (caseId === otherId)
    throw invalid("A case cannot be linked to itself.", [{ path: "otherId", message: "is this case" }]);
  return withTransaction(ctx, async (tx) => {
    await loadVisibleCase(tx, caseId);
    await loadVisibleCase(tx, otherId);
    await speakupDb(tx)
      .insertInto("speakup_case_links")
      .values([
        { case_id: caseId, other_id: otherId },
        { case_id: otherId, other_id: caseId },
      ])
      .onConflict((oc) => oc.doNothing())
      .execute();
    await record(tx, "case.link", subject(caseId), { otherId });
    return { ok: true };
  });
}

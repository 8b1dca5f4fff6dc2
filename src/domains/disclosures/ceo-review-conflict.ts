import { record } from "../../kernel/audit.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict } from "../../kernel/errors.ts";
import { loadVisible, subjectOf, toConflict } from "./conflict-view.ts";
import { addEvent, conflictHref, reportToAuditCommittee } from "./conflict-work.ts";
import { authorize } from "./policy.ts";
import { ceoReviewInput } from "./schemas.ts";
import { closeTasks, parseInput } from "./support.ts";
import type { ConflictView } from "./views.ts";

/** The CEO reviews and reports the conflict to the Audit Committee (COC-6.2). */
export async function ceoReviewConflict(ctx: Ctx, id: string, raw: { note: string }): Promise<ConflictView> {
  const { note } = parseInput(ceoReviewInput, raw);
  return withTransaction(ctx, async (tx) => {
    const row = await loadVisible(tx, id);
    authorize(tx.actor, "conflict.ceo_review", subjectOf(tx, row));
    if (row.status !== "ceo_review") throw conflict("This disclosure is not waiting for the CEO's review.");
    await reportToAuditCommittee(tx, id, "ceo_review", note);
    await addEvent(tx, id, {
      kind: "transition",
      role: "ceo",
      from: "ceo_review",
      to: "audit_committee",
      body: note,
    });
    await closeTasks(tx, conflictHref(id), { kinds: ["disclosures.conflict.ceo_review"] });
    await record(tx, "conflict.ceo_review", { type: "conflict_disclosure", id }, {});
    return toConflict(tx, await loadVisible(tx, id));
  });
}

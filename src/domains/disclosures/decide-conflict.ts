import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict, invalid } from "../../kernel/errors.ts";
import { loadVisible, prohibitionOf, subjectOf, toConflict } from "./conflict-view.ts";
import { addEvent, conflictHref, move } from "./conflict-work.ts";
import { todayOf } from "./db.ts";
import { authorize } from "./policy.ts";
import { type DecisionInput, decisionInput } from "./schemas.ts";
import { closeTasks, jsonOr, mailTo, parseInput, userOfPerson } from "./support.ts";
import type { ConflictView } from "./views.ts";

/**
 * The Audit Committee decides: approved with conditions and a review date, approved after
 * mitigation, or prohibited. What the Code forbids (COC-6.4, COC-11.1) cannot be approved.
 */
export async function decideConflict(ctx: Ctx, id: string, raw: DecisionInput): Promise<ConflictView> {
  const input = parseInput(decisionInput, raw);
  return withTransaction(ctx, async (tx) => {
    const row = await loadVisible(tx, id);
    authorize(tx.actor, "conflict.decide", subjectOf(tx, row));
    if (row.status !== "audit_committee")
      throw conflict("This disclosure is not before the Audit Committee.");
    const flag = prohibitionOf(row.type, jsonOr(row.answers, {}));
    if (flag && input.decision !== "prohibited")
      throw conflict(`${flag.message} It cannot be approved; the only decision is "prohibited".`);
    if (input.decision !== "prohibited") {
      if (!input.reviewDate)
        throw invalid(
          "An approval needs a review date: approvals expire and come back for review (COC-6.3).",
          [{ path: "reviewDate", message: "is required for an approval" }],
        );
      if (input.reviewDate <= todayOf(tx))
        throw invalid("The review date must be in the future.", [
          { path: "reviewDate", message: "must be after today" },
        ]);
      if (input.decision === "approved_mitigated" && !input.mitigation)
        throw invalid("Describe the mitigation the approval depends on.", [
          { path: "mitigation", message: "is required for an approval after mitigation" },
        ]);
    }
    const now = isoNow(tx.clock);
    await move(tx, id, "audit_committee", input.decision, {
      decision: input.decision,
      conditions: input.conditions ?? null,
      mitigation: input.mitigation ?? null,
      review_date: input.decision === "prohibited" ? null : (input.reviewDate ?? null),
      decided_by_label: `Audit Committee (${ctx.actor.label})`,
      decided_at: now,
      reapproval_reason: null,
    });
    await addEvent(tx, id, {
      kind: "transition",
      role: "audit_committee",
      from: "audit_committee",
      to: input.decision,
      body:
        [
          input.note,
          input.conditions && `Conditions: ${input.conditions}`,
          input.mitigation && `Mitigation: ${input.mitigation}`,
        ]
          .filter(Boolean)
          .join("\n") || null,
    });
    await closeTasks(tx, conflictHref(id), { kinds: ["disclosures.conflict.decide"] });
    const discloser = await userOfPerson(tx, row.discloser_person_id);
    if (discloser) {
      await mailTo(
        tx,
        [discloser],
        `Decision on your conflict of interest disclosure ${row.number}`,
        `The Audit Committee decided: ${input.decision.replace("_", " ")}.${input.reviewDate && input.decision !== "prohibited" ? ` It comes back for review on ${input.reviewDate}.` : ""}`,
      );
    }
    await record(
      tx,
      "conflict.decide",
      { type: "conflict_disclosure", id },
      {
        decision: input.decision,
        reviewDate: input.reviewDate ?? null,
      },
    );
    return toConflict(tx, await loadVisible(tx, id));
  });
}

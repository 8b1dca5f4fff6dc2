import { record } from "../../kernel/audit.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict } from "../../kernel/errors.ts";
import { loadVisible, subjectOf, toConflict } from "./conflict-view.ts";
import { addEvent, conflictHref, move, reportToAuditCommittee } from "./conflict-work.ts";
import { authorize } from "./policy.ts";
import { closeTasks, openTask, usersWith } from "./support.ts";
import type { ConflictView } from "./views.ts";

/**
 * Legal forwards a discussed disclosure to the CEO, who reports conflicts to the Audit Committee
 * (COC-6.2). The CEO's own disclosure goes straight to the Audit Committee.
 */
export async function forwardConflict(ctx: Ctx, id: string): Promise<ConflictView> {
  return withTransaction(ctx, async (tx) => {
    const row = await loadVisible(tx, id);
    authorize(tx.actor, "conflict.forward", subjectOf(tx, row));
    if (row.status !== "discussed")
      throw conflict(
        row.status === "disclosed"
          ? "Discuss the disclosure first: the supervisor or Legal comments before it is forwarded (COC-6.3, Code section 6: disclosure, discussion and consultation)."
          : `A disclosure that is ${row.status.replace("_", " ")} cannot be forwarded.`,
      );
    const href = conflictHref(id);
    await closeTasks(tx, href, {
      kinds: ["disclosures.conflict.discuss", "disclosures.conflict.supervisor"],
    });
    if (row.is_ceo_disclosure === 1) {
      await reportToAuditCommittee(tx, row.id, "discussed", null);
      await addEvent(tx, id, {
        kind: "transition",
        role: "legal",
        from: "discussed",
        to: "audit_committee",
        body: "The CEO's own disclosure goes straight to the Audit Committee (COC-6.2).",
      });
    } else {
      await move(tx, id, "discussed", "ceo_review", {});
      await addEvent(tx, id, { kind: "transition", role: "legal", from: "discussed", to: "ceo_review" });
      for (const u of await usersWith(tx, "disclosure.ceo_review")) {
        await openTask(tx, {
          userId: u.userId,
          kind: "disclosures.conflict.ceo_review",
          title: `Review the conflict of interest ${row.number} (${row.discloser_name}) and report it to the Audit Committee (COC-6.2)`,
          href,
        });
      }
    }
    await record(
      tx,
      "conflict.forward",
      { type: "conflict_disclosure", id },
      {
        to: row.is_ceo_disclosure === 1 ? "audit_committee" : "ceo_review",
      },
    );
    return toConflict(tx, await loadVisible(tx, id));
  });
}

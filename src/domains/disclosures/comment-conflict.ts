import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { loadVisible, type Row, subjectOf, toConflict } from "./conflict-view.ts";
import { addEvent, conflictHref } from "./conflict-work.ts";
import { discDb } from "./db.ts";
import { can, ensureCan } from "./policy.ts";
import { commentInput } from "./schemas.ts";
import { closeTasks, parseInput } from "./support.ts";
import type { ConflictView } from "./views.ts";

const roleOf = (ctx: Ctx, row: Row) => {
  const s = subjectOf(ctx, row);
  if (s.isDiscloser) return "discloser";
  if (s.isSupervisor) return "supervisor";
  if (can(ctx.actor, "conflict.review")) return "legal";
  return "other";
};

/** A comment by the discloser, their supervisor or Legal; the first reviewer comment marks it discussed. */
export async function commentConflict(ctx: Ctx, id: string, raw: { body: string }): Promise<ConflictView> {
  const { body } = parseInput(commentInput, raw);
  return withTransaction(ctx, async (tx) => {
    const row = await loadVisible(tx, id);
    ensureCan(tx.actor, "conflict.comment", subjectOf(tx, row));
    const role = roleOf(tx, row);
    await addEvent(tx, id, { kind: "comment", role, body });
    if (row.status === "disclosed" && (role === "supervisor" || role === "legal")) {
      await discDb(tx)
        .updateTable("conflict_disclosures")
        .set({ status: "discussed", updated_at: isoNow(tx.clock) })
        .where("id", "=", id)
        .execute();
      await addEvent(tx, id, { kind: "transition", role, from: "disclosed", to: "discussed" });
    }
    if (role === "supervisor" && ctx.actor.kind === "user")
      await closeTasks(tx, conflictHref(id), {
        kinds: ["disclosures.conflict.supervisor"],
        userId: ctx.actor.userId,
      });
    await record(tx, "conflict.comment", { type: "conflict_disclosure", id }, { role });
    return toConflict(tx, await loadVisible(tx, id));
  });
}

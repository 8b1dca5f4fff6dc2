import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, systemActor, withTransaction } from "../../kernel/context.ts";
import { discDb } from "./db.ts";
import { guidanceSubject, loadGuidance, toGuidance } from "./get-guidance.ts";
import { assignToLegal, guidanceHref } from "./guidance-work.ts";
import { ensureCan } from "./policy.ts";
import { closeTasks } from "./support.ts";
import type { GuidanceView } from "./views.ts";

/** The supervisor passes the question on to the Legal Department (COC-22.1). */
export async function escalateGuidance(ctx: Ctx, id: string): Promise<GuidanceView> {
  return withTransaction(ctx, async (tx) => {
    const g = await loadGuidance(tx, id);
    ensureCan(tx.actor, "guidance.escalate", guidanceSubject(tx, g));
    await discDb(tx)
      .updateTable("guidance_requests")
      .set({ routed_to: "legal", assignee_user_id: null, updated_at: isoNow(tx.clock) })
      .where("id", "=", id)
      .execute();
    await closeTasks(tx, guidanceHref(id));
    await assignToLegal(tx, g, g.asker_user_id);
    await record(tx, "guidance.escalate", { type: "guidance_request", id }, {});
    // The supervisor no longer holds the question; they see what they passed on, once.
    return toGuidance(tx, await loadGuidance({ ...tx, actor: systemActor("guidance") }, id));
  });
}

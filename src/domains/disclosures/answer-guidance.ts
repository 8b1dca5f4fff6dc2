import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict } from "../../kernel/errors.ts";
import { discDb } from "./db.ts";
import { getGuidance, guidanceSubject, loadGuidance } from "./get-guidance.ts";
import { guidanceHref } from "./guidance-work.ts";
import { authorize, can } from "./policy.ts";
import { answerInput } from "./schemas.ts";
import { closeTasks, mailTo, parseInput } from "./support.ts";
import type { GuidanceView } from "./views.ts";

export async function answerGuidance(ctx: Ctx, id: string, raw: { answer: string }): Promise<GuidanceView> {
  const { answer } = parseInput(answerInput, raw);
  return withTransaction(ctx, async (tx) => {
    const g = await loadGuidance(tx, id);
    const s = guidanceSubject(tx, g);
    if (!can(tx.actor, "guidance.answer", s)) {
      if (g.status !== "open") throw conflict("This question is already answered.");
      authorize(tx.actor, "guidance.answer", s);
    }
    const now = isoNow(tx.clock);
    await discDb(tx)
      .updateTable("guidance_requests")
      .set({
        status: "answered",
        answer,
        answered_by_label: ctx.actor.label,
        answered_at: now,
        updated_at: now,
      })
      .where("id", "=", id)
      .execute();
    await closeTasks(tx, guidanceHref(id));
    const asker = await discDb(tx)
      .selectFrom("users")
      .select(["id", "email", "display_name"])
      .where("id", "=", g.asker_user_id)
      .executeTakeFirst();
    if (asker)
      await mailTo(
        tx,
        [{ userId: asker.id, email: asker.email, name: asker.display_name }],
        `Your question ${g.number} is answered`,
        `Your question about "${g.topic}" has an answer in Probity.`,
      );
    await record(tx, "guidance.answer", { type: "guidance_request", id }, {});
    return getGuidance(tx, id);
  });
}

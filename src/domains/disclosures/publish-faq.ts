import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict, invalid } from "../../kernel/errors.ts";
import { discDb } from "./db.ts";
import { getGuidance, guidanceSubject, loadGuidance } from "./get-guidance.ts";
import { authorize, can } from "./policy.ts";
import { faqInput } from "./schemas.ts";
import { parseInput } from "./support.ts";
import type { GuidanceView } from "./views.ts";

/**
 * Publishes an answered question as an FAQ, in words Legal has anonymised: a text naming the
 * asker is refused (COC-22.2).
 */
export async function publishFaq(
  ctx: Ctx,
  id: string,
  raw: { question: string; answer: string },
): Promise<GuidanceView> {
  const input = parseInput(faqInput, raw);
  return withTransaction(ctx, async (tx) => {
    const g = await loadGuidance(tx, id);
    const s = guidanceSubject(tx, g);
    if (!can(tx.actor, "guidance.publish", s)) {
      if (g.status !== "answered") throw conflict("Only an answered question can be published.");
      if (g.published_at) throw conflict("This question is already published.");
      authorize(tx.actor, "guidance.publish", s);
    }
    if (g.asker_person_id) {
      const p = await discDb(tx)
        .selectFrom("persons")
        .select(["first_name", "last_name"])
        .where("id", "=", g.asker_person_id)
        .executeTakeFirst();
      const text = `${input.question} ${input.answer}`.toLowerCase();
      const named =
        p &&
        [p.first_name, p.last_name].filter((n) => n.length > 2).some((n) => text.includes(n.toLowerCase()));
      if (named)
        throw invalid("The FAQ names the person who asked: anonymise it before publishing (COC-22.2).", [
          { path: "question", message: "names the asker" },
        ]);
    }
    const now = isoNow(tx.clock);
    await discDb(tx)
      .updateTable("guidance_requests")
      .set({ faq_question: input.question, faq_answer: input.answer, published_at: now, updated_at: now })
      .where("id", "=", id)
      .execute();
    await record(tx, "guidance.publish", { type: "guidance_request", id }, {});
    return getGuidance(tx, id);
  });
}

import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { newId } from "../../kernel/ids.ts";
import { supervisorIdOf } from "../people/index.ts";
import { discDb } from "./db.ts";
import { getGuidance } from "./get-guidance.ts";
import { assignToLegal, guidanceHref } from "./guidance-work.ts";
import { guidanceInput } from "./schemas.ts";
import {
  mailTo,
  nextNumber,
  openTask,
  parseInput,
  type Recipient,
  signedIn,
  userOfPerson,
} from "./support.ts";
import type { GuidanceView } from "./views.ts";

/**
 * COC-22.1: the supervisor first, then the plant manager or a corporate officer, then the General
 * Counsel. Walks up the org chart to the nearest manager who has an account.
 */
async function nearestManager(ctx: Ctx, personId: string): Promise<Recipient | null> {
  let cursor: string | null = personId;
  const seen = new Set<string>();
  for (let depth = 0; depth < 8 && cursor && !seen.has(cursor); depth++) {
    seen.add(cursor);
    cursor = await supervisorIdOf(ctx, cursor);
    if (cursor) {
      const user = await userOfPerson(ctx, cursor);
      if (user) return user;
    }
  }
  return null;
}

/** "Ask first, act later": a question routed to the supervisor (or the next manager) or to Legal (COC-22.1). */
export async function askGuidance(
  ctx: Ctx,
  raw: { topic: string; question: string; routeTo?: "supervisor" | "legal" },
): Promise<GuidanceView> {
  const me = signedIn(ctx, "ask for guidance");
  const input = parseInput(guidanceInput, raw);
  return withTransaction(ctx, async (tx) => {
    const manager =
      input.routeTo === "supervisor" && me.personId ? await nearestManager(tx, me.personId) : null;
    const routedTo = manager ? "supervisor" : "legal";
    const id = newId();
    const now = isoNow(tx.clock);
    const number = await nextNumber(tx, "guidance_requests", "GQ");
    await discDb(tx)
      .insertInto("guidance_requests")
      .values({
        id,
        number,
        asker_user_id: me.userId,
        asker_person_id: me.personId,
        topic: input.topic,
        question: input.question,
        routed_to: routedTo,
        assignee_user_id: manager?.userId ?? null,
        status: "open",
        answer: null,
        answered_by_label: null,
        answered_at: null,
        faq_question: null,
        faq_answer: null,
        published_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    if (manager) {
      await openTask(tx, {
        userId: manager.userId,
        kind: "disclosures.guidance.answer",
        title: `Answer ${me.label}'s question ${number}: ${input.topic} (COC-22.1)`,
        href: guidanceHref(id),
      });
      await mailTo(
        tx,
        [manager],
        `A question for you: ${number}`,
        `${me.label} asks for guidance about "${input.topic}" (COC-22.1). Answer it, or pass it to the Legal Department.`,
      );
    } else await assignToLegal(tx, { id, number, topic: input.topic }, me.userId);
    await record(
      tx,
      "guidance.ask",
      { type: "guidance_request", id },
      { number, routedTo, fellBackToLegal: input.routeTo === "supervisor" && !manager },
    );
    return getGuidance(tx, id);
  });
}

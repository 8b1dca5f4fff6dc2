import type { Ctx } from "../../kernel/context.ts";
import { forbidden } from "../../kernel/errors.ts";
import { discDb } from "./db.ts";
import { toGuidance } from "./get-guidance.ts";
import { can } from "./policy.ts";
import type { GuidanceList } from "./views.ts";

/** Questions one asked, questions waiting for one's answer, and the published FAQs. */
export async function listGuidance(ctx: Ctx): Promise<GuidanceList> {
  const a = ctx.actor;
  if (a.kind !== "user") throw forbidden("Sign in to see guidance requests.");
  const db = discDb(ctx);
  const mine = await db
    .selectFrom("guidance_requests")
    .selectAll()
    .where("asker_user_id", "=", a.userId)
    .orderBy("created_at", "desc")
    .limit(200)
    .execute();
  let toAnswerQ = db
    .selectFrom("guidance_requests")
    .selectAll()
    .where("asker_user_id", "!=", a.userId)
    .orderBy("created_at", "desc")
    .limit(300);
  const answersAny = can(a, "guidance.answer_any");
  toAnswerQ = answersAny
    ? toAnswerQ.where((eb) => eb.or([eb("assignee_user_id", "=", a.userId), eb("routed_to", "=", "legal")]))
    : toAnswerQ.where("assignee_user_id", "=", a.userId);
  const toAnswer = await toAnswerQ.execute();
  return {
    mine: mine.map((g) => toGuidance(ctx, g)),
    toAnswer: toAnswer.map((g) => toGuidance(ctx, g)),
    can: { answer: answersAny },
  };
}

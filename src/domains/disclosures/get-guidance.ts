import type { Ctx } from "../../kernel/context.ts";
import { notFound } from "../../kernel/errors.ts";
import { discDb } from "./db.ts";
import { can, type GuidanceSubject } from "./policy.ts";
import type { GuidanceRequestsTable } from "./tables.ts";
import type { GuidanceView } from "./views.ts";

/** The actor's relation to a guidance request, for the rules in policy.ts (COC-22.1). */
export function guidanceSubject(ctx: Ctx, g: GuidanceRequestsTable): GuidanceSubject {
  const userId = ctx.actor.kind === "user" ? ctx.actor.userId : null;
  return {
    isAsker: userId !== null && userId === g.asker_user_id,
    isAssignee: userId !== null && userId === g.assignee_user_id,
    routedTo: g.routed_to,
    status: g.status,
    isPublished: g.published_at !== null,
  };
}

/** The request, if the actor may read it (asker, assignee, Legal for what is routed to it). */
export async function loadGuidance(ctx: Ctx, id: string): Promise<GuidanceRequestsTable> {
  const g = await discDb(ctx)
    .selectFrom("guidance_requests")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!g || !can(ctx.actor, "guidance.read", guidanceSubject(ctx, g))) throw notFound("The guidance request");
  return g;
}

/** The request as the actor sees it; its `can` flags are the rules the use cases enforce. */
export function toGuidance(ctx: Ctx, g: GuidanceRequestsTable): GuidanceView {
  const a = ctx.actor;
  const s = guidanceSubject(ctx, g);
  return {
    id: g.id,
    number: g.number,
    topic: g.topic,
    question: g.question,
    routedTo: g.routed_to,
    status: g.status,
    answer: g.answer,
    answeredBy: g.answered_by_label,
    answeredAt: g.answered_at,
    faq: g.published_at
      ? { question: g.faq_question, answer: g.faq_answer, publishedAt: g.published_at }
      : null,
    createdAt: g.created_at,
    isMine: s.isAsker,
    can: {
      answer: can(a, "guidance.answer", s),
      escalate: can(a, "guidance.escalate", s),
      publish: can(a, "guidance.publish", s),
    },
  };
}

export const getGuidance = async (ctx: Ctx, id: string): Promise<GuidanceView> =>
  toGuidance(ctx, await loadGuidance(ctx, id));

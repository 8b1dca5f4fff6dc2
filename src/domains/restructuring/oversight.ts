import type { Ctx } from "../../kernel/context.ts";
import { notFound } from "../../kernel/errors.ts";
import { investorOfActor, loadOffering } from "./offerings.ts";
import { authorize, seesAll } from "./policy.ts";

export async function readable(ctx: Ctx, offeringId: string) {
  authorize(ctx.actor, "offering.read");
  const o = await loadOffering(ctx, offeringId);
  if (!seesAll(ctx.actor) && !(await investorOfActor(ctx, offeringId))) throw notFound("The offering");
  return o;
}

export type { ConditionView, TerminationView } from "./views.ts";

import type { Ctx } from "../../kernel/context.ts";
import { notFound } from "../../kernel/errors.ts";
import { rxDb } from "./db.ts";
import { investorOfActor } from "./offerings.ts";
import { authorize, seesAll } from "./policy.ts";
import type { VoteView } from "./views.ts";
import { view } from "./votes.ts";

export async function listVotes(ctx: Ctx, offeringId: string): Promise<VoteView[]> {
  authorize(ctx.actor, "offering.read");
  if (!seesAll(ctx.actor) && !(await investorOfActor(ctx, offeringId))) throw notFound("The offering");
  const rows = await rxDb(ctx)
    .selectFrom("rx_votes")
    .select("id")
    .where("offering_id", "=", offeringId)
    .orderBy("created_at", "desc")
    .execute();
  return Promise.all(rows.map((r) => view(ctx, r.id)));
}

import { isoToday } from "../../kernel/clock.ts";
import type { Ctx } from "../../kernel/context.ts";
import { computeDeadlines } from "./deadlines.ts";
import { readable } from "./oversight.ts";
import type { Facts } from "./schemas.ts";
import type { Deadline } from "./views.ts";

export async function getDeadlines(ctx: Ctx, offeringId: string): Promise<Deadline[]> {
  const o = await readable(ctx, offeringId);
  return computeDeadlines(JSON.parse(o.facts) as Facts, isoToday(ctx.clock));
}

import type { Ctx } from "../../kernel/context.ts";
import { authorize } from "./policy.ts";
import type { ScreenOneInput } from "./schemas.ts";
import { index, presentMatch, query } from "./screen-names.ts";
import type { screenOneView, View } from "./views.ts";

/**
 * Screens one name against the current lists, or those a legal entity screens (no record is kept:
 * ad-hoc checks); each match names its list and whether it is a sanction, a PEP or an ownership block.
 */
export async function screenOne(ctx: Ctx, input: ScreenOneInput): Promise<View<typeof screenOneView>> {
  authorize(ctx.actor, "screening.screen");
  const { list, sources, versionId } = await index(ctx, input.legalEntityId);
  return {
    listVersionId: versionId,
    matches: list
      .screen(query(input), { threshold: input.threshold, limit: input.limit, sources })
      .map(presentMatch),
  };
}

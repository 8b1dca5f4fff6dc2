import type { Ctx } from "../../kernel/context.ts";
import { authorize } from "./policy.ts";
import type { ScreenOneInput } from "./schemas.ts";
import { index, query } from "./screen-names.ts";
import type { screenOneView, View } from "./views.ts";

/** Screens one name against the current list (no record is kept: ad-hoc checks). */
export async function screenOne(ctx: Ctx, input: ScreenOneInput): Promise<View<typeof screenOneView>> {
  authorize(ctx.actor, "screening.screen");
  const list = await index(ctx);
  return {
    listVersionId: list.versionId,
    matches: list.index.screen(query(input), { threshold: input.threshold, limit: input.limit }),
  };
}

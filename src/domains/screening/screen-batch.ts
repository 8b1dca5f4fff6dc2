import type { Ctx } from "../../kernel/context.ts";
import { authorize } from "./policy.ts";
import type { ScreenBatchInput } from "./schemas.ts";
import { index, query } from "./screen-names.ts";
import type { screenBatchView, View } from "./views.ts";

/** Screens up to 10,000 names in one request; results in input order. */
export async function screenBatch(ctx: Ctx, input: ScreenBatchInput): Promise<View<typeof screenBatchView>> {
  authorize(ctx.actor, "screening.screen");
  const { list, sources, versionId } = await index(ctx, input.legalEntityId);
  return {
    listVersionId: versionId,
    results: input.names.map((n, i) => ({
      id: n.id ?? String(i + 1),
      matches: list
        .screen(query(n), { threshold: input.threshold, limit: input.limit, sources })
        .map((h) => ({
          entityId: h.entityId,
          listSource: h.source,
          kind: h.entry.ownership ? ("ownership" as const) : h.kind,
          name: h.name,
          matchedName: h.matchedName,
          score: h.score,
          summary: h.explanation.summary,
        })),
    })),
  };
}

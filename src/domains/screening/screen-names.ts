import type { Ctx } from "../../kernel/context.ts";
import { conflict } from "../../kernel/errors.ts";
import { currentList } from "./list-cache.ts";
import type { PartyType } from "./matcher/name-index.ts";
import { authorize } from "./policy.ts";
import type { ScreenBatchInput, ScreenOneInput } from "./schemas.ts";
import type { screenBatchView, screenOneView, View } from "./views.ts";

type Name = Omit<ScreenOneInput, "threshold" | "limit">;

async function index(ctx: Ctx) {
  const list = await currentList(ctx);
  if (!list) throw conflict("No sanctions list has been imported yet: import OFAC's SDN files first.");
  return list;
}

const query = (n: Name) => ({
  name: n.name,
  type: (n.type ?? null) as PartyType | null,
  country: n.country ?? null,
  dateOfBirth: n.dateOfBirth ?? null,
  identifiers: n.identifiers ?? [],
});

/** Screens one name against the current list (no record is kept: ad-hoc checks). */
export async function screenOne(ctx: Ctx, input: ScreenOneInput): Promise<View<typeof screenOneView>> {
  authorize(ctx.actor, "screening.screen");
  const list = await index(ctx);
  return {
    listVersionId: list.versionId,
    matches: list.index.screen(query(input), { threshold: input.threshold, limit: input.limit }),
  };
}

/** Screens up to 10,000 names in one request; results in input order. */
export async function screenBatch(ctx: Ctx, input: ScreenBatchInput): Promise<View<typeof screenBatchView>> {
  authorize(ctx.actor, "screening.screen");
  const list = await index(ctx);
  return {
    listVersionId: list.versionId,
    results: input.names.map((n, i) => ({
      id: n.id ?? String(i + 1),
      matches: list.index.screen(query(n), { threshold: input.threshold, limit: input.limit }).map((h) => ({
        entityId: h.entityId,
        name: h.name,
        matchedName: h.matchedName,
        score: h.score,
        summary: h.explanation.summary,
      })),
    })),
  };
}

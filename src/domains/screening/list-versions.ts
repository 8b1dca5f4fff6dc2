import type { Ctx } from "../../kernel/context.ts";
import { screeningDb } from "./db.ts";
import { toVersion } from "./import-list.ts";
import { authorize, screeningAbilities } from "./policy.ts";
import type { listVersionsView, View } from "./views.ts";

export async function listVersions(ctx: Ctx): Promise<View<typeof listVersionsView>> {
  authorize(ctx.actor, "screening.read");
  const rows = await screeningDb(ctx)
    .selectFrom("screening_list_versions")
    .selectAll()
    .orderBy("seq", "desc")
    .execute();
  return { items: rows.map(toVersion), can: screeningAbilities(ctx.actor) };
}

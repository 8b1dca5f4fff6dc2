import { record } from "../../kernel/audit.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { enqueue } from "../../kernel/jobs.ts";
import { putSetting } from "../../kernel/settings.ts";
import { ENABLED_LISTS_KEY, getEnabledLists, listsOf } from "./enabled-lists.ts";
import { checkLegalEntities, legalEntities } from "./legal-entities.ts";
import { LIST_SOURCES } from "./lists/list-sources.ts";
import { listLabel } from "./lists/read-list.ts";
import { authorize, screeningAbilities } from "./policy.ts";
import type { EnabledListsInput } from "./schemas.ts";
import type { enabledListsView, View } from "./views.ts";

/** The lists, and which of them each legal entity screens against (COC-18.1). */
export async function getEnabledListsView(ctx: Ctx): Promise<View<typeof enabledListsView>> {
  authorize(ctx.actor, "screening.read");
  const setting = await getEnabledLists(ctx);
  return {
    lists: LIST_SOURCES.map((source) => ({ source, label: listLabel(source) })),
    legalEntities: (await legalEntities(ctx)).map((e) => ({
      id: e.id,
      name: e.name,
      country: e.country,
      lists: listsOf(setting, e.id),
      isChosen: !!setting[e.id],
    })),
    can: screeningAbilities(ctx.actor),
  };
}

/**
 * Chooses the lists each legal entity screens against: an EU subsidiary the EU and UN lists, the
 * US parent all of them. Every counterparty whose lists change is screened again by the
 * `screening.rescreen` job (its last screening no longer covers its current lists).
 */
export async function updateEnabledLists(
  ctx: Ctx,
  input: EnabledListsInput,
): Promise<View<typeof enabledListsView>> {
  authorize(ctx.actor, "list.import");
  return withTransaction(ctx, async (tx) => {
    await checkLegalEntities(tx, Object.keys(input.byLegalEntity), "byLegalEntity");
    const before = await getEnabledLists(tx);
    const after = Object.fromEntries(
      Object.entries(input.byLegalEntity).map(([id, lists]) => [
        id,
        LIST_SOURCES.filter((s) => lists.includes(s)),
      ]),
    );
    await putSetting(tx, ENABLED_LISTS_KEY, after);
    await record(tx, "screening.lists.enable", { type: "setting", id: ENABLED_LISTS_KEY }, { before, after });
    await enqueue(tx, "screening.rescreen", { reason: "enabled lists changed" }, { maxAttempts: 3 });
    return getEnabledListsView(tx);
  });
}

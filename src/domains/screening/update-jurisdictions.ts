import { record } from "../../kernel/audit.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { putSetting } from "../../kernel/settings.ts";
import { authorize } from "./policy.ts";
import { getJurisdictions, JURISDICTIONS_KEY, type Jurisdiction } from "./rules.ts";
import type { jurisdictionsView, View } from "./views.ts";

/**
 * Replaces the comprehensively sanctioned jurisdictions (COC-18.2): configuration, because the
 * list changes with US policy. Transactions are checked against it when approved.
 */
export async function updateJurisdictions(
  ctx: Ctx,
  list: Jurisdiction[],
): Promise<View<typeof jurisdictionsView>> {
  authorize(ctx.actor, "export.manage");
  return withTransaction(ctx, async (tx) => {
    const before = await getJurisdictions(tx);
    await putSetting(tx, JURISDICTIONS_KEY, list);
    await record(
      tx,
      "screening.jurisdictions.update",
      { type: "setting", id: JURISDICTIONS_KEY },
      { before, after: list },
    );
    return list;
  });
}

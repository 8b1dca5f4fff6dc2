import type { Ctx } from "../../kernel/context.ts";
import { load } from "./counterparties.ts";
import { screeningDb } from "./db.ts";
import { screenCounterparty, type Trigger } from "./screen-counterparty.ts";

/**
 * Screens again every counterparty owned, directly or through others, by `ownerId`: when a party
 * becomes blocked (or stops being), what it owns may become blocked by ownership (50 % rule).
 */
export async function rescreenOwned(ctx: Ctx, ownerId: string, trigger: Trigger): Promise<void> {
  const db = screeningDb(ctx);
  const done = new Set<string>([ownerId]);
  let frontier = [ownerId];
  while (frontier.length) {
    const owned = await db
      .selectFrom("screening_ownerships")
      .select("counterparty_id")
      .where("owner_counterparty_id", "in", frontier)
      .execute();
    frontier = [...new Set(owned.map((o) => o.counterparty_id))].filter((id) => !done.has(id));
    for (const id of frontier) {
      done.add(id);
      await screenCounterparty(ctx, await load(ctx, id), trigger);
    }
  }
}

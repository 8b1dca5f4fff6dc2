import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict } from "../../kernel/errors.ts";
import { discDb } from "./db.ts";
import { getHold } from "./get-hold.ts";
import { authorizeManage, checkPeople, loadHold, noticeCustodians } from "./hold-work.ts";
import { custodiansInput } from "./schemas.ts";
import { parseInput } from "./support.ts";
import type { HoldView } from "./views.ts";

export async function addCustodians(
  ctx: Ctx,
  id: string,
  raw: { custodianIds: string[] },
): Promise<HoldView> {
  authorizeManage(ctx);
  const input = parseInput(custodiansInput, raw);
  return withTransaction(ctx, async (tx) => {
    const hold = await loadHold(tx, id);
    if (hold.status !== "active") throw conflict("The hold is released; issue a new one.");
    const ids = await checkPeople(tx, input.custodianIds);
    const existing = new Set(
      (
        await discDb(tx)
          .selectFrom("legal_hold_custodians")
          .select("person_id")
          .where("hold_id", "=", id)
          .execute()
      ).map((r) => r.person_id),
    );
    const now = isoNow(tx.clock);
    const added = ids.filter((p) => !existing.has(p));
    await noticeCustodians(tx, hold, added, now);
    await record(tx, "legal_hold.custodians", { type: "legal_hold", id }, { added: added.length });
    return getHold(tx, id);
  });
}

import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict } from "../../kernel/errors.ts";
import { discDb } from "./db.ts";
import { getHold } from "./get-hold.ts";
import { holdHref, loadHold } from "./hold-work.ts";
import { authorize } from "./policy.ts";
import { closeTasks, signedIn } from "./support.ts";
import type { HoldView } from "./views.ts";

/** A custodian acknowledges the notice (their own, for each notice and re-notice). */
export async function acknowledgeHold(ctx: Ctx, id: string): Promise<HoldView> {
  const me = signedIn(ctx, "acknowledge a legal hold");
  return withTransaction(ctx, async (tx) => {
    const hold = await loadHold(tx, id);
    const mine = await discDb(tx)
      .selectFrom("legal_hold_custodians")
      .selectAll()
      .where("hold_id", "=", id)
      .where("person_id", "=", me.personId ?? "")
      .executeTakeFirst();
    authorize(tx.actor, "legal_hold.acknowledge", {
      status: hold.status,
      isCustodian: mine !== undefined,
      acknowledged: Boolean(mine?.acknowledged_at),
    });
    if (hold.status !== "active") throw conflict("The hold is released; there is nothing to acknowledge.");
    if (!mine || mine.acknowledged_at) return getHold(tx, id);
    await discDb(tx)
      .updateTable("legal_hold_custodians")
      .set({ acknowledged_at: isoNow(tx.clock) })
      .where("hold_id", "=", id)
      .where("person_id", "=", mine.person_id)
      .execute();
    await closeTasks(tx, holdHref(id), { kinds: ["disclosures.hold.acknowledge"], userId: me.userId });
    await record(tx, "legal_hold.acknowledge", { type: "legal_hold", id }, { personId: mine.person_id });
    return getHold(tx, id);
  });
}

import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict } from "../../kernel/errors.ts";
import { discDb } from "./db.ts";
import { getHold } from "./get-hold.ts";
import { authorizeManage, holdHref, loadHold } from "./hold-work.ts";
import { releaseInput } from "./schemas.ts";
import { closeTasks, mailTo, parseInput, userOfPerson } from "./support.ts";
import type { HoldView } from "./views.ts";

export async function releaseHold(ctx: Ctx, id: string, raw: { note: string }): Promise<HoldView> {
  authorizeManage(ctx);
  const { note } = parseInput(releaseInput, raw);
  return withTransaction(ctx, async (tx) => {
    const hold = await loadHold(tx, id);
    if (hold.status !== "active") throw conflict("The hold is already released.");
    const now = isoNow(tx.clock);
    await discDb(tx)
      .updateTable("legal_holds")
      .set({ status: "released", released_at: now, released_by_label: ctx.actor.label, release_note: note })
      .where("id", "=", id)
      .execute();
    await closeTasks(tx, holdHref(id));
    const custodians = await discDb(tx)
      .selectFrom("legal_hold_custodians")
      .select("person_id")
      .where("hold_id", "=", id)
      .execute();
    for (const c of custodians) {
      const user = await userOfPerson(tx, c.person_id);
      if (user)
        await mailTo(
          tx,
          [user],
          `Legal hold ${hold.number} released`,
          `The Legal Department released legal hold ${hold.number} (${hold.matter}). Your records return to the normal retention policy (COC-15.1).`,
        );
    }
    await record(tx, "legal_hold.release", { type: "legal_hold", id }, { note });
    return getHold(tx, id);
  });
}

import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { newId } from "../../kernel/ids.ts";
import { discDb } from "./db.ts";
import { getHold } from "./get-hold.ts";
import { authorizeManage, checkCases, checkPeople, DAY, noticeCustodians } from "./hold-work.ts";
import { type HoldInput, holdInput } from "./schemas.ts";
import { nextNumber, parseInput } from "./support.ts";
import type { HoldView } from "./views.ts";

/** Legal issues a hold: matter, scope, custodians from the directory, covered speak-up cases (COC-15.1). */
export async function issueHold(ctx: Ctx, raw: HoldInput): Promise<HoldView> {
  authorizeManage(ctx);
  const input = parseInput(holdInput, raw);
  return withTransaction(ctx, async (tx) => {
    const custodians = await checkPeople(tx, input.custodianIds);
    const cases = await checkCases(tx, input.caseIds);
    const id = newId();
    const now = isoNow(tx.clock);
    const number = await nextNumber(tx, "legal_holds", "LH");
    const hold = { id, number, matter: input.matter, scope: input.scope };
    await discDb(tx)
      .insertInto("legal_holds")
      .values({
        id,
        number,
        matter: input.matter,
        scope: input.scope,
        status: "active",
        reminder_days: input.reminderDays,
        renotice_days: input.renoticeDays,
        next_renotice_at: new Date(tx.clock.now().getTime() + input.renoticeDays * DAY).toISOString(),
        issued_by_label: ctx.actor.label,
        issued_at: now,
        released_by_label: null,
        released_at: null,
        release_note: null,
      })
      .execute();
    await noticeCustodians(tx, hold, custodians, now);
    for (const caseId of cases)
      await discDb(tx).insertInto("legal_hold_cases").values({ hold_id: id, case_id: caseId }).execute();
    await record(
      tx,
      "legal_hold.issue",
      { type: "legal_hold", id },
      { number, custodians: custodians.length, cases: cases.length },
    );
    return getHold(tx, id);
  });
}

import { record } from "../../kernel/audit.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { discDb } from "./db.ts";
import { DAY, notice } from "./hold-work.ts";
import { mailTo, userOfPerson } from "./support.ts";

/**
 * The `disclosures.holds` job: reminds custodians who have not acknowledged, every
 * `reminder_days`, and sends the periodic re-notice (which must be acknowledged again).
 */
export async function remindCustodians(ctx: Ctx): Promise<{ reminded: number; renoticed: number }> {
  return withTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const nowIso = now.toISOString();
    const db = discDb(tx);
    let renoticed = 0;
    const due = await db
      .selectFrom("legal_holds")
      .selectAll()
      .where("status", "=", "active")
      .where("next_renotice_at", "<=", nowIso)
      .execute();
    for (const h of due) {
      const custodians = await db
        .selectFrom("legal_hold_custodians")
        .selectAll()
        .where("hold_id", "=", h.id)
        .execute();
      for (const c of custodians) {
        await notice(tx, h, c.person_id, true);
        await db
          .updateTable("legal_hold_custodians")
          .set({
            acknowledged_at: null,
            notified_at: nowIso,
            last_reminded_at: null,
            notices_sent: c.notices_sent + 1,
          })
          .where("hold_id", "=", h.id)
          .where("person_id", "=", c.person_id)
          .execute();
        renoticed += 1;
      }
      await db
        .updateTable("legal_holds")
        .set({ next_renotice_at: new Date(now.getTime() + h.renotice_days * DAY).toISOString() })
        .where("id", "=", h.id)
        .execute();
      await record(
        tx,
        "legal_hold.renotice",
        { type: "legal_hold", id: h.id },
        { custodians: custodians.length },
      );
    }
    const pending = await db
      .selectFrom("legal_hold_custodians as c")
      .innerJoin("legal_holds as h", "h.id", "c.hold_id")
      .select([
        "c.hold_id",
        "c.person_id",
        "c.notified_at",
        "c.last_reminded_at",
        "c.reminders_sent",
        "h.reminder_days",
        "h.number",
        "h.matter",
        "h.scope",
      ])
      .where("h.status", "=", "active")
      .where("c.acknowledged_at", "is", null)
      .execute();
    let reminded = 0;
    for (const c of pending) {
      const last = new Date(c.last_reminded_at ?? c.notified_at).getTime();
      if (now.getTime() - last < c.reminder_days * DAY) continue;
      const user = await userOfPerson(tx, c.person_id);
      if (user)
        await mailTo(
          tx,
          [user],
          `Reminder: acknowledge legal hold ${c.number}`,
          `You have not acknowledged legal hold ${c.number} (${c.matter}) yet. Preserve your records and acknowledge the notice in Probity (COC-15.1).`,
        );
      await db
        .updateTable("legal_hold_custodians")
        .set({ last_reminded_at: nowIso, reminders_sent: c.reminders_sent + 1 })
        .where("hold_id", "=", c.hold_id)
        .where("person_id", "=", c.person_id)
        .execute();
      reminded += 1;
    }
    if (reminded) await record(tx, "legal_hold.remind", null, { reminded });
    return { reminded, renoticed };
  });
}

import { record } from "../../kernel/audit.ts";
import { addCalendarDays } from "../../kernel/calendar.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { addEvent, conflictHref, move, notifyReviewers } from "./conflict-work.ts";
import { discDb, todayOf } from "./db.ts";
import { openTask, userOfPerson } from "./support.ts";

/** Approvals whose review date has come go back for review (the `disclosures.conflicts.expire` job). */
export async function expireConflictApprovals(ctx: Ctx): Promise<number> {
  return withTransaction(ctx, async (tx) => {
    const today = todayOf(tx);
    const due = await discDb(tx)
      .selectFrom("conflict_disclosures")
      .select(["id", "status", "version", "number", "discloser_person_id"])
      .where("status", "in", ["approved", "approved_mitigated"])
      .where("review_date", "<=", today)
      .execute();
    for (const d of due) {
      await move(tx, d.id, d.status, "disclosed", {
        version: d.version + 1,
        reapproval_reason: "expired",
        decision: null,
      });
      await addEvent(tx, d.id, {
        kind: "transition",
        role: "system",
        from: d.status,
        to: "disclosed",
        body: "The approval reached its review date and comes back for review (COC-6.3).",
      });
      const user = await userOfPerson(tx, d.discloser_person_id);
      if (user)
        await openTask(tx, {
          userId: user.userId,
          kind: "disclosures.conflict.confirm",
          title: `Your approved conflict ${d.number} is due for review: confirm or update it`,
          href: conflictHref(d.id),
          dueAt: `${addCalendarDays(today, 14)}T23:59:59.000Z`,
        });
      await notifyReviewers(tx, d.id);
      await record(
        tx,
        "conflict.expire",
        { type: "conflict_disclosure", id: d.id },
        { version: d.version + 1 },
      );
    }
    return due.length;
  });
}

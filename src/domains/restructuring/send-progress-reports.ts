// Conditions precedent, deadlines, termination events, use of proceeds and progress reports:
// the read-and-record use cases around the allocation.
import { record } from "../../kernel/audit.ts";
import { isoNow, isoToday } from "../../kernel/clock.ts";
import { type Ctx, systemActor, withTransaction } from "../../kernel/context.ts";
import { newId } from "../../kernel/ids.ts";
import { queueMail } from "../../kernel/mail.ts";
import { col, int, rxDb } from "./db.ts";
import { progressReportReason } from "./deadlines.ts";

/**
 * The `restructuring.progress` job (ECA-9(g)): on each Friday of the exercise period and each of
 * its last 5 business days, tells the investors how many rights had been exercised by the close of
 * the preceding day. Once per offering and date, however often the job runs.
 */
export async function sendProgressReports(ctx: Ctx): Promise<number> {
  const date = isoToday(ctx.clock);
  const db = rxDb(ctx);
  const offerings = await db
    .selectFrom("rx_offerings")
    .select(["id", "name", "exercise_start", "exercise_end"])
    .where("exercise_start", "<=", date)
    .where("exercise_end", ">=", date)
    .execute();
  let sent = 0;
  for (const o of offerings) {
    const reason = progressReportReason(date, o.exercise_start, o.exercise_end);
    if (!reason) continue;
    await withTransaction({ ...ctx, actor: systemActor("progress reports") }, async (tx) => {
      const t = rxDb(tx);
      const done = await t
        .selectFrom("rx_progress_reports")
        .select("id")
        .where("offering_id", "=", o.id)
        .where("report_date", "=", date)
        .executeTakeFirst();
      if (done) return;
      const s = await t
        .selectFrom("rx_holders")
        .select((eb) => [
          eb.fn
            .sum<string | number | null>(
              eb
                .case()
                .when("elected_at", "<", `${date}T00:00:00.000Z`)
                .then(eb.ref("exercised"))
                .else(0)
                .end(),
            )
            .as("exercised"),
          eb.fn.sum<string | number | null>("rights").as("rights"),
        ])
        .where("offering_id", "=", o.id)
        .executeTakeFirstOrThrow();
      const id = newId();
      const now = isoNow(tx.clock);
      await t
        .insertInto("rx_progress_reports")
        .values({
          id,
          offering_id: o.id,
          report_date: date,
          reason,
          rights_exercised: col(int(s.exercised)),
          rights_total: col(int(s.rights)),
          sent_at: now,
        })
        .execute();
      const users = await t
        .selectFrom("rx_investor_users as u")
        .innerJoin("rx_investors as i", "i.id", "u.investor_id")
        .innerJoin("users", "users.id", "u.user_id")
        .select("users.email")
        .where("i.offering_id", "=", o.id)
        .execute();
      for (const u of users)
        await queueMail(tx, {
          to: u.email,
          subject: `Rights exercised: ${o.name} (${date})`,
          text: `As of the close of business on the preceding day, ${int(s.exercised).toLocaleString("en-US")} of ${int(s.rights).toLocaleString("en-US")} rights had been exercised in ${o.name}. Sent on ${reason}.`,
        });
      await record(
        tx,
        "progress.report",
        { type: "offering", id: o.id },
        { date, exercised: int(s.exercised) },
      );
      sent += 1;
    });
  }
  return sent;
}

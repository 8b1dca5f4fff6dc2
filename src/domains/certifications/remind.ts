import { sql } from "kysely";
import { record } from "../../kernel/audit.ts";
import { addCalendarDays } from "../../kernel/calendar.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { certDb, todayOf } from "./db.ts";
import { escalateOverdue, mailAssignees } from "./notify.ts";

/** Reminder days relative to the due date: 7 days and 1 day before, on the day, then weekly. */
export const REMINDER_OFFSETS = [-7, -1, 0] as const;
export const WEEKLY_AFTER_DUE = 7;

/** The latest reminder date on or before `today` for an assignment due on `due` (null: none yet). */
export function latestReminderDate(due: string, today: string): string | null {
  if (today > due) {
    const overdueDays = Math.round(
      (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / 86_400_000,
    );
    return addCalendarDays(due, Math.floor(overdueDays / WEEKLY_AFTER_DUE) * WEEKLY_AFTER_DUE);
  }
  let latest: string | null = null;
  for (const offset of REMINDER_OFFSETS) {
    const day = addCalendarDays(due, offset);
    if (day <= today) latest = day;
  }
  return latest;
}

function wording(due: string, day: string) {
  if (day < due) {
    const left = Math.round((Date.parse(due) - Date.parse(day)) / 86_400_000);
    return {
      subject: `Reminder: your Certificate of Compliance is due in ${left} day${left === 1 ? "" : "s"}`,
      when: `is due on ${due}`,
    };
  }
  if (day === due)
    return { subject: "Reminder: your Certificate of Compliance is due today", when: "is due today" };
  return {
    subject: "Overdue: your Certificate of Compliance",
    when: `was due on ${due} and is overdue; your supervisor has been informed`,
  };
}

/**
 * The `certification.remind` job: for every active campaign, sends the reminder each pending
 * assignment has reached (at most one per run, set-based per due date) and escalates the overdue
 * ones to their supervisors once.
 */
export async function sendReminders(ctx: Ctx): Promise<{ reminded: number; escalated: number }> {
  return withTransaction(ctx, async (tx) => {
    const db = certDb(tx);
    const today = todayOf(tx);
    const campaigns = await db
      .selectFrom("cert_campaigns")
      .select(["id", "title"])
      .where("status", "=", "active")
      .execute();
    let reminded = 0;
    let escalated = 0;
    for (const c of campaigns) {
      const groups = await db
        .selectFrom("cert_assignments")
        .select("due_date")
        .distinct()
        .where("campaign_id", "=", c.id)
        .where("status", "=", "pending")
        .execute();
      let campaignReminded = 0;
      for (const { due_date: due } of groups) {
        const day = latestReminderDate(due, today);
        if (!day) continue;
        const where = sql`a.due_date = ${due} and (a.last_reminder_on is null or a.last_reminder_on < ${day})`;
        const w = wording(due, day);
        campaignReminded += await mailAssignees(tx, {
          campaignId: c.id,
          where,
          stage: `r${day}`,
          subject: w.subject,
          body: `Your Certificate of Compliance "${c.title}" ${w.when}. Sign in to Probity and open Certifications > My certificates to sign it (COC-23.2).\n\nThe Compliance Office`,
        });
        await sql`update cert_assignments set last_reminder_on = ${day}, reminders_sent = reminders_sent + 1
          where campaign_id = ${c.id} and status = 'pending' and due_date = ${due}
            and (last_reminder_on is null or last_reminder_on < ${day})`.execute(tx.db);
      }
      const campaignEscalated = await escalateOverdue(tx, { campaignId: c.id, title: c.title, today });
      if (campaignReminded || campaignEscalated) {
        await record(
          tx,
          "certification.remind",
          { type: "cert_campaign", id: c.id },
          { reminded: campaignReminded, escalated: campaignEscalated, on: today },
        );
      }
      reminded += campaignReminded;
      escalated += campaignEscalated;
    }
    return { reminded, escalated };
  });
}

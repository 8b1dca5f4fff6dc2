import { isoNow } from "../../kernel/clock.ts";
import type { Ctx } from "../../kernel/context.ts";
import { queueMail } from "../../kernel/mail.ts";
import { closeTasks, ensureTask } from "../../kernel/tasks.ts";
import { activeUsersInRole, recipients } from "../people/index.ts";
import { committeeCompliance } from "./compliance.ts";
import { yearOf } from "./dates.ts";
import { committeesDb } from "./db.ts";
import { ensureDuties, listDuties } from "./duties.ts";
import { today } from "./load.ts";
import type { CommitteesTable } from "./tables.ts";

/** How long before its due date a yearly duty becomes a task. */
export const DUTY_NOTICE_DAYS = 30;

export type AlertTask = { title: string; dueAt: string | null };

const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * What needs someone to act on one committee today: the compliance alerts (CC-1, CC-2, CC-3,
 * CC-20 breaches and the CC-4 meeting shortfall), the year's duties due within
 * DUTY_NOTICE_DAYS or overdue (CC-10 … CC-23), and adjourned meetings whose minutes the committee
 * has not approved (CC-6). A title is stable while the problem lasts, so it identifies the task.
 */
export async function committeeAlertTasks(ctx: Ctx, committee: CommitteesTable): Promise<AlertTask[]> {
  const date = today(ctx);
  const compliance = await committeeCompliance(ctx, committee, date);
  const tasks: AlertTask[] = compliance.alerts.map((a) => ({ title: a.message, dueAt: null }));
  const year = yearOf(date);
  await ensureDuties(ctx, committee.id, year);
  const horizon = addDays(date, DUTY_NOTICE_DAYS);
  for (const d of await listDuties(ctx, committee, year, date)) {
    if (d.status === "done" || d.dueDate > horizon) continue;
    tasks.push({
      title: `${d.rule}: ${d.title} — a yearly duty of the ${committee.name}, due ${d.dueDate}.`,
      dueAt: `${d.dueDate}T23:59:59.000Z`,
    });
  }
  const unapproved = await committeesDb(ctx)
    .selectFrom("committee_meetings as m")
    .leftJoin("meeting_minutes as n", "n.meeting_id", "m.id")
    .select(["m.title", "m.starts_at"])
    .where("m.committee_id", "=", committee.id)
    .where("m.status", "=", "adjourned")
    .where((eb) => eb.or([eb("n.id", "is", null), eb("n.status", "in", ["draft", "circulated"])]))
    .orderBy("m.starts_at")
    .execute();
  for (const m of unapproved)
    tasks.push({
      title: `CC-6: the minutes of ${m.title} (${m.starts_at.slice(0, 10)}) are not yet approved by the ${committee.name}.`,
      dueAt: null,
    });
  return tasks.map((t) => ({ ...t, title: t.title.slice(0, 500) }));
}

/** The committees a person currently serves on. */
async function committeesOf(ctx: Ctx, personId: string): Promise<string[]> {
  const date = today(ctx);
  const rows = await committeesDb(ctx)
    .selectFrom("committee_members")
    .select("committee_id")
    .where("person_id", "=", personId)
    .where("start_date", "<=", date)
    .where((eb) => eb.or([eb("end_date", "is", null), eb("end_date", ">=", date)]))
    .execute();
  return [...new Set(rows.map((r) => r.committee_id))];
}

/**
 * Keeps "My tasks" in step with each committee's alerts: one open task per alert for the
 * Corporate Secretary and the committee's Chair, a mail when it opens, closed when the problem is
 * gone. Running it again opens nothing new, so the daily job and the use cases can both call it.
 */
export async function raiseAlertTasks(
  ctx: Ctx,
  scope: { committeeId?: string; personId?: string },
): Promise<{ opened: number; closed: number }> {
  const db = committeesDb(ctx);
  const ids = scope.committeeId ? [scope.committeeId] : await committeesOf(ctx, scope.personId ?? "");
  const secretaries = await activeUsersInRole(ctx, "corporate_secretary");
  let opened = 0;
  let closed = 0;
  for (const id of ids) {
    const committee = await db.selectFrom("committees").selectAll().where("id", "=", id).executeTakeFirst();
    if (!committee) continue;
    const date = today(ctx);
    const chairs = await db
      .selectFrom("committee_members as m")
      .select("m.person_id")
      .where("m.committee_id", "=", id)
      .where("m.is_chair", "=", 1)
      .where("m.start_date", "<=", date)
      .where((eb) => eb.or([eb("m.end_date", "is", null), eb("m.end_date", ">=", date)]))
      .execute();
    // The chairs' enabled accounts, through people (issue 13: one owner per table).
    const chairUsers = await recipients(ctx, { personIds: chairs.map((c) => c.person_id) });
    const assignees = new Map([
      ...secretaries.map((u): [string, string] => [u.id, u.email]),
      ...chairUsers.map((u): [string, string] => [u.userId, u.email]),
    ]);
    const href = `/committees/${id}`;
    const wanted = await committeeAlertTasks(ctx, committee);
    const titles = new Set(wanted.map((t) => t.title));
    const open = await ctx.db
      .selectFrom("tasks")
      .select(["id", "assignee_user_id", "title"])
      .where("kind", "=", "committee.alert")
      .where("href", "=", href)
      .where("status", "=", "open")
      .execute();
    const now = isoNow(ctx.clock);
    const stale = open.filter((t) => !titles.has(t.title)).map((t) => t.id);
    if (stale.length) await closeTasks(ctx, { ids: stale }, now);
    closed += stale.length;
    for (const task of wanted) {
      for (const [user, email] of assignees) {
        if (open.some((t) => t.assignee_user_id === user && t.title === task.title)) continue;
        await ensureTask(
          ctx,
          { userId: user, kind: "committee.alert", title: task.title, href, dueAt: task.dueAt },
          { dedupe: "none" },
        );
        opened++;
        await queueMail(ctx, {
          to: email,
          subject: `${committee.name}: ${task.title.slice(0, 150)}`,
          text: `${task.title}\n\nOpen the committee in Probity: ${href}\n\nThis task closes by itself once the records show the matter resolved.`,
        });
      }
    }
  }
  return { opened, closed };
}

import { isoNow } from "../../kernel/clock.ts";
import type { Ctx } from "../../kernel/context.ts";
import { newId } from "../../kernel/ids.ts";
import { committeeCompliance } from "./compliance.ts";
import { committeesDb } from "./db.ts";
import { today } from "./load.ts";

/**
 * Keeps "My tasks" in step with the compliance alerts of the committees concerned: an open task
 * for the Corporate Secretary and the committee's Chair per breach, closed when the breach is gone.
 */
export async function raiseAlertTasks(
  ctx: Ctx,
  scope: { committeeId?: string; personId?: string },
): Promise<void> {
  const db = committeesDb(ctx);
  let ids: string[];
  if (scope.committeeId) ids = [scope.committeeId];
  else {
    const date = today(ctx);
    const rows = await db
      .selectFrom("committee_members")
      .select("committee_id")
      .where("person_id", "=", scope.personId ?? "")
      .where("start_date", "<=", date)
      .where((eb) => eb.or([eb("end_date", "is", null), eb("end_date", ">=", date)]))
      .execute();
    ids = [...new Set(rows.map((r) => r.committee_id))];
  }
  const secretaries = await db
    .selectFrom("users as u")
    .innerJoin("user_roles as r", "r.user_id", "u.id")
    .select("u.id")
    .where("r.role", "=", "corporate_secretary")
    .where("u.disabled", "=", 0)
    .execute();
  for (const id of ids) {
    const committee = await db.selectFrom("committees").selectAll().where("id", "=", id).executeTakeFirst();
    if (!committee) continue;
    const compliance = await committeeCompliance(ctx, committee);
    const chair = compliance.members.find((m) => m.isChair);
    const chairUsers = chair
      ? await db.selectFrom("users").select("id").where("person_id", "=", chair.personId).execute()
      : [];
    const assignees = [...new Set([...secretaries, ...chairUsers].map((u) => u.id))];
    const href = `/committees/${id}`;
    const breaches = compliance.alerts
      .filter((a) => a.severity === "breach")
      .map((a) => a.message.slice(0, 500));
    const open = await ctx.db
      .selectFrom("tasks")
      .select(["id", "assignee_user_id", "title"])
      .where("kind", "=", "committee.alert")
      .where("href", "=", href)
      .where("status", "=", "open")
      .execute();
    const now = isoNow(ctx.clock);
    const stale = open.filter((t) => !breaches.includes(t.title)).map((t) => t.id);
    if (stale.length)
      await ctx.db
        .updateTable("tasks")
        .set({ status: "done", completed_at: now })
        .where("id", "in", stale)
        .execute();
    for (const title of breaches) {
      for (const user of assignees) {
        if (open.some((t) => t.assignee_user_id === user && t.title === title)) continue;
        await ctx.db
          .insertInto("tasks")
          .values({
            id: newId(),
            assignee_user_id: user,
            kind: "committee.alert",
            title,
            href,
            due_at: null,
            status: "open",
            created_at: now,
            completed_at: null,
          })
          .execute();
      }
    }
  }
}

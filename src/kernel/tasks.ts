import { isoNow } from "./clock.ts";
import type { Ctx } from "./context.ts";
import { newId } from "./ids.ts";

export type NewTask = { userId: string; kind: string; title: string; href: string; dueAt?: string | null };

export type EnsureTaskOptions = {
  /**
   * Which open task counts as "the same one": same assignee, kind and link ("link", the default);
   * the same and the same title ("title": one task per alert); or none ("none": always add).
   */
  dedupe?: "link" | "title" | "none";
  /** When the same task is open, bring its title and due date up to date (default: leave it). */
  refresh?: boolean;
};

/**
 * THE writer of the kernel's `tasks` table: adds a task unless the same one is already open;
 * true when it was added. Who receives it is decided by the caller through people's
 * `recipients` (which skips disabled accounts and applies the caller's exclusions, COC-22.2).
 */
export async function ensureTask(ctx: Ctx, t: NewTask, options: EnsureTaskOptions = {}): Promise<boolean> {
  const dedupe = options.dedupe ?? "link";
  if (dedupe !== "none") {
    let q = ctx.db
      .selectFrom("tasks")
      .select("id")
      .where("assignee_user_id", "=", t.userId)
      .where("kind", "=", t.kind)
      .where("href", "=", t.href)
      .where("status", "=", "open");
    if (dedupe === "title") q = q.where("title", "=", t.title);
    const open = await q.executeTakeFirst();
    if (open) {
      if (options.refresh)
        await ctx.db
          .updateTable("tasks")
          .set({ title: t.title, due_at: t.dueAt ?? null })
          .where("id", "=", open.id)
          .execute();
      return false;
    }
  }
  await ctx.db
    .insertInto("tasks")
    .values({
      id: newId(),
      assignee_user_id: t.userId,
      kind: t.kind,
      title: t.title,
      href: t.href,
      due_at: t.dueAt ?? null,
      status: "open",
      created_at: isoNow(ctx.clock),
      completed_at: null,
    })
    .execute();
  return true;
}

export type TaskSelector = {
  /** The tasks with these ids… */
  ids?: readonly string[];
  /** …or the tasks on this link… */
  href?: string;
  /** …of these kinds (or any)… */
  kinds?: readonly string[];
  /** …assigned to these users (or anyone). */
  userIds?: readonly string[];
};

/** Marks the open tasks a selector names done; the count closed. An empty selector closes nothing. */
export async function closeTasks(ctx: Ctx, s: TaskSelector, at = isoNow(ctx.clock)): Promise<number> {
  if (s.ids?.length === 0 || s.userIds?.length === 0) return 0;
  if (!s.ids && s.href === undefined && !s.kinds) return 0;
  let q = ctx.db.updateTable("tasks").set({ status: "done", completed_at: at }).where("status", "=", "open");
  if (s.ids) q = q.where("id", "in", [...s.ids]);
  if (s.href !== undefined) q = q.where("href", "=", s.href);
  if (s.kinds?.length) q = q.where("kind", "in", [...s.kinds]);
  if (s.userIds) q = q.where("assignee_user_id", "in", [...s.userIds]);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

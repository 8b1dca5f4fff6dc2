import { isoNow } from "./clock.ts";
import type { Ctx } from "./context.ts";
import { newId } from "./ids.ts";

export type NewTask = { userId: string; kind: string; title: string; href: string; dueAt?: string | null };

/**
 * Adds a task unless the same one (assignee, kind, link) is already open; true when it was added.
 * The one place the code written for issue 12 writes tasks; who receives them is the caller's
 * recipient function (speak-up's applies the exclusions, COC-22.2).
 */
export async function ensureTask(ctx: Ctx, t: NewTask): Promise<boolean> {
  const open = await ctx.db
    .selectFrom("tasks")
    .select("id")
    .where("assignee_user_id", "=", t.userId)
    .where("kind", "=", t.kind)
    .where("href", "=", t.href)
    .where("status", "=", "open")
    .executeTakeFirst();
  if (open) return false;
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

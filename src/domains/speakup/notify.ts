import { isoNow } from "../../kernel/clock.ts";
import type { Ctx } from "../../kernel/context.ts";
import { newId } from "../../kernel/ids.ts";
import { queueMail } from "../../kernel/mail.ts";
import { speakupDb } from "./db.ts";
import { personRef } from "./sealing.ts";
import { TEAM_ROLES, type Team } from "./vocabulary.ts";

/**
 * Who hears about a case: its assignee, or else every handler of its team; never someone named
 * in the case or marked conflicted, who must not learn that it exists.
 */
export async function caseRecipients(
  ctx: Ctx,
  c: { id: string; team: Team; assignee_user_id: string | null },
) {
  const db = speakupDb(ctx);
  let q = db.selectFrom("users as u").select(["u.id", "u.email", "u.person_id"]).where("u.disabled", "=", 0);
  q = c.assignee_user_id
    ? q.where("u.id", "=", c.assignee_user_id)
    : q.where(
        "u.id",
        "in",
        db
          .selectFrom("user_roles")
          .select("user_id")
          .where("role", "in", [...TEAM_ROLES[c.team]]),
      );
  const users = await q.execute();
  const barred = new Set(
    (
      await db
        .selectFrom("speakup_case_people")
        .select("person_ref")
        .where("case_id", "=", c.id)
        .where("role", "in", ["named", "conflicted"])
        .execute()
    ).map((r) => r.person_ref),
  );
  return users.filter(
    (u) =>
      !barred.has(personRef(ctx, u.id, "user")) && !(u.person_id && barred.has(personRef(ctx, u.person_id))),
  );
}

/** Adds a task unless the same one is already open. */
export async function ensureTask(
  ctx: Ctx,
  t: { userId: string; kind: string; title: string; href: string; dueAt?: string | null },
) {
  const db = speakupDb(ctx);
  const open = await db
    .selectFrom("tasks")
    .select("id")
    .where("assignee_user_id", "=", t.userId)
    .where("kind", "=", t.kind)
    .where("href", "=", t.href)
    .where("status", "=", "open")
    .executeTakeFirst();
  if (open) return false;
  await db
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

/** A task and an e-mail for each recipient; the e-mail carries the case number, never its content. */
export async function notifyCase(
  ctx: Ctx,
  c: { id: string; number: string; team: Team; assignee_user_id: string | null },
  n: {
    kind: string;
    title: string;
    mail?: { subject: string; text: string };
    anchor?: string;
    dueAt?: string | null;
  },
) {
  const href = `/speakup/cases/${c.id}${n.anchor ? `#${n.anchor}` : ""}`;
  for (const u of await caseRecipients(ctx, c)) {
    const added = await ensureTask(ctx, {
      userId: u.id,
      kind: n.kind,
      title: n.title,
      href,
      dueAt: n.dueAt ?? null,
    });
    if (added && n.mail) await queueMail(ctx, { to: u.email, subject: n.mail.subject, text: n.mail.text });
  }
}

import type { Ctx } from "../../kernel/context.ts";
import { queueMail } from "../../kernel/mail.ts";
import { ensureTask } from "../../kernel/tasks.ts";
import { activeRoleHoldings, activeUsersInRole, personIdsOfUsers } from "../people/index.ts";
import { speakupDb } from "./db.ts";
import { personRef } from "./sealing.ts";
import { EXCLUDED_ROLES } from "./tables.ts";
import { TEAM_ROLES, TEAMS, type Team } from "./vocabulary.ts";

type UserRow = { id: string; email: string; person_id: string | null };

/** The keyed refs of everyone kept away from the case: named, conflicted or probably named (COC-22.2). */
export async function excludedRefs(ctx: Ctx, caseId: string): Promise<Set<string>> {
  const rows = await speakupDb(ctx)
    .selectFrom("speakup_case_people")
    .select("person_ref")
    .where("case_id", "=", caseId)
    .where("role", "in", [...EXCLUDED_ROLES])
    .execute();
  return new Set(rows.map((r) => r.person_ref));
}

/** Whether a user is kept away from a case, as themselves or as the directory person they are. */
export const isExcluded = (
  ctx: Ctx,
  refs: ReadonlySet<string>,
  u: { id: string; person_id: string | null },
) =>
  refs.has(personRef(ctx, u.id, "user")) || (u.person_id !== null && refs.has(personRef(ctx, u.person_id)));

/**
 * Whether an account is kept away from a case (named, conflicted or probably named, COC-22.2): the
 * `excluding` other domains pass to people's `recipients` when a task links to a case.
 */
export async function caseExclusion(
  ctx: Ctx,
  caseId: string,
): Promise<(u: { userId: string; personId: string | null }) => boolean> {
  const refs = await excludedRefs(ctx, caseId);
  return (u) => isExcluded(ctx, refs, { id: u.userId, person_id: u.personId });
}

/**
 * THE recipient function of speak-up: the handlers of these teams who may work on the case (active,
 * neither named in it, conflicted nor probably named). Every task, e-mail, assignee list and
 * escalation goes through it, so no path can reach someone the case is about (COC-22.2, SOC-6).
 */
export async function eligibleHandlers(
  ctx: Ctx,
  caseId: string,
  teams: readonly Team[],
): Promise<(UserRow & { display_name: string; team: Team })[]> {
  if (teams.length === 0) return [];
  const rows = await activeRoleHoldings(
    ctx,
    teams.flatMap((t) => [...TEAM_ROLES[t]]),
  );
  const refs = await excludedRefs(ctx, caseId);
  const seen = new Set<string>();
  const out: (UserRow & { display_name: string; team: Team })[] = [];
  for (const u of rows) {
    if (seen.has(u.id) || isExcluded(ctx, refs, u)) continue;
    seen.add(u.id);
    const team = teams.find((t) => TEAM_ROLES[t].includes(u.role))!;
    out.push({ id: u.id, email: u.email, person_id: u.person_id, display_name: u.display_name, team });
  }
  return out;
}

/**
 * Who hears about a case: its assignee, or else every handler of its team; never someone named
 * in the case, conflicted or probably named, who must not learn that it exists. An assignee who has
 * since been excluded no longer counts: the team hears instead.
 */
export async function caseRecipients(
  ctx: Ctx,
  c: { id: string; team: Team; assignee_user_id: string | null },
): Promise<UserRow[]> {
  const team = await eligibleHandlers(ctx, c.id, [c.team]);
  const assignee = c.assignee_user_id
    ? (await eligibleHandlers(ctx, c.id, TEAMS)).find((u) => u.id === c.assignee_user_id)
    : undefined;
  return assignee ? [assignee] : team;
}

/** Removes the case's open tasks from anyone now kept away from it: a task title names the case. */
export async function withdrawExcludedTasks(ctx: Ctx, caseId: string): Promise<void> {
  const db = speakupDb(ctx);
  const href = `/speakup/cases/${caseId}`;
  const tasks = await db
    .selectFrom("tasks as t")
    .select(["t.id", "t.assignee_user_id"])
    .where((eb) => eb.or([eb("t.href", "=", href), eb("t.href", "like", `${href}#%`)]))
    .execute();
  // Each assignee's directory person, through people (issue 13: one owner per table).
  const personOf = await personIdsOfUsers(
    ctx,
    tasks.map((t) => t.assignee_user_id),
  );
  const open = tasks.flatMap((t) =>
    personOf.has(t.assignee_user_id)
      ? [{ id: t.id, user_id: t.assignee_user_id, person_id: personOf.get(t.assignee_user_id) ?? null }]
      : [],
  );
  if (open.length === 0) return;
  const refs = await excludedRefs(ctx, caseId);
  const gone = open.filter((t) => isExcluded(ctx, refs, { id: t.user_id, person_id: t.person_id }));
  if (gone.length)
    await db
      .deleteFrom("tasks")
      .where(
        "id",
        "in",
        gone.map((t) => t.id),
      )
      .execute();
}

/**
 * When a case reaches no handler at all, the administrators (except any the case is about) are
 * told that some case needs one, and nothing else: no number, category or team. They act by giving
 * a handler role to someone; the case then shows on that handler's "needs a handler" list. The
 * number is left out on purpose: an administrator cannot open the case anyway, and a number would
 * let them tie it to whatever else they see (the audit log's times, the outbox).
 */
export async function alertAdministrators(ctx: Ctx, caseId: string): Promise<number> {
  const admins = await activeUsersInRole(ctx, "admin");
  const refs = await excludedRefs(ctx, caseId);
  let alerted = 0;
  for (const u of admins) {
    if (isExcluded(ctx, refs, u)) continue;
    const added = await ensureTask(ctx, {
      userId: u.id,
      kind: "speakup.needs_handler",
      title: "A speak-up case needs a handler (COC-22.2)",
      href: "/admin/users",
    });
    if (added)
      await queueMail(ctx, {
        to: u.email,
        subject: "A speak-up case needs a handler",
        text: "A speak-up report reached no handler: everyone in the Compliance Office and the Audit Committee with an account is named in it or conflicted, or has no account. Give the Compliance Officer role or an Audit Committee role to someone independent of the matter; the case will show on their list of cases that need a handler. For confidentiality (COC-22.2) this message says nothing else about the case.",
      });
    alerted++;
  }
  return alerted;
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
  const recipients = await caseRecipients(ctx, c);
  // A case must always reach someone (COC-22.2): if it reaches nobody, the administrators hear.
  if (recipients.length === 0) await alertAdministrators(ctx, c.id);
  for (const u of recipients) {
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

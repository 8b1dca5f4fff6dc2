import { type RawBuilder, sql } from "kysely";
import { isoNow } from "../../kernel/clock.ts";
import type { Ctx } from "../../kernel/context.ts";

const text = (v: string) => sql`cast(${v} as text)`;

/**
 * Set-based notifications (one statement each, whatever the audience size): an outbox message and
 * its `mail.send` job for each pending assignment of `campaignId` matching `where` (assignments
 * aliased `a`, persons `p`), tagged `stage` so a message is never queued twice.
 */
export async function mailAssignees(
  ctx: Ctx,
  options: { campaignId: string; where: RawBuilder<unknown>; stage: string; subject: string; body: string },
): Promise<number> {
  const now = isoNow(ctx.clock);
  const suffix = `:${options.stage}`;
  const from = sql`from cert_assignments a join persons p on p.id = a.person_id
    where a.campaign_id = ${options.campaignId} and a.status = 'pending' and p.email is not null and ${options.where}`;
  const result =
    await sql`insert into outbox (id, to_address, subject, body_text, status, attempts, last_error, created_at, sent_at)
    select a.id || ${text(suffix)}, p.email, ${text(options.subject)},
      ${text("Dear ")} || p.first_name || ${text(`,\n\n${options.body}`)}, 'pending', 0, null, ${text(now)}, null
    ${from}`.execute(ctx.db);
  await sql`insert into jobs (id, name, payload, status, run_at, attempts, max_attempts, last_error, locked_by, locked_at, created_at, updated_at)
    select ${text("mail:")} || a.id || ${text(suffix)}, 'mail.send',
      ${text('{"outboxId":"')} || a.id || ${text(`${suffix}"}`)}, 'queued', ${text(now)}, 0, 6, null, null, null, ${text(now)}, ${text(now)}
    ${from}`.execute(ctx.db);
  return Number(result.numAffectedRows ?? 0);
}

/** A "My tasks" entry for each new assignment whose person has a user account. */
export async function openSignTasks(
  ctx: Ctx,
  options: { campaignId: string; where: RawBuilder<unknown>; title: string },
) {
  const now = isoNow(ctx.clock);
  await sql`insert into tasks (id, assignee_user_id, kind, title, href, due_at, status, created_at, completed_at)
    select ${text("cert:")} || a.id, a.user_id, 'certification.sign', ${text(options.title)},
      ${text("/certifications/sign/")} || a.id, a.due_date || ${text("T23:59:59.000Z")}, 'open', ${text(now)}, null
    from cert_assignments a
    where a.campaign_id = ${options.campaignId} and a.user_id is not null and a.status = 'pending' and ${options.where}`.execute(
    ctx.db,
  );
}

/**
 * Escalation: one message (and task) per supervisor whose reports are overdue and not yet
 * escalated, counting them. Returns how many assignments were escalated.
 */
export async function escalateOverdue(
  ctx: Ctx,
  options: { campaignId: string; title: string; today: string },
): Promise<number> {
  const now = isoNow(ctx.clock);
  const stage = `:esc:${options.today}`;
  const due = sql`a.campaign_id = ${options.campaignId} and a.status = 'pending' and a.due_date < ${options.today}
    and a.escalated_at is null and a.supervisor_id is not null`;
  await sql`insert into outbox (id, to_address, subject, body_text, status, attempts, last_error, created_at, sent_at)
    select ${text(options.campaignId)} || ${text(stage)} || ':' || s.id, s.email,
      ${text(`Overdue Certificates of Compliance in your team: ${options.title}`)},
      ${text("Dear ")} || s.first_name || ${text(",\n\n")} || cast(count(*) as text) ||
      ${text(` person(s) who report to you have not signed their Certificate of Compliance (${options.title}), which is now overdue. Please remind them to sign it in Probity (My certificates); the list is under Certifications > My team.\n\nThe Compliance Office`)},
      'pending', 0, null, ${text(now)}, null
    from cert_assignments a join persons s on s.id = a.supervisor_id
    where ${due} and s.email is not null
    group by s.id, s.email, s.first_name`.execute(ctx.db);
  await sql`insert into jobs (id, name, payload, status, run_at, attempts, max_attempts, last_error, locked_by, locked_at, created_at, updated_at)
    select ${text("mail:")} || o.id, 'mail.send', ${text('{"outboxId":"')} || o.id || ${text('"}')}, 'queued', ${text(now)}, 0, 6, null, null, null, ${text(now)}, ${text(now)}
    from outbox o where o.id like ${`${options.campaignId}${stage}:%`} and o.created_at = ${now}
      and not exists (select 1 from jobs j where j.id = ${text("mail:")} || o.id)`.execute(ctx.db);
  await sql`insert into tasks (id, assignee_user_id, kind, title, href, due_at, status, created_at, completed_at)
    select ${text("cert-esc:")} || ${text(options.campaignId)} || ${text(stage)} || ':' || s.id, u.id, 'certification.escalation',
      cast(count(*) as text) || ${text(` overdue Certificate(s) of Compliance in your team: ${options.title}`)},
      ${text("/certifications/team")}, null, 'open', ${text(now)}, null
    from cert_assignments a join persons s on s.id = a.supervisor_id join users u on u.person_id = s.id and u.disabled = 0
    where ${due}
    group by s.id, u.id`.execute(ctx.db);
  const result = await sql`update cert_assignments set escalated_at = ${now}
    where campaign_id = ${options.campaignId} and status = 'pending' and due_date < ${options.today}
      and escalated_at is null and supervisor_id is not null`.execute(ctx.db);
  return Number(result.numAffectedRows ?? 0);
}

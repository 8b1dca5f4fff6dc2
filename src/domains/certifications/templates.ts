import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { invalid, notFound } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { certDb, todayOf } from "./db.ts";
import { authorize, can } from "./policy.ts";
import type { TemplateInput } from "./schemas.ts";
import type { CertTemplatesTable, Question, Statement } from "./tables.ts";
import type { CertTemplateList, CertTemplateView } from "./views.ts";

export const templateView = (t: CertTemplatesTable & { policy_title?: string }) => ({
  id: t.id,
  name: t.name,
  policyId: t.policy_id,
  policyTitle: t.policy_title ?? null,
  addressedTo: t.addressed_to,
  audience: JSON.parse(t.audience) as string[],
  statements: JSON.parse(t.statements) as Statement[],
  questions: JSON.parse(t.questions) as Question[],
  joinerDays: t.joiner_days === null ? null : Number(t.joiner_days),
  joinersSince: t.joiners_since,
});

async function checkPolicy(ctx: Ctx, policyId: string) {
  const policy = await certDb(ctx)
    .selectFrom("policies")
    .select("id")
    .where("id", "=", policyId)
    .executeTakeFirst();
  if (!policy)
    throw invalid("policyId is not a known policy.", [
      { path: "policyId", message: "is not a known policy" },
    ]);
}

export async function createTemplate(ctx: Ctx, input: TemplateInput): Promise<CertTemplateView> {
  authorize(ctx.actor, "certification.template.manage");
  return withTransaction(ctx, async (tx) => {
    await checkPolicy(tx, input.policyId);
    const id = newId();
    const now = isoNow(tx.clock);
    await certDb(tx)
      .insertInto("cert_templates")
      .values({
        id,
        ...templateColumns(input, todayOf(tx)),
        created_at: now,
        updated_at: now,
      })
      .execute();
    await record(tx, "certification.template.create", { type: "cert_template", id }, { ...input });
    return getTemplate(tx, id);
  });
}

/**
 * The columns a template's input sets; joiners are enrolled from `joinersSince` while joiner
 * enrolment is on (a new template: today; a changed one keeps the day it started).
 */
function templateColumns(input: TemplateInput, joinersSince: string) {
  return {
    name: input.name,
    policy_id: input.policyId,
    addressed_to: input.addressedTo ?? null,
    audience: JSON.stringify([...new Set(input.audience)]),
    statements: JSON.stringify(input.statements),
    questions: JSON.stringify(input.questions),
    joiner_days: input.joinerDays ?? null,
    joiners_since: input.joinerDays ? joinersSince : null,
  };
}

export async function updateTemplate(ctx: Ctx, id: string, input: TemplateInput): Promise<CertTemplateView> {
  authorize(ctx.actor, "certification.template.manage");
  return withTransaction(ctx, async (tx) => {
    const db = certDb(tx);
    const current = await db.selectFrom("cert_templates").selectAll().where("id", "=", id).executeTakeFirst();
    if (!current) throw notFound("The certificate template");
    await checkPolicy(tx, input.policyId);
    // Campaigns keep the wording they were launched with; a change applies to the next launch.
    await db
      .updateTable("cert_templates")
      .set({
        ...templateColumns(input, current.joiners_since ?? todayOf(tx)),
        updated_at: isoNow(tx.clock),
      })
      .where("id", "=", id)
      .execute();
    await record(tx, "certification.template.update", { type: "cert_template", id }, { ...input });
    return getTemplate(tx, id);
  });
}

/** Templates with the short title of the policy each certifies. */
const withPolicyTitle = (ctx: Ctx) =>
  certDb(ctx)
    .selectFrom("cert_templates as t")
    .innerJoin("policies as p", "p.id", "t.policy_id")
    .selectAll("t")
    .select("p.short_title as policy_title");

export async function getTemplate(ctx: Ctx, id: string): Promise<CertTemplateView> {
  authorize(ctx.actor, "certification.report");
  const row = await withPolicyTitle(ctx).where("t.id", "=", id).executeTakeFirst();
  if (!row) throw notFound("The certificate template");
  return templateView(row);
}

export async function listTemplates(ctx: Ctx): Promise<CertTemplateList> {
  authorize(ctx.actor, "certification.report");
  const rows = await withPolicyTitle(ctx).orderBy("t.name").execute();
  return { items: rows.map(templateView), can: { manage: can(ctx.actor, "certification.template.manage") } };
}

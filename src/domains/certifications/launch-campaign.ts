import { sql } from "kysely";
import { record } from "../../kernel/audit.ts";
import { isoDate, isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict, invalid, notFound } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import type { PolicyAudience } from "../policies/index.ts";
import { audienceWhere } from "./audience.ts";
import { storeCertificateText } from "./certificate-text.ts";
import { certDb, todayOf } from "./db.ts";
import { mailAssignees, openSignTasks } from "./notify.ts";
import { authorize } from "./policy.ts";
import type { CampaignInput } from "./schemas.ts";
import type { AudienceRule, CampaignKind, CertTemplatesTable } from "./tables.ts";

const text = (v: string) => sql`cast(${v} as text)`;

export async function publishedVersionOf(ctx: Ctx, policyId: string) {
  return certDb(ctx)
    .selectFrom("policy_versions")
    .select(["id", "number"])
    .where("policy_id", "=", policyId)
    .where("status", "=", "published")
    .executeTakeFirst();
}

/**
 * Launches a campaign: a certificate (template), the policy version it certifies, an audience rule
 * and a due date. Assignments, launch e-mails and "My tasks" entries are each one INSERT … SELECT,
 * so a 100,000-person launch is a handful of statements in one transaction (COC-23.2, SOC-7).
 */
export async function launchCampaign(ctx: Ctx, input: CampaignInput, kind: CampaignKind = "periodic") {
  authorize(ctx.actor, "certification.campaign.launch");
  return withTransaction(ctx, async (tx) => {
    const db = certDb(tx);
    const today = todayOf(tx);
    const template = await db
      .selectFrom("cert_templates")
      .selectAll()
      .where("id", "=", input.templateId)
      .executeTakeFirst();
    if (!template)
      throw invalid("templateId is not a known certificate template.", [
        { path: "templateId", message: "is not a known template" },
      ]);
    if (input.dueDate <= today) {
      throw invalid("The due date must be after today.", [
        { path: "dueDate", message: "must be after today" },
      ]);
    }
    let versionId = input.policyVersionId;
    if (!versionId) {
      const published = await publishedVersionOf(tx, template.policy_id);
      if (!published) throw conflict("The template's policy has no published version to certify.");
      versionId = published.id;
    }
    const version = await db
      .selectFrom("policy_versions")
      .select(["id", "policy_id", "status", "number"])
      .where("id", "=", versionId)
      .executeTakeFirst();
    if (!version) throw notFound("The policy version");
    if (version.policy_id !== template.policy_id)
      throw invalid("The policy version is not a version of the template's policy.");
    if (version.status !== "published")
      throw conflict(
        `Version ${version.number} is ${version.status}: only the published version is certified.`,
      );

    const audience: AudienceRule = input.audience ?? {
      groups: JSON.parse(template.audience) as PolicyAudience[],
    };
    const now = isoNow(tx.clock);
    const id = await insertCampaign(tx, template, version.id, {
      name: input.name,
      kind,
      audience,
      dueDate: input.dueDate,
      now,
    });
    const assigned = await assignPeople(tx, {
      campaignId: id,
      where: audienceWhere(audience, today),
      dueDate: sql`${text(input.dueDate)}`,
    });
    await db.updateTable("cert_campaigns").set({ assigned }).where("id", "=", id).execute();
    await notifyNewAssignments(tx, {
      campaignId: id,
      title: template.name,
      dueDate: input.dueDate,
      createdAt: now,
    });
    await record(
      tx,
      "certification.campaign.launch",
      { type: "cert_campaign", id },
      {
        name: input.name,
        kind,
        templateId: template.id,
        policyVersionId: version.id,
        dueDate: input.dueDate,
        audience,
        assigned,
      },
    );
    return { id, assigned };
  });
}

/**
 * Opens a campaign of a template's certificate, no one assigned yet: stores the exact text
 * certified (the policy version with the template's statements and questions, hashed) and the
 * campaign that carries a copy of them (COC-23.2, SOC-7). Returns the campaign's id.
 */
export async function insertCampaign(
  tx: Ctx,
  template: Pick<CertTemplatesTable, "id" | "name" | "addressed_to" | "statements" | "questions">,
  versionId: string,
  campaign: { name: string; kind: CampaignKind; audience: AudienceRule; dueDate: string | null; now: string },
): Promise<string> {
  const { hash } = await storeCertificateText(tx, versionId, {
    title: template.name,
    addressedTo: template.addressed_to,
    statements: JSON.parse(template.statements),
    questions: JSON.parse(template.questions),
  });
  const id = newId();
  await certDb(tx)
    .insertInto("cert_campaigns")
    .values({
      id,
      name: campaign.name,
      kind: campaign.kind,
      template_id: template.id,
      policy_version_id: versionId,
      text_hash: hash,
      title: template.name,
      addressed_to: template.addressed_to,
      statements: template.statements,
      questions: template.questions,
      audience: JSON.stringify(campaign.audience),
      due_date: campaign.dueDate,
      status: "active",
      launched_by: tx.actor.label,
      launched_at: campaign.now,
      closed_at: null,
      assigned: 0,
    })
    .execute();
  return id;
}

/** INSERT … SELECT of one assignment per selected person (persons `p`), skipping those already assigned. */
export async function assignPeople(
  ctx: Ctx,
  options: { campaignId: string; where: ReturnType<typeof sql>; dueDate: ReturnType<typeof sql> },
): Promise<number> {
  const now = isoNow(ctx.clock);
  const result =
    await sql`insert into cert_assignments (id, campaign_id, person_id, user_id, legal_entity_id, department, country,
      supervisor_id, due_date, status, signed_at, last_reminder_on, reminders_sent, escalated_at, created_at)
    select ${text(options.campaignId)} || '.' || p.id, ${text(options.campaignId)}, p.id, u.id, p.legal_entity_id, p.department,
      p.location_country, p.supervisor_id, ${options.dueDate}, 'pending', null, ${text(isoDate(now))}, 0, null, ${text(now)}
    from persons p left join users u on u.person_id = p.id and u.disabled = 0
    where ${options.where}
      and not exists (select 1 from cert_assignments x where x.campaign_id = ${options.campaignId} and x.person_id = p.id)`.execute(
      ctx.db,
    );
  return Number(result.numAffectedRows ?? 0);
}

/** The launch reminder: an e-mail and a "My tasks" entry for each assignment created at `createdAt`. */
export async function notifyNewAssignments(
  ctx: Ctx,
  options: { campaignId: string; title: string; dueDate: string | null; createdAt: string },
) {
  const where = sql`a.created_at = ${options.createdAt}`;
  await mailAssignees(ctx, {
    campaignId: options.campaignId,
    where,
    stage: "launch",
    subject: `Please sign your Certificate of Compliance: ${options.title}`,
    body: `You are asked to sign the Certificate of Compliance "${options.title}"${options.dueDate ? ` by ${options.dueDate}` : ""}: confirm that you have received, read and understood the code and will apply it (COC-23.1, COC-23.2). Sign in to Probity and open Certifications > My certificates.\n\nThe Compliance Office`,
  });
  await openSignTasks(ctx, {
    campaignId: options.campaignId,
    where,
    title: `Sign your Certificate of Compliance: ${options.title}`,
  });
}

export async function closeCampaign(ctx: Ctx, campaignId: string) {
  authorize(ctx.actor, "certification.campaign.close");
  await withTransaction(ctx, async (tx) => {
    const db = certDb(tx);
    const campaign = await db
      .selectFrom("cert_campaigns")
      .select(["id", "status"])
      .where("id", "=", campaignId)
      .executeTakeFirst();
    if (!campaign) throw notFound("The campaign");
    if (campaign.status === "closed") throw conflict("The campaign is already closed.");
    await db
      .updateTable("cert_campaigns")
      .set({ status: "closed", closed_at: isoNow(tx.clock) })
      .where("id", "=", campaignId)
      .execute();
    await record(tx, "certification.campaign.close", { type: "cert_campaign", id: campaignId }, {});
  });
}

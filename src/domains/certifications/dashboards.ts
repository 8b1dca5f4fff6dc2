import { sql } from "kysely";
import type { Ctx } from "../../kernel/context.ts";
import { toCsv } from "../../kernel/csv.ts";
import { notFound } from "../../kernel/errors.ts";
import { certDb, todayOf } from "./db.ts";
import { authorize, can } from "./policy.ts";
import type { ListQuery } from "./schemas.ts";
import type { AudienceRule, CertCampaignsTable } from "./tables.ts";
import type {
  AssignmentPage,
  AuditCommitteeList,
  CampaignList,
  CampaignView,
  CompletionBreakdownView,
} from "./views.ts";

const n = (v: unknown) => Number(v ?? 0);

async function loadCampaign(ctx: Ctx, campaignId: string) {
  const c = await certDb(ctx)
    .selectFrom("cert_campaigns")
    .selectAll()
    .where("id", "=", campaignId)
    .executeTakeFirst();
  if (!c) throw notFound("The campaign");
  return c;
}

async function totals(ctx: Ctx, campaignId: string) {
  const today = todayOf(ctx);
  const row = await certDb(ctx)
    .selectFrom("cert_assignments")
    .select([
      sql<number>`count(*)`.as("assigned"),
      sql<number>`sum(case when status = 'signed' then 1 else 0 end)`.as("signed"),
      sql<number>`sum(case when status = 'pending' and due_date < ${today} then 1 else 0 end)`.as("overdue"),
    ])
    .where("campaign_id", "=", campaignId)
    .executeTakeFirstOrThrow();
  const assigned = n(row.assigned);
  const signed = n(row.signed);
  return {
    assigned,
    signed,
    pending: assigned - signed,
    overdue: n(row.overdue),
    completion: assigned ? signed / assigned : 0,
  };
}

const campaignView = (c: CertCampaignsTable, version: { number: number; policyTitle: string }) => ({
  id: c.id,
  name: c.name,
  kind: c.kind,
  title: c.title,
  addressedTo: c.addressed_to,
  templateId: c.template_id,
  policyVersionId: c.policy_version_id,
  policyTitle: version.policyTitle,
  versionNumber: version.number,
  textHash: c.text_hash,
  audience: JSON.parse(c.audience) as AudienceRule,
  dueDate: c.due_date,
  status: c.status,
  launchedBy: c.launched_by,
  launchedAt: c.launched_at,
  closedAt: c.closed_at,
});

export async function listCampaigns(ctx: Ctx): Promise<CampaignList> {
  authorize(ctx.actor, "certification.report");
  const rows = await certDb(ctx)
    .selectFrom("cert_campaigns as c")
    .innerJoin("policy_versions as v", "v.id", "c.policy_version_id")
    .innerJoin("policies as p", "p.id", "v.policy_id")
    .selectAll("c")
    .select(["v.number", "p.short_title"])
    .orderBy("c.launched_at", "desc")
    .limit(200)
    .execute();
  const items = [];
  for (const r of rows) {
    items.push({
      ...campaignView(r, { number: Number(r.number), policyTitle: r.short_title }),
      totals: await totals(ctx, r.id),
    });
  }
  return { items, can: { launch: can(ctx.actor, "certification.campaign.launch") } };
}

export async function getCampaign(ctx: Ctx, campaignId: string): Promise<CampaignView> {
  authorize(ctx.actor, "certification.report");
  const c = await loadCampaign(ctx, campaignId);
  const v = await certDb(ctx)
    .selectFrom("policy_versions as v")
    .innerJoin("policies as p", "p.id", "v.policy_id")
    .select(["v.number", "p.short_title"])
    .where("v.id", "=", c.policy_version_id)
    .executeTakeFirstOrThrow();
  return {
    ...campaignView(c, { number: Number(v.number), policyTitle: v.short_title }),
    totals: await totals(ctx, campaignId),
    can: { close: c.status === "active" && can(ctx.actor, "certification.campaign.close") },
  };
}

const DIMENSION = {
  entity: "legal_entity_id",
  department: "department",
  country: "country",
  supervisor: "supervisor_id",
} as const;
export type Dimension = keyof typeof DIMENSION;

/**
 * Completion by legal entity, department, country or supervisor: one GROUP BY over the campaign's
 * assignments (indexed on campaign, dimension, status), lowest completion first.
 */
export async function completionBreakdown(
  ctx: Ctx,
  campaignId: string,
  by: Dimension,
  limit = 100,
): Promise<CompletionBreakdownView> {
  authorize(ctx.actor, "certification.report");
  await loadCampaign(ctx, campaignId);
  const today = todayOf(ctx);
  const column = DIMENSION[by];
  const rows = await certDb(ctx)
    .selectFrom("cert_assignments")
    .select([
      sql<string | null>`${sql.ref(column)}`.as("key"),
      sql<number>`count(*)`.as("assigned"),
      sql<number>`sum(case when status = 'signed' then 1 else 0 end)`.as("signed"),
      sql<number>`sum(case when status = 'pending' and due_date < ${today} then 1 else 0 end)`.as("overdue"),
      // The number of groups in the same pass (the window runs before LIMIT).
      sql<number>`count(*) over ()`.as("groups"),
    ])
    .where("campaign_id", "=", campaignId)
    .groupBy(column)
    .orderBy(sql`sum(case when status = 'signed' then 1 else 0 end) * 1.0 / count(*)`)
    .orderBy(sql`count(*)`, "desc")
    .limit(limit)
    .execute();
  const groups = n(rows[0]?.groups);
  const keys = rows.map((r) => r.key).filter((k): k is string => k !== null);
  const labels = new Map<string, string>();
  if (keys.length && by === "entity") {
    for (const e of await certDb(ctx)
      .selectFrom("legal_entities")
      .select(["id", "name"])
      .where("id", "in", keys)
      .execute())
      labels.set(e.id, e.name);
  }
  if (keys.length && by === "supervisor") {
    for (const p of await certDb(ctx)
      .selectFrom("persons")
      .select(["id", "first_name", "last_name"])
      .where("id", "in", keys)
      .execute())
      labels.set(p.id, `${p.first_name} ${p.last_name}`);
  }
  if (keys.length && by === "country") {
    const names = new Intl.DisplayNames(["en"], { type: "region" });
    for (const k of keys) labels.set(k, names.of(k) ?? k);
  }
  return {
    by,
    groups,
    items: rows.map((r) => {
      const assigned = n(r.assigned);
      const signed = n(r.signed);
      return {
        key: r.key,
        label: r.key === null ? "(none)" : (labels.get(r.key) ?? r.key),
        assigned,
        signed,
        overdue: n(r.overdue),
        completion: assigned ? signed / assigned : 0,
      };
    }),
  };
}

/** The campaign's assignments with the chosen status (assignments aliased `a`, no joins). */
function filtered(ctx: Ctx, campaignId: string, status: ListQuery["status"]) {
  const today = todayOf(ctx);
  let q = certDb(ctx).selectFrom("cert_assignments as a").where("a.campaign_id", "=", campaignId);
  if (status === "overdue") q = q.where("a.status", "=", "pending").where("a.due_date", "<", today);
  else if (status !== "all") q = q.where("a.status", "=", status);
  return q;
}

/** The same rows joined to the people, their supervisors and legal entities, for display. */
function listBase(ctx: Ctx, campaignId: string, status: ListQuery["status"]) {
  return certDb(ctx)
    .selectFrom("cert_assignments as a")
    .innerJoin("persons as p", "p.id", "a.person_id")
    .leftJoin("persons as s", "s.id", "a.supervisor_id")
    .leftJoin("legal_entities as e", "e.id", "a.legal_entity_id")
    .where("a.id", "in", filtered(ctx, campaignId, status).select("a.id"));
}

const listColumns = [
  "a.id",
  "a.person_id",
  "p.external_id",
  "p.first_name",
  "p.last_name",
  "p.email",
  "a.department",
  "a.country",
  "e.name as entity",
  "s.first_name as sup_first",
  "s.last_name as sup_last",
  "a.due_date",
  "a.status",
  "a.signed_at",
  "a.reminders_sent",
  "a.escalated_at",
] as const;

/** The people of a campaign (overdue by default), paged, longest overdue first. */
export async function listAssignments(
  ctx: Ctx,
  campaignId: string,
  query: ListQuery,
): Promise<AssignmentPage> {
  authorize(ctx.actor, "certification.report");
  await loadCampaign(ctx, campaignId);
  // Page over the assignments alone (index on campaign, status, due date), then join the page.
  const pageIds = filtered(ctx, campaignId, query.status)
    .select("a.id")
    .orderBy("a.due_date")
    .orderBy("a.id")
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const rows = await certDb(ctx)
    .selectFrom("cert_assignments as a")
    .innerJoin("persons as p", "p.id", "a.person_id")
    .leftJoin("persons as s", "s.id", "a.supervisor_id")
    .leftJoin("legal_entities as e", "e.id", "a.legal_entity_id")
    .where("a.id", "in", pageIds)
    .select(listColumns)
    .orderBy("a.due_date")
    .orderBy("a.id")
    .execute();
  const total = n(
    (
      await filtered(ctx, campaignId, query.status)
        .select(sql<number>`count(*)`.as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    items: rows.map((r) => ({
      id: r.id,
      personId: r.person_id,
      externalId: r.external_id,
      name: `${r.first_name} ${r.last_name}`,
      email: r.email,
      department: r.department,
      country: r.country,
      entity: r.entity,
      supervisor: r.sup_first ? `${r.sup_first} ${r.sup_last}` : null,
      dueDate: r.due_date,
      status: r.status,
      signedAt: r.signed_at,
      remindersSent: n(r.reminders_sent),
      escalatedAt: r.escalated_at,
    })),
  };
}

/** Every assignment of a campaign (or the chosen status) as CSV, for the auditor's file. */
export async function exportAssignmentsCsv(ctx: Ctx, campaignId: string, status: ListQuery["status"]) {
  authorize(ctx.actor, "certification.report");
  await loadCampaign(ctx, campaignId);
  const rows = await listBase(ctx, campaignId, status)
    .select(listColumns)
    .orderBy("p.last_name")
    .orderBy("p.first_name")
    .execute();
  const today = todayOf(ctx);
  return toCsv(
    rows.map((r) => [
      r.external_id ?? "",
      `${r.first_name} ${r.last_name}`,
      r.email ?? "",
      r.entity ?? "",
      r.department ?? "",
      r.country ?? "",
      r.sup_first ? `${r.sup_first} ${r.sup_last}` : "",
      r.due_date,
      r.status === "pending" && r.due_date < today ? "overdue" : r.status,
      r.signed_at ?? "",
      n(r.reminders_sent),
      r.escalated_at ?? "",
    ]),
    {
      header: true,
      columns: [
        "employee_id",
        "name",
        "email",
        "legal_entity",
        "department",
        "country",
        "supervisor",
        "due_date",
        "status",
        "signed_at",
        "reminders_sent",
        "escalated_at",
      ],
    },
  );
}

/**
 * SOC-7: the certificates addressed to the Audit Committee (Senior Officers and finance &
 * accounting staff), separate from the general dashboards.
 */
export async function auditCommitteeView(ctx: Ctx): Promise<AuditCommitteeList> {
  authorize(ctx.actor, "certification.audit_committee");
  const today = todayOf(ctx);
  const rows = await certDb(ctx)
    .selectFrom("cert_assignments as a")
    .innerJoin("cert_campaigns as c", "c.id", "a.campaign_id")
    .innerJoin("persons as p", "p.id", "a.person_id")
    .leftJoin("cert_signatures as g", "g.assignment_id", "a.id")
    .select([
      "a.id",
      "c.id as campaign_id",
      "c.name as campaign_name",
      "p.first_name",
      "p.last_name",
      "p.title",
      "p.categories",
      "a.due_date",
      "a.status",
      "a.signed_at",
      "g.answers",
    ])
    .where("c.addressed_to", "is not", null)
    .orderBy("c.launched_at", "desc")
    .orderBy(sql`case when p.categories like '%"senior_officer"%' then 0 else 1 end`)
    .orderBy("p.last_name")
    .limit(2000)
    .execute();
  return {
    items: rows.map((r) => {
      const answers = r.answers ? (JSON.parse(r.answers) as Record<string, { answer: boolean }>) : {};
      return {
        id: r.id,
        campaignId: r.campaign_id,
        campaignName: r.campaign_name,
        name: `${r.first_name} ${r.last_name}`,
        title: r.title,
        isSeniorOfficer: (JSON.parse(r.categories) as string[]).includes("senior_officer"),
        dueDate: r.due_date,
        status: r.status,
        isOverdue: r.status === "pending" && r.due_date < today,
        signedAt: r.signed_at,
        hasYesAnswer: Object.values(answers).some((a) => a.answer),
      };
    }),
  };
}

import { sql } from "kysely";
import type { Ctx } from "../../kernel/context.ts";
import { notFound } from "../../kernel/errors.ts";
import { discDb } from "./db.ts";
import { type ConflictSubject, can } from "./policy.ts";
import { jsonOr } from "./support.ts";
import type { ConflictDisclosuresTable, ConflictEventsTable, ConflictType } from "./tables.ts";
import type { ConflictView } from "./views.ts";

export const TYPE_LABELS: Record<ConflictType, string> = {
  outside_employment: "Outside employment or board seat",
  financial_interest: "Financial interest in a customer, supplier or competitor",
  family_relationship: "Family member in a business relationship with the company",
  related_party: "Related-party transaction",
  corporate_opportunity: "Corporate opportunity",
  other: "Other",
};

export type ProhibitionFlag = { rule: "COC-6.4" | "COC-11.1"; message: string };

/**
 * What the Code itself forbids, whatever the approvers think: working for a competitor as an
 * employee, consultant or board member (COC-6.4, section 6) and competing with the company
 * (COC-11.1, section 11).
 */
export function prohibitionOf(type: ConflictType, answers: Record<string, unknown>): ProhibitionFlag | null {
  if (
    type === "outside_employment" &&
    answers.relationship === "competitor" &&
    ["employee", "consultant", "board_member"].includes(String(answers.role))
  ) {
    return {
      rule: "COC-6.4",
      message:
        "Working for a competitor as an employee, consultant or board member is not allowed (COC-6.4, Code section 6).",
    };
  }
  if (type === "corporate_opportunity" && answers.wouldCompete === true) {
    return {
      rule: "COC-11.1",
      message:
        "No one may take a corporate opportunity or compete with the company (COC-11.1, Code section 11).",
    };
  }
  return null;
}

export type Row = ConflictDisclosuresTable & { discloser_name: string; supervisor_id: string | null };

export const selectConflicts = (ctx: Ctx) =>
  discDb(ctx)
    .selectFrom("conflict_disclosures as d")
    .innerJoin("persons as p", "p.id", "d.discloser_person_id")
    .selectAll("d")
    .select([sql<string>`p.first_name || ' ' || p.last_name`.as("discloser_name"), "p.supervisor_id"]);

/** The actor's relation to one disclosure, for the rules of policy.ts. */
export function subjectOf(ctx: Ctx, row: Row): ConflictSubject {
  const personId = ctx.actor.kind === "user" ? ctx.actor.personId : null;
  return {
    isDiscloser: personId !== null && personId === row.discloser_person_id,
    isSupervisor: personId !== null && personId === row.supervisor_id,
    status: row.status,
    isCeoDisclosure: row.is_ceo_disclosure === 1,
    reportedToAuditCommittee: row.reported_to_ac_at !== null,
    source: row.source,
    prohibited: prohibitionOf(row.type, jsonOr(row.answers, {})) !== null,
  };
}

/** Who may see a disclosure: its discloser, their supervisor, Legal, the CEO (not drafts) and the Audit Committee once reported. */
export const canSee = (ctx: Ctx, row: Row): boolean => can(ctx.actor, "conflict.read", subjectOf(ctx, row));

/** The `can` flags of one disclosure, each the rule of policy.ts for its action. */
export function actionsFor(ctx: Ctx, row: Row): ConflictView["can"] {
  const s = subjectOf(ctx, row);
  const a = ctx.actor;
  return {
    edit: can(a, "conflict.edit", s),
    submit: can(a, "conflict.submit", s),
    withdraw: can(a, "conflict.withdraw", s),
    comment: can(a, "conflict.comment", s),
    forward: can(a, "conflict.forward", s),
    ceoReview: can(a, "conflict.ceo_review", s),
    decide: can(a, "conflict.decide", s),
    approve: can(a, "conflict.approve", s),
  };
}

export function toConflict(ctx: Ctx, row: Row): ConflictView {
  const answers = jsonOr<Record<string, unknown>>(row.answers, {});
  const flag = prohibitionOf(row.type, answers);
  return {
    id: row.id,
    number: row.number,
    discloser: { personId: row.discloser_person_id, name: row.discloser_name },
    type: row.type,
    typeLabel: TYPE_LABELS[row.type],
    title: row.title,
    description: row.description,
    counterparty: row.counterparty,
    answers,
    prohibitedByCode: flag,
    isCeoDisclosure: row.is_ceo_disclosure === 1,
    status: row.status,
    version: row.version,
    reapprovalReason: row.reapproval_reason,
    decision: row.decision,
    conditions: row.conditions,
    mitigation: row.mitigation,
    reviewDate: row.review_date,
    decidedBy: row.decided_by_label,
    decidedAt: row.decided_at,
    ceoNote: row.ceo_note,
    reportedToAuditCommitteeAt: row.reported_to_ac_at,
    source: row.source,
    submittedAt: row.submitted_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    can: actionsFor(ctx, row),
  };
}
export type Conflict = ReturnType<typeof toConflict>;

export const toEvent = (e: ConflictEventsTable) => ({
  id: e.id,
  kind: e.kind,
  role: e.role,
  actor: e.actor_label,
  from: e.from_status,
  to: e.to_status,
  body: e.body,
  at: e.created_at,
});

/** Loads a disclosure the actor may see; others are a 404 (their existence is not revealed). */
export async function loadVisible(ctx: Ctx, id: string): Promise<Row> {
  const row = await selectConflicts(ctx).where("d.id", "=", id).executeTakeFirst();
  if (!row || !canSee(ctx, row)) throw notFound("The conflict disclosure");
  return row;
}

import { sql } from "kysely";
import { type Ctx, hasPermission } from "../../kernel/context.ts";
import { forbidden, notFound } from "../../kernel/errors.ts";
import { discDb } from "./db.ts";
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

export type Relation = {
  isDiscloser: boolean;
  isSupervisor: boolean;
  isLegal: boolean;
  isRegister: boolean;
  isCeo: boolean;
  isAuditCommittee: boolean;
};

export function relationTo(ctx: Ctx, row: Row): Relation {
  const a = ctx.actor;
  const personId = a.kind === "user" ? a.personId : null;
  return {
    isDiscloser: personId !== null && personId === row.discloser_person_id,
    isSupervisor: personId !== null && personId === row.supervisor_id,
    isLegal: hasPermission(a, "disclosure.review"),
    isRegister: hasPermission(a, "disclosure.register"),
    isCeo: hasPermission(a, "disclosure.ceo_review") && row.is_ceo_disclosure === 0,
    isAuditCommittee: hasPermission(a, "disclosure.audit_committee") && row.reported_to_ac_at !== null,
  };
}

/** Who may see a disclosure: its discloser, their supervisor, Legal, the CEO (not drafts) and the Audit Committee once reported. */
export function canSee(ctx: Ctx, row: Row): boolean {
  if (ctx.actor.kind === "system") return true;
  const r = relationTo(ctx, row);
  if (r.isDiscloser) return true;
  // A draft is private, except one opened from a certificate answer: the Compliance Office already
  // knows of it and follows it up (COC-6.1).
  if (row.status === "draft") return row.source === "certificate" && (r.isLegal || r.isRegister);
  return r.isSupervisor || r.isLegal || r.isRegister || r.isCeo || r.isAuditCommittee;
}

const OPEN = ["disclosed", "discussed"];

export function actionsFor(ctx: Ctx, row: Row) {
  const r = relationTo(ctx, row);
  const flag = prohibitionOf(row.type, jsonOr(row.answers, {}));
  return {
    edit: r.isDiscloser && row.status !== "withdrawn",
    submit: r.isDiscloser && row.status === "draft",
    withdraw: r.isDiscloser && ["draft", ...OPEN].includes(row.status),
    comment:
      (r.isDiscloser || r.isSupervisor || r.isLegal) && row.status !== "draft" && row.status !== "withdrawn",
    forward: r.isLegal && !r.isDiscloser && OPEN.includes(row.status),
    ceoReview: r.isCeo && !r.isDiscloser && row.status === "ceo_review",
    decide: r.isAuditCommittee && !r.isDiscloser && row.status === "audit_committee",
    approve: flag === null,
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

export function ensure(allowed: boolean, message: string): void {
  if (!allowed) throw forbidden(message);
}

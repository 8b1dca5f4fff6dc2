import { sql } from "kysely";
import type { Ctx } from "../../kernel/context.ts";
import { toCsv } from "../../kernel/csv.ts";
import { contains } from "../../kernel/db.ts";
import { forbidden } from "../../kernel/errors.ts";
import { loadVisible, selectConflicts, TYPE_LABELS, toConflict, toEvent } from "./conflict-view.ts";
import { discDb } from "./db.ts";
import { authorize, can } from "./policy.ts";
import { type ConflictFilter, conflictFilter } from "./schemas.ts";
import { parseInput } from "./support.ts";
import type { ConflictDetailView, ConflictList } from "./views.ts";

const OPEN_STATUSES = ["disclosed", "discussed", "ceo_review", "audit_committee"] as const;
const DECIDED = ["approved", "approved_mitigated", "prohibited"] as const;

/**
 * The conflicts register and its views: one's own disclosures, the register (Legal, Compliance,
 * auditors), the CEO's queue, the Audit Committee's view of what was reported to it (COC-6.2), and
 * a supervisor's team.
 */
export async function listConflicts(ctx: Ctx, raw: ConflictFilter = {}): Promise<ConflictList> {
  const f = parseInput(conflictFilter, raw);
  const a = ctx.actor;
  if (a.kind !== "user" && a.kind !== "system") throw forbidden("Sign in to see disclosures.");
  let q = selectConflicts(ctx);
  const personId = a.kind === "user" ? a.personId : null;
  switch (f.scope) {
    case "mine":
      q = q.where("d.discloser_person_id", "=", personId ?? "");
      break;
    case "supervised":
      q = q.where("p.supervisor_id", "=", personId ?? "").where("d.status", "!=", "draft");
      break;
    case "register":
      authorize(a, "conflict.register");
      q = q.where("d.status", "!=", "draft");
      break;
    case "ceo":
      authorize(a, "conflict.ceo_queue");
      q = q
        .where("d.is_ceo_disclosure", "=", 0)
        .where("d.status", "not in", ["draft", "disclosed", "discussed"]);
      break;
    case "audit_committee":
      authorize(a, "conflict.audit_committee_view");
      q = q.where("d.reported_to_ac_at", "is not", null);
      break;
  }
  if (f.status === "open") q = q.where("d.status", "in", [...OPEN_STATUSES]);
  else if (f.status === "decided") q = q.where("d.status", "in", [...DECIDED]);
  else if (f.status) q = q.where("d.status", "=", f.status);
  if (f.type) q = q.where("d.type", "=", f.type);
  if (f.q) {
    const text = f.q;
    q = q.where((eb) =>
      eb.or([
        contains(eb.ref("d.title"), text),
        contains(eb.ref("d.number"), text),
        contains(eb.ref("d.counterparty"), text),
        contains(eb.ref("d.description"), text),
        contains(sql<string>`p.first_name || ' ' || p.last_name`, text),
      ]),
    );
  }
  const rows = await q.orderBy("d.updated_at", "desc").limit(500).execute();
  return {
    items: rows.map((r) => toConflict(ctx, r)),
    can: {
      register: can(a, "conflict.register"),
      ceo: can(a, "conflict.ceo_queue"),
      auditCommittee: can(a, "conflict.audit_committee_queue"),
    },
  };
}

export async function getConflict(ctx: Ctx, id: string): Promise<ConflictDetailView> {
  const row = await loadVisible(ctx, id);
  const events = await discDb(ctx)
    .selectFrom("conflict_events")
    .selectAll()
    .where("disclosure_id", "=", id)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return { ...toConflict(ctx, row), events: events.map(toEvent) };
}

/** The register as CSV (the current filter). */
export async function exportConflictsCsv(ctx: Ctx, raw: ConflictFilter = {}): Promise<string> {
  const { items } = await listConflicts(ctx, { ...raw, scope: raw.scope ?? "register" });
  return toCsv(
    items.map((c) => ({
      number: c.number,
      discloser: c.discloser.name,
      type: TYPE_LABELS[c.type],
      title: c.title,
      counterparty: c.counterparty ?? "",
      status: c.status,
      version: c.version,
      prohibited_by_code: c.prohibitedByCode?.rule ?? "",
      ceo_disclosure: c.isCeoDisclosure ? "yes" : "no",
      reported_to_audit_committee: c.reportedToAuditCommitteeAt ?? "",
      decision: c.decision ?? "",
      conditions: c.conditions ?? "",
      mitigation: c.mitigation ?? "",
      review_date: c.reviewDate ?? "",
      submitted_at: c.submittedAt ?? "",
    })),
    { header: true },
  );
}

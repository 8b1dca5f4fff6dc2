import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import type { Ctx } from "../../kernel/context.ts";
import { newId } from "../../kernel/ids.ts";
import { committeesDb } from "./db.ts";
import { currentMembers, loadCommittee, today } from "./load.ts";
import type { CommitteeKind, CommitteesTable, EvidenceKind } from "./tables.ts";
import type { DutyCalendarView } from "./views.ts";

export type DutyTemplate = {
  key: string;
  title: string;
  rule: string;
  /** Month and day the duty falls due each year. */
  due: string;
  /** Satisfied from the records themselves rather than by linked evidence. */
  computed?: "certifications" | "meetings" | "assessments";
};

/** The yearly calendar the Compensation Committee charter sets (CC-10 … CC-23). */
const COMPENSATION: DutyTemplate[] = [
  {
    key: "ceo_goals",
    title: "Review and approve the CEO's corporate goals and objectives",
    rule: "CC-12",
    due: "03-31",
  },
  {
    key: "executive_goals",
    title: "Review and approve the other executives' goals and objectives",
    rule: "CC-13",
    due: "03-31",
  },
  {
    key: "independence_certification",
    title: "Members certify their independence (D&O questionnaire)",
    rule: "CC-20",
    due: "03-31",
    computed: "certifications",
  },
  {
    key: "adviser_independence",
    title: "Assess each adviser's independence on the six Rule 10C-1 factors",
    rule: "CC-16",
    due: "03-31",
    computed: "assessments",
  },
  {
    key: "proxy_report",
    title: "Produce the compensation committee report for the proxy statement",
    rule: "CC-22",
    due: "04-15",
  },
  {
    key: "plans_review",
    title: "Review incentive, benefit and equity plans and recommend substantive changes",
    rule: "CC-11, CC-14",
    due: "09-30",
  },
  {
    key: "succession",
    title: "Review the succession plans for the CEO and key executives",
    rule: "CC-15",
    due: "10-31",
  },
  {
    key: "charter_review",
    title: "Review the charter and propose changes to the Board",
    rule: "CC-19",
    due: "11-30",
  },
  { key: "self_evaluation", title: "Evaluate the committee's own performance", rule: "CC-20", due: "11-30" },
  {
    key: "ceo_evaluation",
    title: "Evaluate the CEO against the goals and recommend the CEO's compensation to the Board",
    rule: "CC-12",
    due: "12-15",
  },
  {
    key: "executive_evaluation",
    title:
      "Evaluate the other executives and recommend their compensation (the CEO's recommendations recorded)",
    rule: "CC-13",
    due: "12-15",
  },
  {
    key: "officer_compensation",
    title: "Review and recommend the compensation of all officers and key executives",
    rule: "CC-10",
    due: "12-15",
  },
  {
    key: "board_report",
    title: "Report the committee's findings and recommendations to the Board",
    rule: "CC-18, CC-23",
    due: "12-31",
  },
  {
    key: "continuing_education",
    title: "Continuing education of the members on compensation matters",
    rule: "CC-23",
    due: "12-31",
  },
  {
    key: "regular_meetings",
    title: "Hold at least two regular meetings",
    rule: "CC-4",
    due: "12-31",
    computed: "meetings",
  },
];

/** Other committees are configured the same way, with the duties every charter shares. */
const COMMON: DutyTemplate[] = [
  {
    key: "independence_certification",
    title: "Members certify their independence (D&O questionnaire)",
    rule: "CC-20",
    due: "03-31",
    computed: "certifications",
  },
  {
    key: "charter_review",
    title: "Review the charter and propose changes to the Board",
    rule: "CC-19",
    due: "11-30",
  },
  { key: "self_evaluation", title: "Evaluate the committee's own performance", rule: "CC-20", due: "11-30" },
  { key: "board_report", title: "Report to the Board", rule: "CC-18", due: "12-31" },
  {
    key: "regular_meetings",
    title: "Hold at least two regular meetings",
    rule: "CC-4",
    due: "12-31",
    computed: "meetings",
  },
];

export const dutyTemplates = (kind: CommitteeKind) => (kind === "compensation" ? COMPENSATION : COMMON);

/** Creates the year's duties from the charter's calendar (idempotent). */
export async function ensureDuties(ctx: Ctx, committeeId: string, year: number) {
  const committee = await loadCommittee(ctx, committeeId);
  const db = committeesDb(ctx);
  const existing = new Set(
    (
      await db
        .selectFrom("committee_duties")
        .select("key")
        .where("committee_id", "=", committeeId)
        .where("year", "=", year)
        .execute()
    ).map((r) => r.key),
  );
  const missing = dutyTemplates(committee.kind).filter((t) => !existing.has(t.key));
  if (missing.length)
    await db
      .insertInto("committee_duties")
      .values(
        missing.map((t) => ({
          id: newId(),
          committee_id: committeeId,
          year,
          key: t.key,
          title: t.title,
          rule: t.rule,
          due_date: `${year}-${t.due}`,
          created_at: isoNow(ctx.clock),
        })),
      )
      .execute();
}

export type DutyStatus = "done" | "due" | "overdue";

export type Duty = DutyCalendarView["duties"][number];

const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** The duties of a year already created by `ensureDuties`, unchecked: callers authorise. */
export async function listDuties(
  ctx: Ctx,
  committee: CommitteesTable,
  year: number,
  asOf = today(ctx),
): Promise<Duty[]> {
  const committeeId = committee.id;
  const db = committeesDb(ctx);
  const rows = await db
    .selectFrom("committee_duties")
    .selectAll()
    .where("committee_id", "=", committeeId)
    .where("year", "=", year)
    .orderBy("due_date")
    .orderBy("key")
    .execute();
  const evidence = rows.length
    ? await db
        .selectFrom("committee_duty_evidence")
        .selectAll()
        .where(
          "duty_id",
          "in",
          rows.map((r) => r.id),
        )
        .orderBy("linked_at")
        .execute()
    : [];
  const templates = new Map(dutyTemplates(committee.kind).map((t) => [t.key, t]));
  const duties: Duty[] = [];
  for (const r of rows) {
    const t = templates.get(r.key);
    const linked: Duty["evidence"] = evidence
      .filter((e) => e.duty_id === r.id)
      .map((e) => ({
        id: e.id,
        kind: e.kind,
        label: e.label,
        refId: e.ref_id,
        url: e.url,
        linkedAt: e.linked_at,
      }));
    let done = linked.length > 0;
    if (t?.computed) {
      const c = await computedEvidence(ctx, committeeId, year, t.computed, committee.min_regular_meetings);
      linked.push(...c.evidence);
      done = c.done;
    }
    duties.push({
      id: r.id,
      key: r.key,
      title: r.title,
      rule: r.rule,
      dueDate: r.due_date,
      status: done ? "done" : asOf > r.due_date ? "overdue" : "due",
      daysLeft: days(asOf, r.due_date),
      evidence: linked,
      computed: !!t?.computed,
    });
  }
  return duties;
}

async function computedEvidence(
  ctx: Ctx,
  committeeId: string,
  year: number,
  kind: NonNullable<DutyTemplate["computed"]>,
  minMeetings: number,
): Promise<{ done: boolean; evidence: Duty["evidence"] }> {
  const db = committeesDb(ctx);
  const record = (label: string, url: string | null = null) => ({
    id: null,
    kind: "record" as const,
    label,
    refId: null,
    url,
    linkedAt: null,
  });
  if (kind === "meetings") {
    const held = await db
      .selectFrom("committee_meetings")
      .select(["id", "title", "starts_at"])
      .where("committee_id", "=", committeeId)
      .where("kind", "=", "regular")
      .where("status", "=", "adjourned")
      .where("starts_at", ">=", `${year}-01-01`)
      .where("starts_at", "<", `${year + 1}-01-01`)
      .orderBy("starts_at")
      .execute();
    return {
      done: held.length >= minMeetings,
      evidence: held.map((m) =>
        record(`${m.title} (${m.starts_at.slice(0, 10)})`, `/committees/meetings/${m.id}`),
      ),
    };
  }
  if (kind === "certifications") {
    const date = today(ctx) < `${year}-12-31` ? today(ctx) : `${year}-12-31`;
    const members = await currentMembers(ctx, committeeId, date);
    const certified = members.length
      ? await db
          .selectFrom("dno_questionnaires")
          .select(["person_id", "certified_at"])
          .where("year", "=", year)
          .where("status", "=", "certified")
          .where(
            "person_id",
            "in",
            members.map((m) => m.personId),
          )
          .execute()
      : [];
    return {
      done: members.length > 0 && members.every((m) => certified.some((c) => c.person_id === m.personId)),
      evidence: certified.map((c) =>
        record(
          `${members.find((m) => m.personId === c.person_id)?.name ?? c.person_id}: ${year} questionnaire certified ${c.certified_at?.slice(0, 10)}`,
        ),
      ),
    };
  }
  const advisers = await db
    .selectFrom("committee_advisers")
    .select(["id", "name", "firm"])
    .where("committee_id", "=", committeeId)
    .where("status", "=", "retained")
    .execute();
  const evidence: Duty["evidence"] = [];
  let done = true;
  for (const a of advisers) {
    const last = await db
      .selectFrom("adviser_assessments")
      .select("assessed_on")
      .where("adviser_id", "=", a.id)
      .where("assessed_on", ">=", `${year}-01-01`)
      .where("assessed_on", "<=", `${year}-12-31`)
      .orderBy("assessed_on", "desc")
      .executeTakeFirst();
    if (last) evidence.push(record(`${a.name} (${a.firm}) assessed ${last.assessed_on}`));
    else done = false;
  }
  return { done, evidence };
}

/** Links evidence to the duty of that year, creating the year's calendar if needed (idempotent per reference). */
export async function linkDutyEvidence(
  ctx: Ctx,
  committeeId: string,
  year: number,
  key: string,
  evidence: { kind: EvidenceKind; refId: string | null; label: string; url: string | null },
): Promise<boolean> {
  await ensureDuties(ctx, committeeId, year);
  const db = committeesDb(ctx);
  const duty = await db
    .selectFrom("committee_duties")
    .select("id")
    .where("committee_id", "=", committeeId)
    .where("year", "=", year)
    .where("key", "=", key)
    .executeTakeFirst();
  if (!duty) return false;
  if (evidence.refId) {
    const dup = await db
      .selectFrom("committee_duty_evidence")
      .select("id")
      .where("duty_id", "=", duty.id)
      .where("ref_id", "=", evidence.refId)
      .executeTakeFirst();
    if (dup) return false;
  }
  await db
    .insertInto("committee_duty_evidence")
    .values({
      id: newId(),
      duty_id: duty.id,
      kind: evidence.kind,
      ref_id: evidence.refId,
      label: evidence.label,
      url: evidence.url,
      linked_by: ctx.actor.label,
      linked_at: isoNow(ctx.clock),
    })
    .execute();
  await record(
    ctx,
    "duty.evidence",
    { type: "committee", id: committeeId },
    { year, key, kind: evidence.kind, refId: evidence.refId },
  );
  return true;
}

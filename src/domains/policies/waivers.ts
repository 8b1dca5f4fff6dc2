import { record } from "../../kernel/audit.ts";
import { addBusinessDays, businessDaysBetween } from "../../kernel/calendar.ts";
import { isoDate, isoNow, isoToday } from "../../kernel/clock.ts";
import { actorId, type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict, forbidden, invalid, notFound } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { closeTasks as closeKernelTasks, ensureTask } from "../../kernel/tasks.ts";
import { recipients } from "../people/index.ts";
import { policiesDb } from "./db.ts";
import { authorize, can } from "./policy.ts";
import type { WaiverDecision, WaiverInput } from "./schemas.ts";
import type { PolicyWaiversTable } from "./tables.ts";
import type { WaiverList, WaiverView } from "./views.ts";

/** Form 8-K, Item 5.05: a waiver for an executive officer or director is disclosed within 4 business days. */
export const WAIVER_DISCLOSURE_BUSINESS_DAYS = 4;

async function openTasksFor(
  ctx: Ctx,
  roles: string[],
  task: { kind: string; title: string; href: string; dueAt: string | null },
) {
  for (const u of await recipients(ctx, { roles })) {
    await ensureTask(ctx, { userId: u.userId, ...task }, { dedupe: "none" });
  }
}

async function closeTasks(ctx: Ctx, kind: string, href: string) {
  await closeKernelTasks(ctx, { kinds: [kind], href });
}

export async function requestWaiver(ctx: Ctx, input: WaiverInput): Promise<{ id: string }> {
  authorize(ctx.actor, "waiver.request");
  return withTransaction(ctx, async (tx) => {
    const db = policiesDb(tx);
    const policy = await db
      .selectFrom("policies")
      .select(["id", "short_title"])
      .where("id", "=", input.policyId)
      .executeTakeFirst();
    if (!policy)
      throw invalid("policyId is not a known policy.", [
        { path: "policyId", message: "is not a known policy" },
      ]);
    const person = await db
      .selectFrom("persons")
      .select(["id", "kind", "categories", "first_name", "last_name"])
      .where("id", "=", input.personId)
      .executeTakeFirst();
    if (!person)
      throw invalid("personId is not a known person.", [
        { path: "personId", message: "is not a known person" },
      ]);
    const categories = JSON.parse(person.categories) as string[];
    const covered =
      person.kind === "director" ||
      categories.includes("director") ||
      categories.includes("executive_officer") ||
      categories.includes("senior_officer");
    if (!covered) {
      throw invalid(
        "Waivers recorded here are for executive officers and directors (Form 8-K disclosure); this person is neither.",
        [{ path: "personId", message: "is not an executive officer or director" }],
      );
    }
    const id = newId();
    const now = isoNow(tx.clock);
    await db
      .insertInto("policy_waivers")
      .values({
        id,
        policy_id: policy.id,
        section_number: input.sectionNumber ?? null,
        person_id: person.id,
        reason: input.reason,
        status: "requested",
        requested_by: tx.actor.label,
        requested_at: now,
        decided_by_user_id: null,
        decided_by: null,
        decision_body: null,
        decision_note: null,
        decided_at: null,
        disclosure_due: null,
        disclosed_at: null,
        disclosure_reference: null,
        updated_at: now,
      })
      .execute();
    await openTasksFor(tx, ["board_member"], {
      kind: "waiver.decide",
      title: `Decide a waiver of the ${policy.short_title} for ${person.first_name} ${person.last_name}`,
      href: `/policies/waivers#${id}`,
      dueAt: null,
    });
    await record(
      tx,
      "waiver.request",
      { type: "waiver", id },
      { policyId: policy.id, personId: person.id, section: input.sectionNumber ?? null },
    );
    return { id };
  });
}

async function waiverRow(ctx: Ctx, id: string) {
  const waiver = await policiesDb(ctx)
    .selectFrom("policy_waivers")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!waiver) throw notFound("The waiver");
  return waiver;
}

/** Only the Board or a Board committee decides; approval starts the 4-business-day 8-K countdown. */
export async function decideWaiver(ctx: Ctx, waiverId: string, input: WaiverDecision): Promise<WaiverView> {
  if (!can(ctx.actor, "waiver.decide")) {
    throw forbidden(
      "A waiver for an executive officer or director is decided only by the Board or a Board committee.",
    );
  }
  return withTransaction(ctx, async (tx) => {
    const db = policiesDb(tx);
    const waiver = await waiverRow(tx, waiverId);
    if (waiver.status !== "requested") throw conflict(`The waiver was already ${waiver.status}.`);
    if (tx.actor.kind === "user" && tx.actor.personId === waiver.person_id) {
      throw forbidden("You cannot decide a waiver that concerns you.");
    }
    const now = isoNow(tx.clock);
    const today = isoDate(now);
    const due =
      input.decision === "approved" ? addBusinessDays(today, WAIVER_DISCLOSURE_BUSINESS_DAYS) : null;
    await db
      .updateTable("policy_waivers")
      .set({
        status: input.decision,
        decided_by_user_id: actorId(tx.actor),
        decided_by: tx.actor.label,
        decision_body: input.decisionBody,
        decision_note: input.note ?? null,
        decided_at: now,
        disclosure_due: due,
        updated_at: now,
      })
      .where("id", "=", waiverId)
      .execute();
    await closeTasks(tx, "waiver.decide", `/policies/waivers#${waiverId}`);
    if (due) {
      await openTasksFor(tx, ["compliance_officer", "general_counsel"], {
        kind: "waiver.disclose",
        title: `Disclose an approved waiver on Form 8-K by ${due}`,
        href: `/policies/waivers#${waiverId}`,
        dueAt: `${due}T23:59:59.000Z`,
      });
    }
    await record(
      tx,
      "waiver.decide",
      { type: "waiver", id: waiverId },
      { decision: input.decision, body: input.decisionBody, disclosureDue: due },
    );
    return getWaiver(tx, waiverId);
  });
}

export async function discloseWaiver(
  ctx: Ctx,
  waiverId: string,
  input: { reference: string },
): Promise<WaiverView> {
  authorize(ctx.actor, "waiver.disclose");
  return withTransaction(ctx, async (tx) => {
    const db = policiesDb(tx);
    const waiver = await waiverRow(tx, waiverId);
    if (waiver.status !== "approved") throw conflict("Only an approved waiver is disclosed.");
    if (waiver.disclosed_at) throw conflict("The waiver was already disclosed.");
    const now = isoNow(tx.clock);
    await db
      .updateTable("policy_waivers")
      .set({ disclosed_at: now, disclosure_reference: input.reference, updated_at: now })
      .where("id", "=", waiverId)
      .execute();
    await closeTasks(tx, "waiver.disclose", `/policies/waivers#${waiverId}`);
    await record(tx, "waiver.disclose", { type: "waiver", id: waiverId }, { reference: input.reference });
    return getWaiver(tx, waiverId);
  });
}

type WaiverRow = PolicyWaiversTable & {
  short_title: string;
  first_name: string;
  last_name: string;
  title: string | null;
};

function disclosureOf(w: PolicyWaiversTable, today: string) {
  if (w.status !== "approved" || !w.disclosure_due)
    return { state: "not_required" as const, businessDaysLeft: null };
  if (w.disclosed_at) return { state: "disclosed" as const, businessDaysLeft: null };
  const left = businessDaysBetween(today, w.disclosure_due);
  return { state: left < 0 ? ("overdue" as const) : ("due" as const), businessDaysLeft: left };
}

function view(w: WaiverRow, ctx: Ctx): WaiverView {
  const today = isoToday(ctx.clock);
  return {
    id: w.id,
    policyId: w.policy_id,
    policyTitle: w.short_title,
    sectionNumber: w.section_number,
    person: { id: w.person_id, name: `${w.first_name} ${w.last_name}`, title: w.title },
    reason: w.reason,
    status: w.status,
    requestedBy: w.requested_by,
    requestedAt: w.requested_at,
    decidedBy: w.decided_by,
    decisionBody: w.decision_body,
    decisionNote: w.decision_note,
    decidedAt: w.decided_at,
    disclosureDue: w.disclosure_due,
    disclosedAt: w.disclosed_at,
    disclosureReference: w.disclosure_reference,
    disclosure: disclosureOf(w, today),
    can: {
      decide:
        w.status === "requested" &&
        can(ctx.actor, "waiver.decide") &&
        !(ctx.actor.kind === "user" && ctx.actor.personId === w.person_id),
      disclose: w.status === "approved" && !w.disclosed_at && can(ctx.actor, "waiver.disclose"),
    },
  };
}

const selectWaivers = (ctx: Ctx) =>
  policiesDb(ctx)
    .selectFrom("policy_waivers as w")
    .innerJoin("policies as p", "p.id", "w.policy_id")
    .innerJoin("persons as x", "x.id", "w.person_id")
    .selectAll("w")
    .select(["p.short_title", "x.first_name", "x.last_name", "x.title"]);

export async function listWaivers(ctx: Ctx): Promise<WaiverList> {
  authorize(ctx.actor, "waiver.read");
  const rows = await selectWaivers(ctx).orderBy("w.requested_at", "desc").limit(500).execute();
  return { items: rows.map((r) => view(r, ctx)), can: { request: can(ctx.actor, "waiver.request") } };
}

export async function getWaiver(ctx: Ctx, waiverId: string): Promise<WaiverView> {
  authorize(ctx.actor, "waiver.read");
  const row = await selectWaivers(ctx).where("w.id", "=", waiverId).executeTakeFirst();
  if (!row) throw notFound("The waiver");
  return view(row, ctx);
}

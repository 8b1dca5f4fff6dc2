import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict, invalid, notFound } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { formatMoney, parseMoney } from "../../kernel/money.ts";
import { yearsBefore } from "./dates.ts";
import { committeesDb } from "./db.ts";
import { loadCommittee, standingOf, today } from "./load.ts";
import { authorize, can } from "./policy.ts";
import { adoptedResolution } from "./resolutions.ts";
import { type AssessmentInput, FACTOR_KEYS } from "./schemas.ts";
import type { AdviserKind } from "./tables.ts";
import type { AdviserListView } from "./views.ts";

/** The six independence factors of Exchange Act Rule 10C-1(b)(4). */
export const FACTOR_LABELS: Record<(typeof FACTOR_KEYS)[number], string> = {
  otherServices: "Other services the adviser's employer provides to the company",
  feesShareOfRevenue: "Fees from the company as a share of the employer's total revenue",
  conflictPolicies: "The employer's policies and procedures to prevent conflicts of interest",
  businessOrPersonalRelationshipWithMembers: "Business or personal relationships with committee members",
  stockOwned: "Company stock owned by the adviser",
  relationshipWithExecutiveOfficers:
    "Business or personal relationships with the company's executive officers",
};

async function loadAdviser(ctx: Ctx, adviserId: string) {
  const a = await committeesDb(ctx)
    .selectFrom("committee_advisers")
    .selectAll()
    .where("id", "=", adviserId)
    .executeTakeFirst();
  if (!a) throw notFound("The adviser");
  return a;
}

/** The latest assessment made within the year before `date`, if any (renewed yearly, CC-16). */
async function currentAssessment(ctx: Ctx, adviserId: string, date: string) {
  return committeesDb(ctx)
    .selectFrom("adviser_assessments")
    .selectAll()
    .where("adviser_id", "=", adviserId)
    .where("assessed_on", ">", yearsBefore(date, 1))
    .where("assessed_on", "<=", date)
    .orderBy("assessed_on", "desc")
    .executeTakeFirst();
}

/** Before the committee takes advice, the adviser is retained and assessed within the last year (CC-9, CC-16). */
export async function assertAdviserMayAdvise(ctx: Ctx, committeeId: string, adviserId: string, date: string) {
  const a = await loadAdviser(ctx, adviserId);
  if (a.committee_id !== committeeId)
    throw invalid("The adviser is not this committee's.", [
      { path: "adviserId", message: "is another committee's adviser" },
    ]);
  if (a.status !== "retained")
    throw conflict(`CC-9: ${a.name} is not retained by the committee (${a.status}).`);
  if (!(await currentAssessment(ctx, adviserId, date)))
    throw conflict(
      `CC-16: before taking advice from ${a.name} the committee records its assessment of the six Rule 10C-1 independence factors; the last one is more than a year old or missing.`,
    );
  return a;
}

export async function proposeAdviser(
  ctx: Ctx,
  committeeId: string,
  input: { name: string; firm: string; kind: AdviserKind; terms?: string | null | undefined },
): Promise<AdviserListView> {
  return withTransaction(ctx, async (tx) => {
    await loadCommittee(tx, committeeId);
    authorize(tx.actor, "adviser.manage", await standingOf(tx, committeeId));
    const id = newId();
    const now = isoNow(tx.clock);
    await committeesDb(tx)
      .insertInto("committee_advisers")
      .values({
        id,
        committee_id: committeeId,
        name: input.name,
        firm: input.firm,
        kind: input.kind,
        status: "proposed",
        terms: input.terms ?? null,
        retained_at: null,
        retained_resolution_id: null,
        terminated_at: null,
        terminated_resolution_id: null,
        created_by: tx.actor.label,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await record(
      tx,
      "adviser.propose",
      { type: "adviser", id },
      { committeeId, name: input.name, firm: input.firm, kind: input.kind },
    );
    return getAdvisers(tx, committeeId);
  });
}

/** The committee records its assessment of the six factors (CC-16); every factor needs a finding. */
export async function assessAdviser(
  ctx: Ctx,
  adviserId: string,
  input: AssessmentInput,
): Promise<AdviserListView> {
  return withTransaction(ctx, async (tx) => {
    const a = await loadAdviser(tx, adviserId);
    authorize(tx.actor, "adviser.manage", await standingOf(tx, a.committee_id));
    if (input.assessedOn > today(tx))
      throw invalid("An assessment cannot be dated in the future.", [
        { path: "assessedOn", message: "is in the future" },
      ]);
    const id = newId();
    await committeesDb(tx)
      .insertInto("adviser_assessments")
      .values({
        id,
        adviser_id: adviserId,
        assessed_on: input.assessedOn,
        factors: JSON.stringify(input.factors),
        conclusion: input.conclusion,
        resolution_id: null,
        assessed_by: tx.actor.label,
        created_at: isoNow(tx.clock),
      })
      .execute();
    const concerns = FACTOR_KEYS.filter((k) => input.factors[k].concern);
    await record(
      tx,
      "adviser.assess",
      { type: "adviser", id: adviserId },
      { assessedOn: input.assessedOn, concerns },
    );
    return getAdvisers(tx, a.committee_id);
  });
}

/** Retained by the committee alone, by one of its adopted resolutions, after a current assessment (CC-16). */
export async function retainAdviser(
  ctx: Ctx,
  adviserId: string,
  input: { resolutionId: string },
): Promise<AdviserListView> {
  return withTransaction(ctx, async (tx) => {
    const a = await loadAdviser(tx, adviserId);
    authorize(tx.actor, "adviser.manage", await standingOf(tx, a.committee_id));
    if (a.status === "retained") throw conflict(`${a.name} is already retained.`);
    const r = await adoptedResolution(tx, a.committee_id, input.resolutionId);
    if (!(await currentAssessment(tx, adviserId, today(tx))))
      throw conflict(
        `CC-16: before engaging ${a.name} the committee records its assessment of the six Rule 10C-1 independence factors.`,
      );
    const now = isoNow(tx.clock);
    await committeesDb(tx)
      .updateTable("committee_advisers")
      .set({
        status: "retained",
        retained_at: now,
        retained_resolution_id: r.id,
        terminated_at: null,
        updated_at: now,
      })
      .where("id", "=", adviserId)
      .execute();
    await record(tx, "adviser.retain", { type: "adviser", id: adviserId }, { resolutionId: r.id });
    return getAdvisers(tx, a.committee_id);
  });
}

export async function terminateAdviser(
  ctx: Ctx,
  adviserId: string,
  input: { resolutionId: string },
): Promise<AdviserListView> {
  return withTransaction(ctx, async (tx) => {
    const a = await loadAdviser(tx, adviserId);
    authorize(tx.actor, "adviser.manage", await standingOf(tx, a.committee_id));
    if (a.status !== "retained") throw conflict(`${a.name} is not retained.`);
    const r = await adoptedResolution(tx, a.committee_id, input.resolutionId);
    const now = isoNow(tx.clock);
    await committeesDb(tx)
      .updateTable("committee_advisers")
      .set({ status: "terminated", terminated_at: now, terminated_resolution_id: r.id, updated_at: now })
      .where("id", "=", adviserId)
      .execute();
    await record(tx, "adviser.terminate", { type: "adviser", id: adviserId }, { resolutionId: r.id });
    return getAdvisers(tx, a.committee_id);
  });
}

/** Fees are approved by the committee (CC-16): each approval cites an adopted resolution. */
export async function approveAdviserFee(
  ctx: Ctx,
  adviserId: string,
  input: { resolutionId: string; amount: string; description: string },
): Promise<AdviserListView> {
  return withTransaction(ctx, async (tx) => {
    const a = await loadAdviser(tx, adviserId);
    authorize(tx.actor, "adviser.manage", await standingOf(tx, a.committee_id));
    if (a.status === "proposed") throw conflict(`${a.name} is not retained yet.`);
    const r = await adoptedResolution(tx, a.committee_id, input.resolutionId);
    const cents = parseMoney(input.amount);
    await committeesDb(tx)
      .insertInto("adviser_fees")
      .values({
        id: newId(),
        adviser_id: adviserId,
        amount_cents: cents.toString(),
        description: input.description,
        resolution_id: r.id,
        approved_at: isoNow(tx.clock),
      })
      .execute();
    await record(
      tx,
      "adviser.fee",
      { type: "adviser", id: adviserId },
      { amount: formatMoney(cents), resolutionId: r.id },
    );
    return getAdvisers(tx, a.committee_id);
  });
}

export async function getAdvisers(ctx: Ctx, committeeId: string): Promise<AdviserListView> {
  await loadCommittee(ctx, committeeId);
  const standing = await standingOf(ctx, committeeId);
  if (!can(ctx.actor, "committee.read", standing)) throw notFound("The committee");
  const db = committeesDb(ctx);
  const rows = await db
    .selectFrom("committee_advisers")
    .selectAll()
    .where("committee_id", "=", committeeId)
    .orderBy("name")
    .execute();
  const date = today(ctx);
  const items = [];
  for (const a of rows) {
    const assessments = await db
      .selectFrom("adviser_assessments")
      .selectAll()
      .where("adviser_id", "=", a.id)
      .orderBy("assessed_on", "desc")
      .execute();
    const fees = await db
      .selectFrom("adviser_fees")
      .selectAll()
      .where("adviser_id", "=", a.id)
      .orderBy("approved_at")
      .execute();
    const current = await currentAssessment(ctx, a.id, date);
    items.push({
      id: a.id,
      name: a.name,
      firm: a.firm,
      kind: a.kind,
      status: a.status,
      terms: a.terms,
      retainedAt: a.retained_at,
      terminatedAt: a.terminated_at,
      assessmentCurrent: !!current,
      assessmentDueBy: current ? yearsBefore(current.assessed_on, -1) : null,
      assessments: assessments.map((s) => ({
        id: s.id,
        assessedOn: s.assessed_on,
        conclusion: s.conclusion,
        factors: JSON.parse(s.factors) as Record<string, { finding: string; concern: boolean }>,
        assessedBy: s.assessed_by,
      })),
      fees: fees.map((f) => ({
        id: f.id,
        amount: formatMoney(BigInt(f.amount_cents)),
        description: f.description,
        resolutionId: f.resolution_id,
        approvedAt: f.approved_at,
      })),
      feesTotal: formatMoney(fees.reduce((s, f) => s + BigInt(f.amount_cents), 0n)),
    });
  }
  return { items, factors: FACTOR_LABELS, canManage: can(ctx.actor, "adviser.manage", standing) };
}

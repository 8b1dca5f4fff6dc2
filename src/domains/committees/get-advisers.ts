import type { Ctx } from "../../kernel/context.ts";
import { notFound } from "../../kernel/errors.ts";
import { formatMoney } from "../../kernel/money.ts";
import { currentAssessment, FACTOR_LABELS } from "./advisers.ts";
import { yearsBefore } from "./dates.ts";
import { committeesDb } from "./db.ts";
import { loadCommittee, standingOf, today } from "./load.ts";
import { can } from "./policy.ts";
import type { AdviserListView } from "./views.ts";

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

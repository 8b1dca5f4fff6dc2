import type { Ctx } from "../../kernel/context.ts";
import { notFound } from "../../kernel/errors.ts";
import type { Allocation, OfferingSpec } from "./allocate-offering.ts";
import { buildSpec } from "./build-spec.ts";
import { rxDb } from "./db.ts";
import { investorOfActor } from "./offerings.ts";
import { authorize, seesAll } from "./policy.ts";
import type { AllocationRun, NoticeSummary } from "./views.ts";

async function notices(ctx: Ctx, allocationId: string, investorId?: string): Promise<NoticeSummary[]> {
  let q = rxDb(ctx)
    .selectFrom("rx_purchase_notices as n")
    .innerJoin("rx_investors as i", "i.id", "n.investor_id")
    .leftJoin("rx_purchase_notices as earlier", "earlier.id", "n.supersedes_id")
    .select(["n.id", "n.investor_id", "i.code", "i.name", "n.due_date", "n.issued_at"])
    .select("earlier.issued_at as supersedes_issued_at")
    .where("n.allocation_id", "=", allocationId);
  if (investorId) q = q.where("n.investor_id", "=", investorId);
  const rows = await q.orderBy("i.code").execute();
  return rows.map((r) => ({
    id: r.id,
    investorId: r.investor_id,
    investorCode: r.code,
    investorName: r.name,
    dueDate: r.due_date,
    issuedAt: r.issued_at,
    onTime: r.issued_at.slice(0, 10) <= r.due_date,
    supersedesIssuedAt: r.supersedes_issued_at ?? null,
  }));
}

const MAX_CHANGES = 20;

/** What differs between the input a run used and the register and paid elections now (ECA-2(b)). */
export function specChanges(then: OfferingSpec, now: OfferingSpec): string[] {
  const out: string[] = [];
  const { holders: h0, investors: i0, ...terms0 } = then;
  const { holders: h1, investors: i1, ...terms1 } = now;
  if (JSON.stringify(terms0) !== JSON.stringify(terms1)) out.push("the offering's terms changed");
  if (JSON.stringify(i0) !== JSON.stringify(i1)) out.push("the investors' backstop percentages changed");
  const before = new Map(h0.map((h) => [h.id, h]));
  const after = new Map(h1.map((h) => [h.id, h]));
  for (const h of h1) {
    const b = before.get(h.id);
    if (!b) out.push(`holder ${h.id} was added to the register`);
    else {
      if (b.rights !== h.rights) out.push(`holder ${h.id}'s rights changed from ${b.rights} to ${h.rights}`);
      if (b.exercised !== h.exercised)
        out.push(`holder ${h.id}'s paid exercise changed from ${b.exercised} to ${h.exercised} units`);
    }
  }
  for (const h of h0) if (!after.has(h.id)) out.push(`holder ${h.id} left the register`);
  return out.length > MAX_CHANGES
    ? [...out.slice(0, MAX_CHANGES), `… and ${out.length - MAX_CHANGES} more changes`]
    : out;
}

/**
 * The current allocation run. Staff see all of it; an investor sees its own figures and notice.
 * A run whose inputs have changed since is marked out of date, with what changed (staff only).
 */
export async function getAllocation(ctx: Ctx, offeringId: string): Promise<AllocationRun | null> {
  authorize(ctx.actor, "notice.read");
  const mine = seesAll(ctx.actor) ? null : await investorOfActor(ctx, offeringId);
  if (!seesAll(ctx.actor) && !mine) throw notFound("The offering");
  const db = rxDb(ctx);
  const row = await db
    .selectFrom("rx_allocations")
    .selectAll()
    .where("offering_id", "=", offeringId)
    .where("is_current", "=", 1)
    .executeTakeFirst();
  if (!row) return null;
  const allocation = JSON.parse(row.result) as Allocation;
  const changes = specChanges(JSON.parse(row.input) as OfferingSpec, await buildSpec(ctx, offeringId));
  const earlier = await db
    .selectFrom("rx_allocations")
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .where("offering_id", "=", offeringId)
    .where("is_current", "=", 0)
    .where("run_at", "<=", row.run_at)
    .executeTakeFirstOrThrow();
  const run = {
    id: row.id,
    offeringId,
    runAt: row.run_at,
    reason: row.reason,
    outOfDate: changes.length > 0,
    changes: mine ? [] : changes,
    supersededRuns: Number(earlier.n),
  };
  if (mine)
    return {
      ...run,
      allocation: {
        holders: [],
        investors: allocation.investors.filter((i) => i.id === mine.code),
        totals: allocation.totals,
        explanation: [],
      },
      notices: await notices(ctx, row.id, mine.id),
    };
  return { ...run, allocation, notices: await notices(ctx, row.id) };
}

/** Each holder's final units (by holder code) in the current allocation, or null before it runs. */
export async function allottedUnits(ctx: Ctx, offeringId: string): Promise<Map<string, number> | null> {
  const row = await rxDb(ctx)
    .selectFrom("rx_allocations")
    .select("result")
    .where("offering_id", "=", offeringId)
    .where("is_current", "=", 1)
    .executeTakeFirst();
  if (!row) return null;
  const allocation = JSON.parse(row.result) as Allocation;
  return new Map(allocation.holders.map((h) => [h.id, h.finalUnits]));
}

import type { Ctx } from "../../kernel/context.ts";
import { notFound } from "../../kernel/errors.ts";
import type { Allocation } from "./allocate-offering.ts";
import { rxDb } from "./db.ts";
import { investorOfActor } from "./offerings.ts";
import { authorize, seesAll } from "./policy.ts";
import type { AllocationRun, NoticeSummary } from "./views.ts";

async function notices(ctx: Ctx, allocationId: string, investorId?: string): Promise<NoticeSummary[]> {
  let q = rxDb(ctx)
    .selectFrom("rx_purchase_notices as n")
    .innerJoin("rx_investors as i", "i.id", "n.investor_id")
    .select(["n.id", "n.investor_id", "i.code", "i.name", "n.due_date", "n.issued_at"])
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
  }));
}

/** The current allocation run. Staff see all of it; an investor sees its own figures and notice. */
export async function getAllocation(ctx: Ctx, offeringId: string): Promise<AllocationRun | null> {
  authorize(ctx.actor, "notice.read");
  const mine = seesAll(ctx.actor) ? null : await investorOfActor(ctx, offeringId);
  if (!seesAll(ctx.actor) && !mine) throw notFound("The offering");
  const row = await rxDb(ctx)
    .selectFrom("rx_allocations")
    .selectAll()
    .where("offering_id", "=", offeringId)
    .where("is_current", "=", 1)
    .executeTakeFirst();
  if (!row) return null;
  const allocation = JSON.parse(row.result) as Allocation;
  if (mine)
    return {
      id: row.id,
      offeringId,
      runAt: row.run_at,
      allocation: {
        holders: [],
        investors: allocation.investors.filter((i) => i.id === mine.code),
        totals: allocation.totals,
        explanation: [],
      },
      notices: await notices(ctx, row.id, mine.id),
    };
  return { id: row.id, offeringId, runAt: row.run_at, allocation, notices: await notices(ctx, row.id) };
}

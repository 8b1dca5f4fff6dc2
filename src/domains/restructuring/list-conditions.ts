import type { Ctx } from "../../kernel/context.ts";
import { evaluateCondition } from "./conditions-catalogue.ts";
import { rxDb } from "./db.ts";
import { readable } from "./oversight.ts";
import type { ConditionView } from "./views.ts";

export async function listConditions(ctx: Ctx, offeringId: string): Promise<ConditionView[]> {
  await readable(ctx, offeringId);
  const rows = await rxDb(ctx)
    .selectFrom("rx_conditions")
    .selectAll()
    .where("offering_id", "=", offeringId)
    .orderBy("code")
    .execute();
  return rows.map((r) => {
    const inputs = JSON.parse(r.inputs) as Record<string, unknown>;
    const e = evaluateCondition(r.code, inputs);
    return { id: r.id, code: r.code, title: r.title, status: r.status, evidence: r.evidence, inputs, ...e };
  });
}

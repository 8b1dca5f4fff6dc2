// Conditions precedent, deadlines, termination events, use of proceeds and progress reports:
// the read-and-record use cases around the allocation.
import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { invalid, notFound } from "../../kernel/errors.ts";
import { evaluateCondition } from "./conditions-catalogue.ts";
import { rxDb } from "./db.ts";
import { listConditions } from "./list-conditions.ts";
import { authorize } from "./policy.ts";
import type { ConditionStatus } from "./tables.ts";
import type { ConditionView } from "./views.ts";

/** Records evidence and status; a computed condition's status follows its formula (ECA-11). */
export async function updateCondition(
  ctx: Ctx,
  id: string,
  patch: {
    status?: "pending" | "satisfied" | "failed" | undefined;
    evidence?: string | undefined;
    inputs?: Record<string, unknown> | undefined;
  },
): Promise<ConditionView> {
  authorize(ctx.actor, "condition.update");
  return withTransaction(ctx, async (tx) => {
    const db = rxDb(tx);
    const c = await db.selectFrom("rx_conditions").selectAll().where("id", "=", id).executeTakeFirst();
    if (!c) throw notFound("The condition");
    const inputs = { ...(JSON.parse(c.inputs) as Record<string, unknown>), ...(patch.inputs ?? {}) };
    if (c.code === "m") checkEbitdaFigures(patch.inputs ?? {});
    const e = evaluateCondition(c.code, inputs);
    let status: ConditionStatus = patch.status ?? c.status;
    if (e.computed) {
      if (patch.status && patch.status !== "pending" && e.met === null)
        throw invalid(`Condition 11(${c.code}) is computed: give its figures first.`, [
          { path: "inputs", message: "are incomplete" },
        ]);
      status =
        e.met === null
          ? c.status === "waived"
            ? "waived"
            : "pending"
          : e.met
            ? "satisfied"
            : c.status === "waived"
              ? "waived"
              : "failed";
    }
    await db
      .updateTable("rx_conditions")
      .set({
        status,
        evidence: patch.evidence ?? c.evidence,
        inputs: JSON.stringify(inputs),
        updated_at: isoNow(tx.clock),
        updated_by: tx.actor.label,
      })
      .where("id", "=", id)
      .execute();
    await record(
      tx,
      "condition.update",
      { type: "condition", id },
      { code: c.code, status, inputs: patch.inputs ?? null },
    );
    return (await listConditions(tx, c.offering_id)).find((x) => x.id === id)!;
  });
}

/** 11(m) figures are keyed by month (YYYY-MM) and are amounts of money; a wrong one would be silently skipped. */
function checkEbitdaFigures(inputs: Record<string, unknown>): void {
  const errors: { path: string; message: string }[] = [];
  for (const table of ["months", "schedule"] as const) {
    const rows = inputs[table];
    if (rows === undefined) continue;
    if (typeof rows !== "object" || rows === null) {
      errors.push({ path: `inputs.${table}`, message: "is a table of months and amounts" });
      continue;
    }
    for (const [month, value] of Object.entries(rows as Record<string, unknown>)) {
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
        errors.push({ path: `inputs.${table}.${month}`, message: `"${month}" is not a month (YYYY-MM)` });
      else if (typeof value !== "string" || !/^-?\d{1,15}(\.\d{1,2})?$/.test(value.replace(/[$,\s]/g, "")))
        errors.push({ path: `inputs.${table}.${month}`, message: "is an amount of money, like 12500000.00" });
    }
  }
  if (errors.length)
    throw invalid(
      `Condition 11(m): ${errors.map((e) => `${e.path} ${e.message}`).join("; ")} (ECA-11(m)).`,
      errors,
    );
}

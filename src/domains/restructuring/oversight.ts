import { Decimal } from "decimal.js";
// Conditions precedent, deadlines, termination events, use of proceeds and progress reports:
// the read-and-record use cases around the allocation.
import { record } from "../../kernel/audit.ts";
import { isoNow, isoToday } from "../../kernel/clock.ts";
import { type Ctx, systemActor, withTransaction } from "../../kernel/context.ts";
import { conflict, invalid, notFound } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { queueMail } from "../../kernel/mail.ts";
import { parseMoney } from "../../kernel/money.ts";
import { type Allocation, centsText } from "./allocate-offering.ts";
import { evaluateCondition } from "./conditions-catalogue.ts";
import { big, col, int, rxDb } from "./db.ts";
import {
  computeDeadlines,
  progressReportReason,
  TERMINATION_EVENTS,
  terminationFeeOwed,
} from "./deadlines.ts";
import { investorOfActor, loadOffering } from "./offerings.ts";
import { authorize, seesAll } from "./policy.ts";
import type { Facts } from "./schemas.ts";
import type { ConditionStatus } from "./tables.ts";
import { computeUseOfProceeds } from "./use-of-proceeds.ts";
import type {
  ConditionView,
  Deadline,
  ProgressReportView,
  TerminationsView,
  TerminationView,
  UseOfProceedsView,
} from "./views.ts";

async function readable(ctx: Ctx, offeringId: string) {
  authorize(ctx.actor, "offering.read");
  const o = await loadOffering(ctx, offeringId);
  if (!seesAll(ctx.actor) && !(await investorOfActor(ctx, offeringId))) throw notFound("The offering");
  return o;
}

export type { ConditionView, TerminationView } from "./views.ts";

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

export async function getDeadlines(ctx: Ctx, offeringId: string): Promise<Deadline[]> {
  const o = await readable(ctx, offeringId);
  return computeDeadlines(JSON.parse(o.facts) as Facts, isoToday(ctx.clock));
}

export async function listTerminations(ctx: Ctx, offeringId: string): Promise<TerminationsView> {
  await readable(ctx, offeringId);
  const rows = await rxDb(ctx)
    .selectFrom("rx_terminations")
    .selectAll()
    .where("offering_id", "=", offeringId)
    .orderBy("recorded_at")
    .execute();
  return {
    events: TERMINATION_EVENTS,
    recorded: rows.map(
      (r): TerminationView => ({
        id: r.id,
        event: r.event,
        label: TERMINATION_EVENTS.find((t) => t.code === r.event)?.label ?? r.event,
        occurredOn: r.occurred_on,
        feeOwed: r.fee_owed === 1,
        fee: centsText(big(r.fee_cents)),
        note: r.note,
        recordedAt: r.recorded_at,
      }),
    ),
  };
}

/** Records a termination event and whether it owes the Termination Fee (ECA-19, ECA-2(d)). */
export async function recordTermination(
  ctx: Ctx,
  offeringId: string,
  input: { event: string; occurredOn: string; note: string; minimumBackstopPartiesReady: boolean },
): Promise<TerminationView> {
  authorize(ctx.actor, "termination.record");
  const known = TERMINATION_EVENTS.find((t) => t.code === input.event);
  if (!known)
    throw invalid(`"${input.event}" is not a termination event of section 19.`, [
      { path: "event", message: `use one of ${TERMINATION_EVENTS.map((t) => t.code).join(", ")}` },
    ]);
  return withTransaction(ctx, async (tx) => {
    const o = await loadOffering(tx, offeringId);
    const earlier = await rxDb(tx)
      .selectFrom("rx_terminations")
      .select(["event", "occurred_on"])
      .where("offering_id", "=", offeringId)
      .executeTakeFirst();
    if (earlier)
      throw conflict(
        `The agreement was already terminated under section ${earlier.event} on ${earlier.occurred_on} (ECA-19).`,
      );
    const facts = JSON.parse(o.facts) as Facts;
    const owed = terminationFeeOwed(
      input.event,
      input.minimumBackstopPartiesReady,
      Boolean(facts.disclosureStatementOrderDate),
    );
    const structuring = BigInt(
      new Decimal(big(o.maximum_amount_cents).toString())
        .times(o.structuring_fee_rate)
        .toDecimalPlaces(0, Decimal.ROUND_HALF_UP)
        .toFixed(0),
    );
    const feeTotal = structuring - big(o.termination_fee_deduction_cents);
    const fee = owed && feeTotal > 0n ? feeTotal : 0n;
    const id = newId();
    const now = isoNow(tx.clock);
    await rxDb(tx)
      .insertInto("rx_terminations")
      .values({
        id,
        offering_id: offeringId,
        event: input.event,
        occurred_on: input.occurredOn,
        fee_owed: owed ? 1 : 0,
        fee_cents: col(fee),
        note: input.note,
        recorded_by: tx.actor.label,
        recorded_at: now,
      })
      .execute();
    await record(
      tx,
      "termination.record",
      { type: "offering", id: offeringId },
      { ...input, feeOwed: owed, fee: fee.toString() },
    );
    return {
      id,
      event: input.event,
      label: known.label,
      occurredOn: input.occurredOn,
      feeOwed: owed,
      fee: centsText(fee),
      note: input.note,
      recordedAt: now,
    };
  });
}

/** The use-of-proceeds waterfall (ECA-9(i)) from the current allocation's proceeds. */
export async function getUseOfProceeds(
  ctx: Ctx,
  offeringId: string,
  input: { requiredPayments: string; clauseDPayments: string; liquidityConditionHolds: boolean },
): Promise<UseOfProceedsView> {
  const o = await readable(ctx, offeringId);
  const run = await rxDb(ctx)
    .selectFrom("rx_allocations")
    .select("result")
    .where("offering_id", "=", offeringId)
    .where("is_current", "=", 1)
    .executeTakeFirst();
  const price = big(o.price_per_unit_cents);
  let proceeds = 0n;
  if (run) {
    const a = JSON.parse(run.result) as Allocation;
    const units =
      a.holders.reduce((s, h) => s + h.finalUnits, 0) + a.investors.reduce((s, i) => s + i.residualUnits, 0);
    proceeds = BigInt(units) * price;
  }
  const w = computeUseOfProceeds({
    proceeds,
    maximumAmount: big(o.maximum_amount_cents),
    requiredPayments: parseMoney(input.requiredPayments),
    clauseDPayments: parseMoney(input.clauseDPayments),
    liquidityConditionHolds: input.liquidityConditionHolds,
  });
  return {
    proceeds: centsText(proceeds),
    fromAllocation: Boolean(run),
    reserve: centsText(w.reserve),
    unused: centsText(w.unused),
    lines: w.lines.map((l) => ({ ...l, amount: centsText(l.amount) })),
  };
}

export async function listProgressReports(ctx: Ctx, offeringId: string): Promise<ProgressReportView[]> {
  await readable(ctx, offeringId);
  const rows = await rxDb(ctx)
    .selectFrom("rx_progress_reports")
    .selectAll()
    .where("offering_id", "=", offeringId)
    .orderBy("report_date", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    reportDate: r.report_date,
    reason: r.reason,
    rightsExercised: int(r.rights_exercised),
    rightsTotal: int(r.rights_total),
    sentAt: r.sent_at,
  }));
}

/**
 * The `restructuring.progress` job (ECA-9(g)): on each Friday of the exercise period and each of
 * its last 5 business days, tells the investors how many rights had been exercised by the close of
 * the preceding day. Once per offering and date, however often the job runs.
 */
export async function sendProgressReports(ctx: Ctx): Promise<number> {
  const date = isoToday(ctx.clock);
  const db = rxDb(ctx);
  const offerings = await db
    .selectFrom("rx_offerings")
    .select(["id", "name", "exercise_start", "exercise_end"])
    .where("exercise_start", "<=", date)
    .where("exercise_end", ">=", date)
    .execute();
  let sent = 0;
  for (const o of offerings) {
    const reason = progressReportReason(date, o.exercise_start, o.exercise_end);
    if (!reason) continue;
    await withTransaction({ ...ctx, actor: systemActor("progress reports") }, async (tx) => {
      const t = rxDb(tx);
      const done = await t
        .selectFrom("rx_progress_reports")
        .select("id")
        .where("offering_id", "=", o.id)
        .where("report_date", "=", date)
        .executeTakeFirst();
      if (done) return;
      const s = await t
        .selectFrom("rx_holders")
        .select((eb) => [
          eb.fn
            .sum<string | number | null>(
              eb
                .case()
                .when("elected_at", "<", `${date}T00:00:00.000Z`)
                .then(eb.ref("exercised"))
                .else(0)
                .end(),
            )
            .as("exercised"),
          eb.fn.sum<string | number | null>("rights").as("rights"),
        ])
        .where("offering_id", "=", o.id)
        .executeTakeFirstOrThrow();
      const id = newId();
      const now = isoNow(tx.clock);
      await t
        .insertInto("rx_progress_reports")
        .values({
          id,
          offering_id: o.id,
          report_date: date,
          reason,
          rights_exercised: col(int(s.exercised)),
          rights_total: col(int(s.rights)),
          sent_at: now,
        })
        .execute();
      const users = await t
        .selectFrom("rx_investor_users as u")
        .innerJoin("rx_investors as i", "i.id", "u.investor_id")
        .innerJoin("users", "users.id", "u.user_id")
        .select("users.email")
        .where("i.offering_id", "=", o.id)
        .execute();
      for (const u of users)
        await queueMail(tx, {
          to: u.email,
          subject: `Rights exercised: ${o.name} (${date})`,
          text: `As of the close of business on the preceding day, ${int(s.exercised).toLocaleString("en-US")} of ${int(s.rights).toLocaleString("en-US")} rights had been exercised in ${o.name}. Sent on ${reason}.`,
        });
      await record(
        tx,
        "progress.report",
        { type: "offering", id: o.id },
        { date, exercised: int(s.exercised) },
      );
      sent += 1;
    });
  }
  return sent;
}

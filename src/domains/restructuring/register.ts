import { parse } from "csv-parse/sync";
import { record } from "../../kernel/audit.ts";
import { isoNow, isoToday } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { AppError, conflict } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { parseMoney } from "../../kernel/money.ts";
import { centsText, rightsFromClaims } from "./allocate-offering.ts";
import { big, col, int, rxDb } from "./db.ts";
import { loadInvestors, loadOffering } from "./offerings.ts";
import { matchPayment } from "./payment-match.ts";
import { authorize } from "./policy.ts";
import type { HolderView, ImportRegisterResult, RowError } from "./views.ts";

/** The classes of Eligible Claims (ECA recitals). */
export const CLAIM_CLASSES = {
  us_rollup: "U.S. Roll-Up Term Loan",
  eu_rollup: "European Roll-Up Term Loan",
  eu_term: "European Term Loan",
} as const;
export type ClaimClass = keyof typeof CLAIM_CLASSES;

export const REGISTER_COLUMNS = [
  "holder_id",
  "name",
  "email",
  "investor",
  "class",
  "amount",
  "plan_shares",
  "rights",
] as const;
export const REGISTER_TEMPLATE = `${REGISTER_COLUMNS.join(",")}\nH0001,Example Credit Fund LP,ops@example.com,,us_rollup,1250000.00,0,\n`;
const MAX_ROWS = 200_000;
const MAX_CHANGES = 500;

export type { ImportRegisterResult, RowError } from "./views.ts";

function classOf(text: string): ClaimClass | null {
  const t = text.trim().toLowerCase();
  for (const [code, label] of Object.entries(CLAIM_CLASSES))
    if (t === code || t === label.toLowerCase()) return code as ClaimClass;
  return null;
}

type HolderDraft = {
  row: number;
  code: string;
  name: string;
  email: string | null;
  investor: string | null;
  planShares: number;
  rightsExplicit: number | null;
  claims: Partial<Record<ClaimClass, bigint>>;
};

/**
 * Imports the claims register from CSV (one row per holder and class of Eligible Claims). Every
 * row error is reported with its row and column, and a file with any error writes nothing. Rights
 * are then recomputed pro rata to Eligible Claims unless given explicitly. A dry run answers the
 * diff (new holders, rights before and after) and writes nothing; after the offering's record date
 * an import that changes anyone's rights is refused unless it is an explicit re-basing with a
 * reason, audited with each holder's rights before and after (ECA-3(a)).
 */
export async function importRegister(
  ctx: Ctx,
  offeringId: string,
  input: { csv: string; dryRun: boolean; rebaseReason?: string | undefined },
): Promise<ImportRegisterResult> {
  authorize(ctx.actor, "register.import");
  let records: string[][];
  try {
    records = parse(input.csv, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (error) {
    throw new AppError(
      "INVALID",
      `The file is not valid CSV: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const [header, ...rows] = records;
  if (!header || rows.length === 0)
    throw new AppError("INVALID", "The file needs a header row and at least one row.");
  if (rows.length > MAX_ROWS)
    throw new AppError("INVALID", `The file has ${rows.length} rows; the limit is ${MAX_ROWS}.`);
  return withTransaction(ctx, async (tx) => {
    const offering = await loadOffering(tx, offeringId);
    const investors = await loadInvestors(tx, offeringId);
    const investorId = new Map(investors.map((i) => [i.code, i.id]));
    const errors: RowError[] = [];
    const columns = header.map((h) => h.trim().toLowerCase());
    for (const required of ["holder_id", "name", "class", "amount"])
      if (!columns.includes(required))
        errors.push({ row: 1, column: required, message: "is a required column" });
    columns.forEach((c) => {
      if (!(REGISTER_COLUMNS as readonly string[]).includes(c))
        errors.push({ row: 1, column: c, message: `is not a column (use ${REGISTER_COLUMNS.join(", ")})` });
    });
    const drafts = new Map<string, HolderDraft>();
    if (errors.length === 0)
      rows.forEach((cells, i) => {
        const row = i + 2;
        const get = (c: string) => cells[columns.indexOf(c)]?.trim() ?? "";
        const err = (column: string, message: string) => errors.push({ row, column, message });
        const code = get("holder_id");
        if (!/^[A-Za-z0-9_.-]{1,40}$/.test(code)) {
          err("holder_id", "is required: letters, digits, dot, dash or underscore");
          return;
        }
        const name = get("name");
        if (!name) err("name", "is required");
        const klass = classOf(get("class"));
        if (!klass)
          err(
            "class",
            `"${get("class")}" is not an Eligible Claim class (${Object.keys(CLAIM_CLASSES).join(", ")})`,
          );
        let amount: bigint | null = null;
        try {
          amount = parseMoney(get("amount"));
          if (amount <= 0n) {
            err("amount", "must be more than zero");
            amount = null;
          }
        } catch {
          err("amount", `"${get("amount")}" is not an amount (use 1234.56)`);
        }
        const investor = get("investor").toLowerCase() || null;
        if (investor && !investorId.has(investor))
          err(
            "investor",
            `"${investor}" is not an investor of this offering (${[...investorId.keys()].join(", ")})`,
          );
        const whole = (column: string): number | null => {
          const text = get(column);
          if (text === "") return null;
          if (!/^\d{1,15}$/.test(text)) {
            err(column, `"${text}" is not a whole number`);
            return null;
          }
          return Number(text);
        };
        const planShares = whole("plan_shares") ?? 0;
        const rights = whole("rights");
        const email = get("email").toLowerCase() || null;
        if (email && !/^[^@\s]+@[^@\s]+$/.test(email)) err("email", `"${email}" is not an e-mail address`);
        const existing = drafts.get(code);
        if (existing) {
          if (existing.name !== name || existing.investor !== investor)
            err("name", `holder ${code} has a different name or investor on row ${existing.row}`);
          if (klass && existing.claims[klass] !== undefined)
            err("class", `holder ${code} already has a ${klass} claim on row ${existing.row}`);
          if (klass && amount !== null) existing.claims[klass] = amount;
          return;
        }
        drafts.set(code, {
          row,
          code,
          name,
          email,
          investor,
          planShares,
          rightsExplicit: rights,
          claims: klass && amount !== null ? { [klass]: amount } : {},
        });
      });
    const db = rxDb(tx);
    const current = await db
      .selectFrom("rx_holders")
      .select(["id", "code", "name", "claims_cents", "rights_explicit", "rights", "exercised"])
      .where("offering_id", "=", offeringId)
      .orderBy("code")
      .execute();
    const idOf = new Map(current.map((h) => [h.code, h.id]));
    const summary = {
      rows: rows.length,
      holders: drafts.size,
      created: [...drafts.keys()].filter((c) => !idOf.has(c)).length,
      updated: [...drafts.keys()].filter((c) => idOf.has(c)).length,
      unitsOffered: int(offering.units_offered),
    };
    // The register as it would stand, and each holder's rights then: the dry run's diff.
    const merged = new Map(
      current.map((h) => [
        h.code,
        {
          code: h.code,
          name: h.name,
          claimsCents: big(h.claims_cents),
          rightsExplicit: h.rights_explicit === null ? null : int(h.rights_explicit),
          before: int(h.rights) as number | null,
          exercised: int(h.exercised),
        },
      ]),
    );
    for (const d of drafts.values())
      merged.set(d.code, {
        code: d.code,
        name: d.name,
        claimsCents: Object.values(d.claims).reduce((a, b) => a + b, 0n),
        rightsExplicit: d.rightsExplicit,
        before: merged.get(d.code)?.before ?? null,
        exercised: merged.get(d.code)?.exercised ?? 0,
      });
    const holders = [...merged.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    const after = errors.length
      ? new Map<string, number>()
      : planRights(int(offering.units_offered), holders);
    const changed = errors.length
      ? []
      : holders.filter((h) => h.before === null || h.before !== after.get(h.code));
    const rightsChanged = changed.filter((h) => h.before !== null).length;
    const recordDate = offering.record_date ?? offering.exercise_start;
    const afterRecordDate = isoToday(tx.clock) > recordDate;
    // Rights already on the register are fixed after the record date; a first import fixes them.
    const needsRebase = afterRecordDate && rightsChanged > 0;
    for (const h of changed)
      if (h.exercised > after.get(h.code)!)
        errors.push({
          row: drafts.get(h.code)?.row ?? 1,
          column: "rights",
          message: `holder ${h.code} has exercised ${h.exercised} rights but would have only ${after.get(h.code)}`,
        });
    const rebase = needsRebase ? (input.rebaseReason?.trim() ?? "") : "";
    const result: ImportRegisterResult = {
      dryRun: input.dryRun,
      errors,
      summary,
      changes: changed.slice(0, MAX_CHANGES).map((h) => ({
        code: h.code,
        name: h.name,
        status: h.before === null ? "new" : "updated",
        rightsBefore: h.before,
        rightsAfter: after.get(h.code)!,
        exercised: h.exercised,
      })),
      rightsChanged,
      recordDate,
      needsRebase,
      rebased: needsRebase && rebase !== "",
    };
    if (errors.length)
      throw new AppError("INVALID", `The register has ${errors.length} error(s); nothing was written.`, {
        extra: { result },
      });
    if (input.dryRun) return result;
    if (needsRebase && !rebase)
      throw new AppError(
        "CONFLICT",
        `Rights were fixed on the record date ${recordDate}; this import would change the rights of ${rightsChanged} holder(s) already on the register${changed.length > rightsChanged ? ` and give rights to ${changed.length - rightsChanged} new holder(s)` : ""}. Check the dry run, then re-base with a reason, or nothing changes (ECA-3(a)).`,
        { extra: { result } },
      );
    const now = isoNow(tx.clock);
    for (const d of drafts.values()) {
      const claimsCents = Object.values(d.claims).reduce((a, b) => a + b, 0n);
      const claims = JSON.stringify(
        Object.fromEntries(Object.entries(d.claims).map(([k, v]) => [k, centsText(v)])),
      );
      const values = {
        name: d.name,
        email: d.email,
        investor_id: d.investor ? investorId.get(d.investor)! : null,
        plan_shares: col(d.planShares),
        claims_cents: col(claimsCents),
        claims,
        rights_explicit: d.rightsExplicit === null ? null : col(d.rightsExplicit),
        updated_at: now,
      };
      const id = idOf.get(d.code);
      if (id) await db.updateTable("rx_holders").set(values).where("id", "=", id).execute();
      else
        await db
          .insertInto("rx_holders")
          .values({
            id: newId(),
            offering_id: offeringId,
            code: d.code,
            ...values,
            rights: "0",
            exercised: "0",
            payment_cents: "0",
            elected_at: null,
            elected_by: null,
            created_at: now,
          })
          .execute();
    }
    await recomputeRights(tx, offeringId);
    await record(tx, "register.import", { type: "offering", id: offeringId }, { summary, rightsChanged });
    if (result.rebased)
      await record(
        tx,
        "register.rebase",
        { type: "offering", id: offeringId },
        {
          reason: rebase,
          recordDate,
          rightsChanged,
          changes: changed.slice(0, MAX_CHANGES).map((h) => ({
            holder: h.code,
            from: h.before,
            to: after.get(h.code)!,
          })),
        },
      );
    return result;
  });
}

/**
 * Each holder's rights: explicit where given, the rest pro rata to Eligible Claims, whole, by
 * largest remainder, so they add up to the units offered. Pure: the dry run's diff uses it too.
 */
export function planRights(
  units: number,
  holders: readonly { code: string; claimsCents: bigint; rightsExplicit: number | null }[],
): Map<string, number> {
  const explicit = holders.reduce((a, h) => a + (h.rightsExplicit ?? 0), 0);
  if (explicit > units)
    throw conflict(`The explicit rights add up to ${explicit}, more than the ${units} units offered.`);
  const pro = holders.filter((h) => h.rightsExplicit === null);
  const shares = rightsFromClaims(
    units - explicit,
    pro.map((h) => ({ id: h.code, claimsCents: h.claimsCents })),
  );
  const out = new Map(pro.map((h, i) => [h.code, shares[i]!]));
  for (const h of holders) if (h.rightsExplicit !== null) out.set(h.code, h.rightsExplicit);
  return out;
}

/** Writes each holder's planned rights (planRights), refusing any below what the holder has exercised. */
export async function recomputeRights(ctx: Ctx, offeringId: string): Promise<void> {
  const offering = await loadOffering(ctx, offeringId);
  const db = rxDb(ctx);
  const holders = await db
    .selectFrom("rx_holders")
    .select(["id", "code", "claims_cents", "rights_explicit", "rights", "exercised"])
    .where("offering_id", "=", offeringId)
    .orderBy("code")
    .execute();
  const next = planRights(
    int(offering.units_offered),
    holders.map((h) => ({
      code: h.code,
      claimsCents: big(h.claims_cents),
      rightsExplicit: h.rights_explicit === null ? null : int(h.rights_explicit),
    })),
  );
  for (const h of holders) {
    const rights = next.get(h.code)!;
    if (int(h.exercised) > rights)
      throw conflict(
        `Holder ${h.code} has exercised ${int(h.exercised)} rights but would now have only ${rights}.`,
      );
    if (rights !== int(h.rights))
      await db
        .updateTable("rx_holders")
        .set({ rights: col(rights) })
        .where("id", "=", h.id)
        .execute();
  }
}

export type { HolderView } from "./views.ts";

export function toHolderView(
  h: {
    id: string;
    code: string;
    name: string;
    email: string | null;
    claims: string;
    plan_shares: string | number;
    rights: string | number;
    rights_explicit: string | number | null;
    exercised: string | number;
    payment_cents: string | number;
    elected_at: string | null;
  },
  investorCode: string | null,
  price: bigint,
  finalUnits: number | null = null,
): HolderView {
  const m = matchPayment({
    exercised: int(h.exercised),
    finalUnits,
    priceCents: price,
    paidCents: big(h.payment_cents),
  });
  return {
    id: h.id,
    code: h.code,
    name: h.name,
    email: h.email,
    investor: investorCode,
    claims: JSON.parse(h.claims) as Record<string, string>,
    planShares: int(h.plan_shares),
    rights: int(h.rights),
    rightsExplicit: h.rights_explicit !== null,
    exercised: int(h.exercised),
    finalUnits,
    paymentDue: centsText(m.expectedCents),
    paid: centsText(m.paidCents),
    owed: centsText(m.owedCents),
    refund: centsText(m.refundCents),
    paidUnits: m.paidUnits,
    paymentStatus: m.status,
    electedAt: h.elected_at,
  };
}

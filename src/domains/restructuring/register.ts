import { parse } from "csv-parse/sync";
import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
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
 * are then recomputed pro rata to Eligible Claims unless given explicitly.
 */
export async function importRegister(
  ctx: Ctx,
  offeringId: string,
  input: { csv: string; dryRun: boolean },
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
      .select(["id", "code"])
      .where("offering_id", "=", offeringId)
      .execute();
    const idOf = new Map(current.map((h) => [h.code, h.id]));
    const summary = {
      rows: rows.length,
      holders: drafts.size,
      created: [...drafts.keys()].filter((c) => !idOf.has(c)).length,
      updated: [...drafts.keys()].filter((c) => idOf.has(c)).length,
      unitsOffered: int(offering.units_offered),
    };
    const result: ImportRegisterResult = { dryRun: input.dryRun, errors, summary };
    if (errors.length)
      throw new AppError("INVALID", `The register has ${errors.length} error(s); nothing was written.`, {
        extra: { result },
      });
    if (input.dryRun) return result;
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
    await record(tx, "register.import", { type: "offering", id: offeringId }, { summary });
    return result;
  });
}

/** Rights pro rata to Eligible Claims, whole, by largest remainder, so they add up to the units offered. */
export async function recomputeRights(ctx: Ctx, offeringId: string): Promise<void> {
  const offering = await loadOffering(ctx, offeringId);
  const db = rxDb(ctx);
  const holders = await db
    .selectFrom("rx_holders")
    .select(["id", "code", "claims_cents", "rights_explicit", "rights", "exercised"])
    .where("offering_id", "=", offeringId)
    .orderBy("code")
    .execute();
  const explicit = holders.reduce((a, h) => a + (h.rights_explicit === null ? 0 : int(h.rights_explicit)), 0);
  const units = int(offering.units_offered);
  if (explicit > units)
    throw conflict(`The explicit rights add up to ${explicit}, more than the ${units} units offered.`);
  const pro = holders.filter((h) => h.rights_explicit === null);
  const shares = rightsFromClaims(
    units - explicit,
    pro.map((h) => ({ id: h.code, claimsCents: big(h.claims_cents) })),
  );
  const next = new Map(pro.map((h, i) => [h.id, shares[i]!]));
  for (const h of holders) {
    const rights = h.rights_explicit === null ? next.get(h.id)! : int(h.rights_explicit);
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

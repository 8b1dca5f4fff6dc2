import { Decimal } from "decimal.js";

/**
 * Money is integer cents as bigint; rates and percentages are decimal strings computed with
 * decimal.js. A JavaScript float never carries money.
 */
export type Cents = bigint;

const CENT_PATTERN = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

export function parseMoney(text: string): Cents {
  const cleaned = text.replace(/[$,\s]/g, "");
  const match = CENT_PATTERN.exec(cleaned);
  if (!match) throw new RangeError(`"${text}" is not an amount of money (use 1234.56).`);
  const [, sign, whole, fraction = ""] = match;
  const cents = BigInt(whole!) * 100n + BigInt(fraction.padEnd(2, "0"));
  return sign ? -cents : cents;
}

export function formatMoney(cents: Cents, currency = "USD"): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const fraction = (abs % 100n).toString().padStart(2, "0");
  const symbol = currency === "USD" ? "$" : `${currency} `;
  return `${negative ? "-" : ""}${symbol}${whole}.${fraction}`;
}

/** cents × rate, rounded half-even to the cent (banker's rounding, no drift over many lines). */
export function applyRate(cents: Cents, rate: string): Cents {
  const result = new Decimal(cents.toString())
    .times(new Decimal(rate))
    .toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN);
  return BigInt(result.toFixed(0));
}

/**
 * Splits `total` in proportion to `weights` (decimal strings) so the parts always add up to the
 * total exactly: largest-remainder method, ties broken by position.
 */
export function allocate(total: Cents, weights: readonly string[]): Cents[] {
  if (weights.length === 0) throw new RangeError("allocate needs at least one weight.");
  const ws = weights.map((w) => new Decimal(w));
  if (ws.some((w) => w.isNegative())) throw new RangeError("weights must not be negative.");
  const sum = ws.reduce((a, b) => a.plus(b), new Decimal(0));
  if (sum.isZero()) throw new RangeError("weights must not all be zero.");
  const totalD = new Decimal(total.toString());
  const exact = ws.map((w) => totalD.times(w).dividedBy(sum));
  const floors = exact.map((e) => e.floor());
  let remainder = totalD.minus(floors.reduce((a, b) => a.plus(b), new Decimal(0))).toNumber();
  const order = exact
    .map((e, i) => ({ i, frac: e.minus(e.floor()) }))
    .sort((a, b) => b.frac.comparedTo(a.frac) || a.i - b.i);
  const parts = floors.map((f) => BigInt(f.toFixed(0)));
  for (const { i } of order) {
    if (remainder <= 0) break;
    parts[i] = parts[i]! + 1n;
    remainder -= 1;
  }
  return parts;
}

export const percentOf = (part: Cents, whole: Cents): string =>
  whole === 0n ? "0" : new Decimal(part.toString()).times(100).dividedBy(whole.toString()).toString();

/**
 * The rights offering's allocation engine (Equity Commitment Agreement sections 2(b), 2(d), 2(e),
 * 3(a), 25 and 26): a pure, deterministic function from the offering and the holders' elections
 * to each holder's and each investor's units, prices, fees and preferred stock, with one sentence
 * of explanation per step. Units and shares are integers, money is integer cents (bigint), rates
 * are exact fractions of bigints; nothing here touches a float.
 *
 * Largest remainder everywhere: floor each exact quota, then hand the leftover units one at a time
 * to the largest fractional part, ties to the lower id.
 */

export type OfferingHolderSpec = {
  id: string;
  investor: string | null;
  rights: number;
  exercised: number;
  planShares: number;
};
export type OfferingInvestorSpec = { id: string; backstopPercentage: string };

/** The JSON the CLI reads and the domain builds: money and rates as decimal strings. */
export type OfferingSpec = {
  unitsOffered: number;
  pricePerUnit: string;
  sharesPerUnit: number;
  maximumAmount?: string;
  threshold: string;
  maximumCutback?: string;
  thresholdGroup: string[];
  investors: OfferingInvestorSpec[];
  holders: OfferingHolderSpec[];
  /** ECA-2(d): 3.5% of the Maximum Rights Offering Amount. */
  structuringFeeRate?: string;
  /** ECA-2(d): the Termination Fee is the Structuring and Arrangement Fee minus $5,000,000. */
  terminationFeeDeduction?: string;
  /** ECA-2(e): 5,000 shares of IntermediateCo Preferred Stock at $1,000.00. */
  preferredShares?: number;
  preferredPricePerShare?: string;
};

export type HolderAllocation = {
  id: string;
  rights: number;
  exercised: number;
  subscriptionUnits: number;
  cutbackUnits: number;
  finalUnits: number;
  purchasePrice: string;
};
export type InvestorAllocation = {
  id: string;
  subscriptionUnits: number;
  residualUnits: number;
  totalUnits: number;
  purchasePrice: string;
  ownershipPercent: string;
  structuringFee: string;
  terminationFee: string;
  preferredShares: number;
  preferredPrice: string;
};
export type AllocationTotals = {
  unitsOffered: number;
  subscribedUnits: number;
  residualUnits: number;
  cutbackUnits: number;
  totalShares: number;
  thresholdGroupOwnershipPercent: string;
  thresholdMet: boolean;
  thresholdShortfallUnits: number;
};
export type Allocation = {
  holders: HolderAllocation[];
  investors: InvestorAllocation[];
  totals: AllocationTotals;
  explanation: string[];
};
export type AllocationOutcome = { ok: true; allocation: Allocation } | { ok: false; errors: string[] };

// ---------------------------------------------------------------------------------------------
// Exact numbers

/** A non-negative rational n/d with d a power of ten, parsed from a decimal string. */
type Ratio = { n: bigint; d: bigint };

const DECIMAL = /^\d+(?:\.\d+)?$/;
const MONEY = /^\d+(?:\.\d{1,2})?$/;

function decimalText(value: unknown): string | null {
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" && Number.isFinite(value) && value >= 0) return String(value);
  return null;
}

function parseRatio(value: unknown): Ratio | null {
  const text = decimalText(value);
  if (text === null || !DECIMAL.test(text)) return null;
  const [whole, fraction = ""] = text.split(".");
  return { n: BigInt(whole! + fraction), d: 10n ** BigInt(fraction.length) };
}

function parseCents(value: unknown): bigint | null {
  const text = decimalText(value);
  if (text === null || !MONEY.test(text)) return null;
  const [whole, fraction = ""] = text.split(".");
  return BigInt(whole!) * 100n + BigInt(fraction.padEnd(2, "0"));
}

/** n/d rounded half-up to `places` decimals, as a string with exactly that many decimals. */
export function roundHalfUp(n: bigint, d: bigint, places: number): string {
  if (d === 0n) return places ? `0.${"0".repeat(places)}` : "0";
  const scale = 10n ** BigInt(places);
  const scaled = (2n * n * scale + d) / (2n * d);
  if (places === 0) return scaled.toString();
  const text = scaled.toString().padStart(places + 1, "0");
  return `${text.slice(0, -places)}.${text.slice(-places)}`;
}

export const centsText = (cents: bigint): string => roundHalfUp(cents, 100n, 2);

function bigMax(a: bigint, b: bigint): bigint {
  if (a >= b) return a;
  return b;
}

const ceilDiv = (a: bigint, b: bigint): bigint => (a <= 0n ? -(-a / b) : (a + b - 1n) / b);

const fmt = (n: number | bigint): string => n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
const usd = (cents: bigint): string => `$${fmt(cents / 100n)}.${(cents % 100n).toString().padStart(2, "0")}`;
const sharesText = (r: Ratio): string => {
  const [whole, fraction] = roundHalfUp(r.n, r.d, 2).split(".");
  return fraction === "00" ? fmt(BigInt(whole!)) : `${fmt(BigInt(whole!))}.${fraction}`;
};
const pct = (r: Ratio): string => `${roundHalfUp(r.n * 100n, r.d, 2)}%`;

/**
 * Splits `total` in proportion to integer `weights`: floor each exact quota, then one unit at a
 * time to the largest remainder, ties to the lower id; a holder at its cap is skipped and the pass
 * repeats in the same order until everything is placed. `total` must not exceed the sum of caps.
 */
export function largestRemainder(
  total: bigint,
  weights: readonly bigint[],
  ids: readonly string[],
  caps?: readonly bigint[],
): bigint[] {
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (total === 0n) return weights.map(() => 0n);
  if (sum === 0n) throw new RangeError("largestRemainder: the weights add up to zero.");
  const parts: bigint[] = new Array(weights.length);
  const remainders: bigint[] = new Array(weights.length);
  let placed = 0n;
  for (let i = 0; i < weights.length; i++) {
    const q = total * weights[i]!;
    let floor = q / sum;
    const cap = caps?.[i];
    if (cap !== undefined && floor > cap) floor = cap;
    parts[i] = floor;
    remainders[i] = q % sum;
    placed += floor;
  }
  let left = total - placed;
  if (left === 0n) return parts;
  const order = weights.map((_, i) => i);
  order.sort((a, b) => {
    const ra = remainders[a]!;
    const rb = remainders[b]!;
    if (ra !== rb) return ra > rb ? -1 : 1;
    const ia = ids[a]!;
    const ib = ids[b]!;
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  });
  while (left > 0n) {
    let progressed = false;
    for (const i of order) {
      if (left === 0n) break;
      const cap = caps?.[i];
      if (cap !== undefined && parts[i]! >= cap) continue;
      if (weights[i] === 0n && caps === undefined) continue;
      parts[i] = parts[i]! + 1n;
      left -= 1n;
      progressed = true;
    }
    if (!progressed) throw new RangeError("largestRemainder: the caps leave no room for the total.");
  }
  return parts;
}

const SAFE = Number.MAX_SAFE_INTEGER;

/** ⌊a × n ÷ d⌋ exactly: in doubles while the product is a safe integer, in bigints otherwise. */
export function mulDivFloor(a: number, n: bigint, d: bigint): number {
  const nn = Number(n);
  const dd = Number(d);
  if (nn <= SAFE && dd <= SAFE && a * nn <= SAFE) return floorDiv(a * nn, dd)[0];
  return Number((BigInt(a) * n) / d);
}

/** [⌊q ÷ d⌋, q mod d] for safe non-negative integers, corrected for the division's rounding. */
function floorDiv(q: number, d: number): [number, number] {
  let f = Math.floor(q / d);
  let r = q - f * d;
  if (r < 0) {
    f -= 1;
    r += d;
  } else if (r >= d) {
    f += 1;
    r -= d;
  }
  return [f, r];
}

/**
 * `largestRemainder` for parts that are safe integers (units per holder): the same result, in
 * doubles, because 100,000 holders in bigints is several times slower. Falls back to bigints when a
 * product would not be exact.
 */
export function largestRemainderInts(
  total: number,
  weights: readonly number[],
  ids: readonly string[],
  caps?: readonly number[],
): number[] {
  let sum = 0;
  let top = 0;
  for (const w of weights) {
    sum += w;
    if (w > top) top = w;
  }
  if (total === 0) return weights.map(() => 0);
  if (sum > SAFE || total * top > SAFE)
    return largestRemainder(BigInt(total), weights.map(BigInt), ids, caps?.map(BigInt)).map(Number);
  if (sum === 0) throw new RangeError("largestRemainder: the weights add up to zero.");
  const n = weights.length;
  const parts: number[] = new Array(n);
  const remainders: number[] = new Array(n);
  let placed = 0;
  for (let i = 0; i < n; i++) {
    let [floor, rem] = floorDiv(total * weights[i]!, sum);
    const cap = caps?.[i];
    if (cap !== undefined && floor > cap) floor = cap;
    parts[i] = floor;
    remainders[i] = rem;
    placed += floor;
  }
  let left = total - placed;
  if (left === 0) return parts;
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (remainders[i]! > 0 || caps) order.push(i);
  order.sort((a, b) => {
    const d = remainders[b]! - remainders[a]!;
    if (d !== 0) return d;
    const ia = ids[a]!;
    const ib = ids[b]!;
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  });
  while (left > 0) {
    let progressed = false;
    for (const i of order) {
      if (left === 0) break;
      const cap = caps?.[i];
      if (cap !== undefined && parts[i]! >= cap) continue;
      if (cap === undefined && weights[i] === 0) continue;
      parts[i] = parts[i]! + 1;
      left -= 1;
      progressed = true;
    }
    if (!progressed) throw new RangeError("largestRemainder: the caps leave no room for the total.");
  }
  return parts;
}

// ---------------------------------------------------------------------------------------------
// Step 1: validation

type Parsed = {
  unitsOffered: bigint;
  price: bigint;
  sharesPerUnit: bigint;
  maximumAmount: bigint;
  threshold: Ratio;
  maximumCutback: Ratio;
  group: Set<string>;
  groupOrder: string[];
  investors: { id: string; backstop: Ratio }[];
  /** Units and shares per holder are safe integers (validated), so plain numbers carry them. */
  holders: { id: string; investor: string | null; rights: number; exercised: number; planShares: number }[];
  feeRate: Ratio;
  feeDeduction: bigint;
  preferredShares: bigint;
  preferredPrice: bigint;
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function wholeNumber(
  errors: string[],
  where: string,
  value: unknown,
  options: { min?: number } = {},
): bigint | null {
  if (typeof value !== "number" || !Number.isSafeInteger(value)) {
    errors.push(`${where} must be a whole number (got ${JSON.stringify(value) ?? "nothing"}).`);
    return null;
  }
  const min = options.min ?? 0;
  if (value < min) {
    errors.push(`${where} must be at least ${min} (got ${value}).`);
    return null;
  }
  return BigInt(value);
}

function wholeInt(errors: string[], where: string, value: unknown): number | null {
  if (typeof value !== "number" || !Number.isSafeInteger(value)) {
    errors.push(`${where} must be a whole number (got ${JSON.stringify(value) ?? "nothing"}).`);
    return null;
  }
  if (value < 0) {
    errors.push(`${where} must be at least 0 (got ${value}).`);
    return null;
  }
  return value;
}

/** Step 1: every problem at once, each naming the holder or field. */
export function validateOffering(
  raw: unknown,
): { ok: true; value: Parsed } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  if (!isObject(raw)) return { ok: false, errors: ["The offering must be a JSON object."] };
  const unitsOffered = wholeNumber(errors, "unitsOffered", raw.unitsOffered, { min: 1 });
  const sharesPerUnit = wholeNumber(errors, "sharesPerUnit", raw.sharesPerUnit, { min: 1 });
  const price = parseCents(raw.pricePerUnit);
  if (price === null || price <= 0n)
    errors.push(
      `pricePerUnit must be a positive amount like "1000.00" (got ${JSON.stringify(raw.pricePerUnit)}).`,
    );
  let maximumAmount: bigint | null = null;
  if (raw.maximumAmount !== undefined && raw.maximumAmount !== null) {
    maximumAmount = parseCents(raw.maximumAmount);
    if (maximumAmount === null)
      errors.push(
        `maximumAmount must be an amount like "100000000.00" (got ${JSON.stringify(raw.maximumAmount)}).`,
      );
  } else if (unitsOffered !== null && price !== null) maximumAmount = unitsOffered * price;
  const ratio = (field: string, value: unknown, fallback?: string): Ratio | null => {
    const r = parseRatio(value ?? fallback);
    if (!r || r.n > r.d) {
      errors.push(
        `${field} must be a fraction between 0 and 1 like "0.6650" (got ${JSON.stringify(value)}).`,
      );
      return null;
    }
    return r;
  };
  const threshold = ratio("threshold", raw.threshold);
  const maximumCutback = ratio("maximumCutback", raw.maximumCutback, "0.90");
  const feeRate = ratio("structuringFeeRate", raw.structuringFeeRate, "0.035");
  const feeDeduction = parseCents(raw.terminationFeeDeduction ?? "5000000.00");
  if (feeDeduction === null) errors.push('terminationFeeDeduction must be an amount like "5000000.00".');
  const preferredShares = wholeNumber(errors, "preferredShares", raw.preferredShares ?? 5000);
  const preferredPrice = parseCents(raw.preferredPricePerShare ?? "1000.00");
  if (preferredPrice === null) errors.push('preferredPricePerShare must be an amount like "1000.00".');

  // Investors and their backstop percentages (Schedule 1(f)).
  const investors: Parsed["investors"] = [];
  if (!Array.isArray(raw.investors) || raw.investors.length === 0) {
    errors.push("investors must be a non-empty list of { id, backstopPercentage }.");
  } else {
    const seen = new Set<string>();
    raw.investors.forEach((inv, i) => {
      const where = `investors[${i}]`;
      if (!isObject(inv) || typeof inv.id !== "string" || inv.id.trim() === "") {
        errors.push(`${where} must have an id.`);
        return;
      }
      const id = inv.id;
      if (seen.has(id)) errors.push(`${where} (${id}): the id ${id} appears twice.`);
      seen.add(id);
      const backstop = parseRatio(inv.backstopPercentage);
      if (!backstop || backstop.n > backstop.d) {
        errors.push(
          `${where} (${id}): backstopPercentage must be a fraction between 0 and 1 like "0.60" (got ${JSON.stringify(inv.backstopPercentage)}).`,
        );
        return;
      }
      investors.push({ id, backstop });
    });
    if (investors.length === raw.investors.length) {
      const scale = investors.reduce((m, i) => bigMax(m, i.backstop.d), 1n);
      const total = investors.reduce((a, i) => a + (i.backstop.n * scale) / i.backstop.d, 0n);
      if (total !== scale)
        errors.push(
          `investors: the backstop percentages add up to ${roundHalfUp(total * 100n, scale, 4)}%, not 100% (ECA-3(a), Schedule 1(f)).`,
        );
    }
  }
  const investorIds = new Set(investors.map((i) => i.id));

  const groupOrder: string[] = [];
  if (!Array.isArray(raw.thresholdGroup)) errors.push("thresholdGroup must be a list of investor ids.");
  else
    raw.thresholdGroup.forEach((g, i) => {
      if (typeof g !== "string" || !investorIds.has(g))
        errors.push(`thresholdGroup[${i}]: ${JSON.stringify(g)} is not one of the investors.`);
      else if (!groupOrder.includes(g)) groupOrder.push(g);
    });
  const group = new Set(groupOrder);
  if (groupOrder.length && investors.length) {
    const anyWeight = investors.some((i) => group.has(i.id) && i.backstop.n > 0n);
    if (!anyWeight)
      errors.push(
        "thresholdGroup: its investors' backstop percentages add up to 0, so its units cannot be split.",
      );
  }

  const holders: Parsed["holders"] = [];
  if (!Array.isArray(raw.holders)) errors.push("holders must be a list.");
  else {
    const seen = new Set<string>();
    raw.holders.forEach((h, i) => {
      if (!isObject(h) || typeof h.id !== "string" || h.id.trim() === "") {
        errors.push(`holders[${i}] must have an id.`);
        return;
      }
      const where = `holders[${i}] (${h.id})`;
      if (seen.has(h.id)) errors.push(`${where}: the id ${h.id} appears twice.`);
      seen.add(h.id);
      let investor: string | null = null;
      if (h.investor !== null && h.investor !== undefined) {
        if (typeof h.investor !== "string" || !investorIds.has(h.investor))
          errors.push(`${where}: investor ${JSON.stringify(h.investor)} is not one of the investors.`);
        else investor = h.investor;
      }
      const rights = wholeInt(errors, `${where}: rights`, h.rights);
      const exercised = wholeInt(errors, `${where}: exercised`, h.exercised);
      const planShares = wholeInt(errors, `${where}: planShares`, h.planShares ?? 0);
      if (rights === null || exercised === null || planShares === null) return;
      if (exercised > rights)
        errors.push(`${where}: exercised ${fmt(exercised)} is more than its ${fmt(rights)} rights.`);
      if (investor !== null && exercised !== rights)
        errors.push(
          `${where}: an affiliate of investor ${investor} must exercise all its ${fmt(rights)} rights, not ${fmt(exercised)} (ECA-3(a)).`,
        );
      holders.push({ id: h.id, investor, rights, exercised, planShares });
    });
    if (unitsOffered !== null && sharesPerUnit !== null) {
      const totalShares =
        BigInt(holders.reduce((a, h) => a + h.planShares, 0)) + unitsOffered * sharesPerUnit;
      if (totalShares > BigInt(Number.MAX_SAFE_INTEGER))
        errors.push(
          `holders: plan shares and units make ${fmt(totalShares)} Holdco shares, more than this engine counts exactly.`,
        );
      const totalRights = BigInt(holders.reduce((a, h) => a + h.rights, 0));
      if (totalRights > unitsOffered)
        errors.push(
          `holders: their rights add up to ${fmt(totalRights)}, more than the ${fmt(unitsOffered)} units offered.`,
        );
    }
  }

  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      unitsOffered: unitsOffered!,
      price: price!,
      sharesPerUnit: sharesPerUnit!,
      maximumAmount: maximumAmount!,
      threshold: threshold!,
      maximumCutback: maximumCutback!,
      group,
      groupOrder,
      investors,
      holders,
      feeRate: feeRate!,
      feeDeduction: feeDeduction!,
      preferredShares: preferredShares!,
      preferredPrice: preferredPrice!,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Steps 2–7: units

type Units = {
  subscribed: bigint;
  totalShares: bigint;
  groupPlanShares: bigint;
  groupSubscription: bigint;
  thresholdShares: Ratio;
  need: bigint;
  residual: bigint;
  groupFromResidual: bigint;
  cut: bigint;
  cutHolders: number;
  cutCap: bigint;
  shortfall: bigint;
  /** Per holder, in input order. */
  cutback: number[];
  remainingResidual: bigint;
  /** Per investor, in input order. */
  subscription: bigint[];
  fromRemaining: bigint[];
  fromGroup: bigint[];
  residualOf: bigint[];
  totalOf: bigint[];
};

const backstopWeights = (investors: Parsed["investors"]): bigint[] => {
  const scale = investors.reduce((m, i) => bigMax(m, i.backstop.d), 1n);
  return investors.map((i) => (i.backstop.n * scale) / i.backstop.d);
};

function allocateUnits(p: Parsed, exercisedOf: (h: Parsed["holders"][number]) => number): Units {
  const investorIndex = new Map(p.investors.map((inv, i) => [inv.id, i]));
  const inGroup = (h: Parsed["holders"][number]) => h.investor !== null && p.group.has(h.investor);

  // Step 2: subscription units are the units exercised. Sums stay below 2^53 (validated).
  const subscriptionN = p.investors.map(() => 0);
  let subscribedN = 0;
  let planSharesN = 0;
  let groupPlanSharesN = 0;
  let groupSubscriptionN = 0;
  for (const h of p.holders) {
    const e = exercisedOf(h);
    subscribedN += e;
    planSharesN += h.planShares;
    if (h.investor !== null) subscriptionN[investorIndex.get(h.investor)!]! += e;
    if (inGroup(h)) {
      groupPlanSharesN += h.planShares;
      groupSubscriptionN += e;
    }
  }
  const subscription = subscriptionN.map(BigInt);
  const subscribed = BigInt(subscribedN);
  const planShares = BigInt(planSharesN);
  const groupPlanShares = BigInt(groupPlanSharesN);
  const groupSubscription = BigInt(groupSubscriptionN);

  // Step 3: T = plan shares outside the offering + units offered × shares per unit.
  const totalShares = planShares + p.unitsOffered * p.sharesPerUnit;

  // Step 4: units the threshold group still needs (ECA-2(b)).
  const thresholdShares: Ratio = { n: p.threshold.n * totalShares, d: p.threshold.d };
  let need = 0n;
  if (p.group.size) {
    const units = ceilDiv(
      thresholdShares.n - p.threshold.d * groupPlanShares,
      p.threshold.d * p.sharesPerUnit,
    );
    need = units - groupSubscription;
    if (need < 0n) need = 0n;
  }

  // Step 5: residual units; the group takes what it needs from them first.
  const residual = p.unitsOffered - subscribed;
  const groupFromResidual = need < residual ? need : residual;
  let stillNeeded = need - groupFromResidual;

  // Step 6: cut back holders that are not investors or their affiliates, at most 90% each.
  const cutback: number[] = new Array(p.holders.length).fill(0);
  let cut = 0n;
  let cutHolders = 0;
  let cutCap = 0n;
  if (stillNeeded > 0n) {
    const idx: number[] = [];
    const weights: number[] = [];
    const caps: number[] = [];
    const ids: string[] = [];
    let capSum = 0;
    p.holders.forEach((h, i) => {
      const e = exercisedOf(h);
      if (h.investor !== null || e === 0) return;
      const cap = mulDivFloor(e, p.maximumCutback.n, p.maximumCutback.d);
      idx.push(i);
      weights.push(e);
      caps.push(cap);
      ids.push(h.id);
      capSum += cap;
    });
    cutCap = BigInt(capSum);
    cut = stillNeeded < cutCap ? stillNeeded : cutCap;
    if (cut > 0n) {
      const parts = largestRemainderInts(Number(cut), weights, ids, caps);
      parts.forEach((c, k) => {
        cutback[idx[k]!] = c;
        if (c > 0) cutHolders += 1;
      });
    }
    stillNeeded -= cut;
  }

  // Step 7: the rest of the residual units by backstop percentage; the group's units between its
  // members by their relative backstop percentages.
  const remainingResidual = residual - groupFromResidual;
  const weights = backstopWeights(p.investors);
  const ids = p.investors.map((i) => i.id);
  const fromRemaining = largestRemainder(remainingResidual, weights, ids);
  const groupUnits = groupFromResidual + cut;
  const groupWeights = p.investors.map((inv, i) => (p.group.has(inv.id) ? weights[i]! : 0n));
  const fromGroup =
    groupUnits > 0n ? largestRemainder(groupUnits, groupWeights, ids) : p.investors.map(() => 0n);
  const residualOf = p.investors.map((_, i) => fromRemaining[i]! + fromGroup[i]!);
  const totalOf = p.investors.map((_, i) => subscription[i]! + residualOf[i]!);
  return {
    subscribed,
    totalShares,
    groupPlanShares,
    groupSubscription,
    thresholdShares,
    need,
    residual,
    groupFromResidual,
    cut,
    cutHolders,
    cutCap,
    shortfall: stillNeeded,
    cutback,
    remainingResidual,
    subscription,
    fromRemaining,
    fromGroup,
    residualOf,
    totalOf,
  };
}

// ---------------------------------------------------------------------------------------------
// The whole allocation

/** Runs steps 1–9 on the offering; returns the allocation or every validation error. */
export function allocateOffering(raw: unknown): AllocationOutcome {
  const parsed = validateOffering(raw);
  if (!parsed.ok) return parsed;
  const p = parsed.value;
  const explanation: string[] = [];
  const ids = p.investors.map((i) => i.id);
  const groupNames = p.groupOrder.join(" and ") || "(none)";
  const affiliated = p.holders.filter((h) => h.investor !== null).length;

  explanation.push(
    `Step 1 (validation): ${fmt(p.holders.length)} holders (${fmt(affiliated)} affiliated with investors) and ${p.investors.length} investors; every figure is a whole number, no holder exercised more than its rights, every investor affiliate exercised all its rights (ECA-3(a)), and the backstop percentages add up to 100%.`,
  );

  const u = allocateUnits(p, (h) => h.exercised);
  const totalRights = p.holders.reduce((a, h) => a + h.rights, 0);
  explanation.push(
    `Step 2 (subscription units): holders exercised ${fmt(u.subscribed)} of their ${fmt(totalRights)} rights, so there are ${fmt(u.subscribed)} subscription units.`,
  );
  const planShares = u.totalShares - p.unitsOffered * p.sharesPerUnit;
  explanation.push(
    `Step 3 (total Holdco shares): T = ${fmt(planShares)} shares distributed under the plan + ${fmt(p.unitsOffered)} units × ${fmt(p.sharesPerUnit)} shares = ${fmt(u.totalShares)} shares.`,
  );
  explanation.push(
    p.group.size
      ? `Step 4 (threshold, ECA-2(b)): ${groupNames} must own at least ${pct(p.threshold)} × ${fmt(u.totalShares)} = ${sharesText(u.thresholdShares)} shares; they hold ${fmt(u.groupPlanShares)} plan shares and ${fmt(u.groupSubscription)} subscription units, so they still need ${fmt(u.need)} units.`
      : "Step 4 (threshold, ECA-2(b)): there is no threshold group, so no units are needed.",
  );
  explanation.push(
    `Step 5 (residual units): R = ${fmt(p.unitsOffered)} units offered − ${fmt(u.subscribed)} subscription units = ${fmt(u.residual)}; the threshold group first takes min(${fmt(u.residual)}, ${fmt(u.need)}) = ${fmt(u.groupFromResidual)} of them.`,
  );
  const stillNeeded = u.need - u.groupFromResidual;
  explanation.push(
    stillNeeded === 0n
      ? "Step 6 (cutback): no cutback is needed; the threshold is met."
      : `Step 6 (cutback, ECA-2(b)): ${fmt(stillNeeded)} units were still short; holders that are not investors or their affiliates could give up at most ${fmt(u.cutCap)} (${pct(p.maximumCutback)} of each one's subscription units, rounded down), so ${fmt(u.cut)} units were cut back from ${fmt(u.cutHolders)} holders pro rata to their subscription units and went to the threshold group; ${u.shortfall === 0n ? "the threshold is met" : `the threshold is NOT met: ${fmt(u.shortfall)} units short`}.`,
  );
  const split = (parts: bigint[]) => ids.map((id, i) => `${id} ${fmt(parts[i]!)}`).join(", ");
  explanation.push(
    `Step 7 (backstop, ECA-3(a), 25, 26): the remaining ${fmt(u.remainingResidual)} residual units go to the investors by backstop percentage (${p.investors.map((i) => `${i.id} ${pct(i.backstop)}`).join(", ")}): ${split(u.fromRemaining)}; the threshold group's ${fmt(u.groupFromResidual + u.cut)} units are split between ${groupNames} by their relative backstop percentages: ${ids
      .map((id, i) => (p.group.has(id) ? `${id} ${fmt(u.fromGroup[i]!)}` : null))
      .filter(Boolean)
      .join(", ")}.`,
  );

  // Step 8: money.
  const structuringFee = BigInt(roundHalfUp(p.maximumAmount * p.feeRate.n, p.feeRate.d, 0));
  const terminationFee = structuringFee > p.feeDeduction ? structuringFee - p.feeDeduction : 0n;
  const unitsBought = u.totalOf;
  const anyBought = unitsBought.some((x) => x > 0n);
  const feeWeights = anyBought ? unitsBought : backstopWeights(p.investors);
  const structuringSplit = largestRemainder(structuringFee, feeWeights, ids);
  const preferredSplit = largestRemainder(p.preferredShares, feeWeights, ids);
  // The Termination Fee follows the units each investor would buy if every holder exercised all
  // its rights, after the threshold (ECA-25, 26).
  const all = allocateUnits(p, (h) => h.rights);
  const terminationWeights = all.totalOf.some((x) => x > 0n) ? all.totalOf : backstopWeights(p.investors);
  const terminationSplit = largestRemainder(terminationFee, terminationWeights, ids);
  explanation.push(
    `Step 8 (money, ECA-2(d), 2(e), 25, 26): units cost ${usd(p.price)} each; the Structuring and Arrangement Fee is ${pct(p.feeRate)} × ${usd(p.maximumAmount)} = ${usd(structuringFee)}, split by units bought${anyBought ? "" : " (none bought, so by backstop percentage)"}: ${ids.map((id, i) => `${id} ${usd(structuringSplit[i]!)}`).join(", ")}; the Termination Fee is ${usd(structuringFee)} − ${usd(p.feeDeduction)}${structuringFee > p.feeDeduction ? "" : " (not positive, so nothing)"} = ${usd(terminationFee)}, split by the units each would buy if every holder exercised all its rights (${split(all.totalOf)}): ${ids.map((id, i) => `${id} ${usd(terminationSplit[i]!)}`).join(", ")}; ${fmt(p.preferredShares)} IntermediateCo preferred shares at ${usd(p.preferredPrice)} are split by units bought: ${split(preferredSplit)}.`,
  );

  // Step 9: output, totals and invariants.
  const holders: HolderAllocation[] = p.holders.map((h, i) => {
    const cutbackUnits = u.cutback[i]!;
    const finalUnits = h.exercised - cutbackUnits;
    return {
      id: h.id,
      rights: h.rights,
      exercised: h.exercised,
      subscriptionUnits: h.exercised,
      cutbackUnits,
      finalUnits,
      purchasePrice: centsText(BigInt(finalUnits) * p.price),
    };
  });
  const investors: InvestorAllocation[] = p.investors.map((inv, i) => ({
    id: inv.id,
    subscriptionUnits: Number(u.subscription[i]!),
    residualUnits: Number(u.residualOf[i]!),
    totalUnits: Number(u.totalOf[i]!),
    purchasePrice: centsText(u.totalOf[i]! * p.price),
    ownershipPercent: roundHalfUp(u.totalOf[i]! * p.sharesPerUnit, u.totalShares, 4),
    structuringFee: centsText(structuringSplit[i]!),
    terminationFee: centsText(terminationSplit[i]!),
    preferredShares: Number(preferredSplit[i]!),
    preferredPrice: centsText(preferredSplit[i]! * p.preferredPrice),
  }));
  const groupUnits = p.investors.reduce((a, inv, i) => (p.group.has(inv.id) ? a + u.totalOf[i]! : a), 0n);
  const groupOwnership = roundHalfUp(u.groupPlanShares + groupUnits * p.sharesPerUnit, u.totalShares, 4);
  // Affiliates' units are in holders[] (their investor's subscription units repeat them).
  const sold =
    BigInt(holders.reduce((a, h) => a + h.finalUnits, 0)) + u.residualOf.reduce((a, b) => a + b, 0n);
  const capOk = p.holders.every(
    (h, i) => u.cutback[i]! <= mulDivFloor(h.exercised, p.maximumCutback.n, p.maximumCutback.d),
  );
  const noNegative =
    holders.every((h) => h.finalUnits >= 0 && h.cutbackUnits >= 0) &&
    investors.every((x) => x.residualUnits >= 0);
  explanation.push(
    `Step 9 (totals): units sold ${fmt(sold)} ${sold === p.unitsOffered ? "=" : "≠"} units offered ${fmt(p.unitsOffered)}; ${noNegative ? "no figure is negative" : "A FIGURE IS NEGATIVE"}; ${capOk ? `no holder is cut back by more than ${pct(p.maximumCutback)}` : "A HOLDER IS CUT BACK BEYOND THE MAXIMUM"}; the threshold group (${groupNames}) owns ${groupOwnership} of the ${fmt(u.totalShares)} Holdco shares against a threshold of ${roundHalfUp(p.threshold.n, p.threshold.d, 4)}.`,
  );
  if (sold !== p.unitsOffered || !capOk || !noNegative)
    throw new Error(`Allocation invariant broken: ${explanation.at(-1)}`);

  return {
    ok: true,
    allocation: {
      holders,
      investors,
      totals: {
        unitsOffered: Number(p.unitsOffered),
        subscribedUnits: Number(u.subscribed),
        residualUnits: Number(u.residual),
        cutbackUnits: Number(u.cut),
        totalShares: Number(u.totalShares),
        thresholdGroupOwnershipPercent: groupOwnership,
        thresholdMet: u.shortfall === 0n,
        thresholdShortfallUnits: Number(u.shortfall),
      },
      explanation,
    },
  };
}

/**
 * Rights per holder pro rata to its Eligible Claims (in cents): whole rights by largest remainder
 * (ties to the lower id), so they add up to the units offered.
 */
export function rightsFromClaims(
  unitsOffered: number,
  holders: readonly { id: string; claimsCents: bigint }[],
): number[] {
  if (holders.length === 0) return [];
  const weights = holders.map((h) => h.claimsCents);
  if (weights.every((w) => w === 0n)) return holders.map(() => 0);
  const top = weights.reduce(bigMax, 0n);
  if (top * BigInt(unitsOffered) <= BigInt(Number.MAX_SAFE_INTEGER))
    return largestRemainderInts(
      unitsOffered,
      weights.map(Number),
      holders.map((h) => h.id),
    );
  return largestRemainder(
    BigInt(unitsOffered),
    weights,
    holders.map((h) => h.id),
  ).map(Number);
}

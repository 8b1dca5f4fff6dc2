import { parse } from "csv-parse/sync";
import { type OfacScoreOptions, ofacScore } from "./ofac-score.ts";
import { prepareName, scoreNames } from "./score.ts";

export type ParityRow = {
  query: string;
  result: string;
  /** OFAC's score in [0, 1]; null where OFAC's tool returned no result for the pair (-1 in the fixture). */
  ofac: number | null;
  /** Probity's decision score (`Hit.score`). */
  ours: number;
  /** Probity's OFAC-comparable score (`Hit.ofacScore`). */
  ofacComparable: number;
};

/** How close one of our scores comes to OFAC's on the pairs OFAC scored. */
export type ScoreParity = {
  meanAbsoluteError: number;
  within5: number;
  within10: number;
  pearson: number;
  /** Agreement on "is this a hit" at OFAC's 85 and our 0.85. */
  agreementAt85: number;
  /** Kendall's tau-b between our and OFAC's order of each query's results, averaged over queries. */
  kendall: number;
  /** Spearman's rho (average ranks for ties), averaged over queries. */
  spearman: number;
  /** Queries with at least two results that OFAC did not score all alike (the rank measures' base). */
  rankedQueries: number;
  /** Of the pairs OFAC's tool did not return, how many we also score below 0.85. */
  noResultAlsoBelow85: number;
};

export type ParityReport = {
  /** All fixture rows. */
  pairs: number;
  /** Rows OFAC scored (the base of every measure but `noResultAlsoBelow85`). */
  scored: number;
  /** Rows where OFAC's tool returned nothing. */
  noResult: number;
  decision: ScoreParity;
  ofacComparable: ScoreParity;
  rows: ParityRow[];
};

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

export function pearson(xs: number[], ys: number[]): number {
  const mx = mean(xs);
  const my = mean(ys);
  let cov = 0;
  let vx = 0;
  let vy = 0;
  for (let i = 0; i < xs.length; i++) {
    cov += (xs[i]! - mx) * (ys[i]! - my);
    vx += (xs[i]! - mx) ** 2;
    vy += (ys[i]! - my) ** 2;
  }
  return vx && vy ? cov / Math.sqrt(vx * vy) : 0;
}

/** Kendall's tau-b (tie-corrected); NaN when either side is all ties. */
export function kendallTauB(xs: number[], ys: number[]): number {
  let concordant = 0;
  let discordant = 0;
  let tiesX = 0;
  let tiesY = 0;
  let pairs = 0;
  for (let i = 0; i < xs.length; i++) {
    for (let j = i + 1; j < xs.length; j++) {
      pairs++;
      const dx = Math.sign(xs[i]! - xs[j]!);
      const dy = Math.sign(ys[i]! - ys[j]!);
      if (!dx) tiesX++;
      if (!dy) tiesY++;
      if (dx && dy) {
        if (dx === dy) concordant++;
        else discordant++;
      }
    }
  }
  const denominator = Math.sqrt((pairs - tiesX) * (pairs - tiesY));
  return denominator ? (concordant - discordant) / denominator : Number.NaN;
}

const ranks = (xs: number[]) => {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(xs.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    for (let k = i; k <= j; k++) out[order[k]![1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
};

/** Spearman's rho as Pearson's r of average ranks; NaN when either side is all ties. */
export function spearman(xs: number[], ys: number[]): number {
  const rx = ranks(xs);
  const ry = ranks(ys);
  if (new Set(rx).size < 2 || new Set(ry).size < 2) return Number.NaN;
  return pearson(rx, ry);
}

function measure(rows: ParityRow[], pick: (r: ParityRow) => number): ScoreParity {
  const scored = rows.filter((r) => r.ofac !== null);
  const ofac = scored.map((r) => r.ofac!);
  const ours = scored.map(pick);
  const diffs = scored.map((r, i) => Math.abs(ours[i]! - r.ofac!));
  const groups = new Map<string, ParityRow[]>();
  for (const r of scored) groups.set(r.query, [...(groups.get(r.query) ?? []), r]);
  const kendalls: number[] = [];
  const spearmans: number[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const theirs = group.map((r) => r.ofac!);
    if (new Set(theirs).size < 2) continue; // OFAC scored them all alike: no order to agree on
    // Where we score them all alike and OFAC does not, we agree on nothing: 0, not left out.
    const k = kendallTauB(theirs, group.map(pick));
    kendalls.push(Number.isNaN(k) ? 0 : k);
    const s = spearman(theirs, group.map(pick));
    spearmans.push(Number.isNaN(s) ? 0 : s);
  }
  const none = rows.filter((r) => r.ofac === null);
  return {
    meanAbsoluteError: mean(diffs),
    within5: diffs.filter((d) => d <= 0.05 + 1e-9).length / scored.length,
    within10: diffs.filter((d) => d <= 0.1 + 1e-9).length / scored.length,
    pearson: pearson(ofac, ours),
    agreementAt85: scored.filter((r, i) => r.ofac! >= 0.85 === ours[i]! >= 0.85).length / scored.length,
    kendall: mean(kendalls),
    spearman: mean(spearmans),
    rankedQueries: kendalls.length,
    noResultAlsoBelow85: none.filter((r) => pick(r) < 0.85).length,
  };
}

/**
 * Scores each (query, result) pair of OFAC's Sanctions List Search export with both of Probity's
 * scores and compares them with OFAC's. Rows with OFAC score -1 (the tool returned nothing) are kept
 * apart: they have no score to compare with, only a decision.
 */
export function parityReport(csv: string, options: OfacScoreOptions = {}): ParityReport {
  const records = parse(csv, { columns: true, skip_empty_lines: true }) as {
    query_name: string;
    result_name: string;
    ofac_score: string;
  }[];
  const rows: ParityRow[] = records.map((r) => {
    const type = r.result_name.includes(",") ? "individual" : null;
    const ours = scoreNames(prepareName(r.query_name), prepareName(r.result_name, type)).score;
    const score = Number(r.ofac_score);
    return {
      query: r.query_name,
      result: r.result_name,
      ofac: score < 0 ? null : score / 100,
      ours,
      ofacComparable: ofacScore(r.query_name, r.result_name, options).score,
    };
  });
  const scored = rows.filter((r) => r.ofac !== null).length;
  return {
    pairs: rows.length,
    scored,
    noResult: rows.length - scored,
    decision: measure(rows, (r) => r.ours),
    ofacComparable: measure(rows, (r) => r.ofacComparable),
    rows,
  };
}

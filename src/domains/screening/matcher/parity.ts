import { parse } from "csv-parse/sync";
import { prepareName, scoreNames } from "./score.ts";

export type ParityRow = { query: string; result: string; ofac: number; ours: number };
export type ParityReport = {
  pairs: number;
  meanAbsoluteError: number;
  within5: number;
  within10: number;
  pearson: number;
  /** Agreement on "is this a hit" at OFAC's 85 and our 0.85. */
  agreementAt85: number;
  rows: ParityRow[];
};

/** Scores each (query, result) pair of OFAC's Sanctions List Search export and compares. */
export function parityReport(csv: string): ParityReport {
  const records = parse(csv, { columns: true, skip_empty_lines: true }) as {
    query_name: string;
    result_name: string;
    ofac_score: string;
  }[];
  const rows = records.map((r) => {
    const type = r.result_name.includes(",") ? "individual" : null;
    const ours = scoreNames(prepareName(r.query_name), prepareName(r.result_name, type)).score;
    return { query: r.query_name, result: r.result_name, ofac: Number(r.ofac_score) / 100, ours };
  });
  const n = rows.length;
  const diffs = rows.map((r) => Math.abs(r.ours - r.ofac));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const mo = mean(rows.map((r) => r.ofac));
  const mu = mean(rows.map((r) => r.ours));
  const cov = mean(rows.map((r) => (r.ofac - mo) * (r.ours - mu)));
  const so = Math.sqrt(mean(rows.map((r) => (r.ofac - mo) ** 2)));
  const su = Math.sqrt(mean(rows.map((r) => (r.ours - mu) ** 2)));
  return {
    pairs: n,
    meanAbsoluteError: mean(diffs),
    within5: diffs.filter((d) => d <= 0.05).length / n,
    within10: diffs.filter((d) => d <= 0.1).length / n,
    pearson: cov / (so * su),
    agreementAt85: rows.filter((r) => r.ofac >= 0.85 === r.ours >= 0.85).length / n,
    rows,
  };
}

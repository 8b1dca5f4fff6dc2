/**
 * The matcher's decision on a labelled set of name pairs (pairs.jsonl: people, companies and
 * vessels, in several scripts, with the variations COC-18.1 screening must survive and hard
 * negatives). Each pair is scored as screening scores a party's name (`a`) against a list name
 * (`b`); a pair is called a match when the score reaches the default threshold. The threshold is
 * not tuned on this set.
 *
 * `npx tsx src/domains/screening/matcher/eval/evaluate.ts` prints precision, recall and F1 overall
 * and by kind, and the pairs decided wrongly.
 */
import fs from "node:fs";
import path from "node:path";
import { DEFAULT_THRESHOLD } from "../name-index.ts";
import { prepareName, scoreNames } from "../score.ts";

export type Pair = {
  a: string;
  b: string;
  type: "person" | "entity" | "vessel";
  match: boolean;
  kind: string;
};
export type Counts = { tp: number; fp: number; fn: number; tn: number };
export type Metrics = Counts & { precision: number; recall: number; f1: number };

export const PAIRS_FILE = path.join(import.meta.dirname, "pairs.jsonl");

export function readPairs(file = PAIRS_FILE): Pair[] {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Pair);
}

export function metricsOf(c: Counts): Metrics {
  const precision = c.tp / Math.max(1, c.tp + c.fp);
  const recall = c.tp / Math.max(1, c.tp + c.fn);
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...c, precision, recall, f1 };
}

export function scorePair(p: Pair): number {
  const type = p.type === "person" ? "individual" : p.type;
  return scoreNames(prepareName(p.a, type), prepareName(p.b, type)).score;
}

export function evaluate(pairs: readonly Pair[] = readPairs(), threshold = DEFAULT_THRESHOLD) {
  const counts = (): Counts => ({ tp: 0, fp: 0, fn: 0, tn: 0 });
  const all = counts();
  const byKind = new Map<string, Counts>();
  const wrong: (Pair & { score: number })[] = [];
  for (const p of pairs) {
    const score = scorePair(p);
    const predicted = score >= threshold;
    const key = p.match ? (predicted ? "tp" : "fn") : predicted ? "fp" : "tn";
    all[key]++;
    const k = byKind.get(p.kind) ?? counts();
    k[key]++;
    byKind.set(p.kind, k);
    if (predicted !== p.match) wrong.push({ ...p, score });
  }
  return {
    overall: metricsOf(all),
    byKind: new Map([...byKind].map(([k, c]) => [k, metricsOf(c)])),
    wrong,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const { overall, byKind, wrong } = evaluate();
  const pct = (n: number) => `${(100 * n).toFixed(1)} %`;
  const row = (name: string, m: Metrics) =>
    `| ${name} | ${m.tp + m.fn} | ${m.fp + m.tn} | ${pct(m.precision)} | ${pct(m.recall)} | ${m.f1.toFixed(3)} |`;
  console.log("| kind | matches | non-matches | precision | recall | F1 |\n|---|---:|---:|---:|---:|---:|");
  console.log(row("all", overall));
  for (const [k, m] of [...byKind].sort()) console.log(row(k, m));
  console.log("\nDecided wrongly:");
  for (const w of wrong)
    console.log(`  ${w.match ? "missed" : "alerted"} ${w.kind}: ${w.a} ↔ ${w.b} (${w.score.toFixed(3)})`);
}

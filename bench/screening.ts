/**
 * Sanctions screening: 100,000 generated names (perturbed SDN names and unrelated names) against
 * the full July 2021 SDN snapshot. Throughput, peak memory, recall and precision at the default
 * threshold for Probity's indexed matcher, and in the same run for a brute-force Jaro-Winkler scan
 * over every list name and for fuse.js (those two on a sample: they are too slow for 100,000).
 */
import fs from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { fakerDE, fakerES, fakerFR, fakerEN_US as fakerUS } from "@faker-js/faker";
import Fuse from "fuse.js";
import {
  buildIndex,
  type ListEntry,
  parseOfacCsv,
  screenInParallel,
} from "../src/domains/screening/index.ts";
import { jaroWinkler } from "../src/domains/screening/matcher/jaro-winkler.ts";
import { normalizeName } from "../src/domains/screening/matcher/normalize.ts";
import {
  type ParityReport,
  parityReport,
  type ScoreParity,
} from "../src/domains/screening/matcher/parity.ts";
import { PARITY_CSV, snapshotFiles } from "../src/domains/screening/test/snapshot.ts";
import { rng } from "./random.ts";
import type { BenchResult } from "./run.ts";

const TOTAL = Number(process.env.BENCH_SCREEN_NAMES ?? 100_000);
const SAMPLE = Number(process.env.BENCH_SCREEN_SAMPLE ?? 1_000);
const THRESHOLD = 0.85;

type Query = { name: string; type: string | null; expected: string | null };

/** Ways real-world spellings drift from the list: each perturbed query gets one or two. */
function perturb(name: string, type: string, r: () => number): string {
  let words = name.replace(/,/g, " ").split(/\s+/).filter(Boolean);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const ops = [
    () => {
      if (type === "individual" && name.includes(",")) {
        const [last, first] = name.split(",");
        words = `${first} ${last}`.split(/\s+/).filter(Boolean);
      } else words.reverse();
    },
    () => {
      if (words.length >= 3) words.splice(1 + Math.floor(r() * (words.length - 1)), 1);
    },
    () => {
      const i = Math.floor(r() * words.length);
      const w = words[i]!;
      if (w.length < 5) return;
      const p = 1 + Math.floor(r() * (w.length - 2));
      const kind = r();
      words[i] =
        kind < 0.33
          ? w.slice(0, p) + w.slice(p + 1)
          : kind < 0.66
            ? w.slice(0, p) + w[p + 1] + w[p] + w.slice(p + 2)
            : w.slice(0, p) + pick([..."aeiourstnl"]) + w.slice(p + 1);
    },
    () => {
      const map: Record<string, string> = { A: "Á", E: "É", O: "Ö", U: "Ü", N: "Ñ", C: "Ç", I: "Í" };
      words = words.map((w) => w.replace(/[AEOUNCI]/, (c) => (r() < 0.5 ? map[c]! : c)));
    },
    () => {
      const subs: [RegExp, string][] = [
        [/Y/, "J"],
        [/OU/, "U"],
        [/KH/, "H"],
        [/I$/, "Y"],
        [/J/, "Y"],
        [/EI/, "EY"],
        [/SH/, "SCH"],
      ];
      const [re, to] = pick(subs);
      words = words.map((w) => w.replace(re, to));
    },
    () => {
      if (type !== "individual")
        words.push(pick(["LLC", "Ltd", "Limited", "GmbH", "S.A. de C.V.", "Inc.", "Co."]));
    },
    () => {
      words = words.map((w) => w.toLowerCase());
    },
    // The list name inside a longer one: a branch or trading name, a middle name or patronymic.
    () => {
      if (type === "individual")
        words.splice(1, 0, pick(["Ahmed", "Ivanovich", "Maria", "Jose", "Ali", "Petrovna"]));
      else words.push(pick(["Cargo", "Services", "Logistics", "Shipping", "Branch", "Industries"]));
    },
  ];
  const n = 1 + Math.floor(r() * 2);
  for (let i = 0; i < n; i++) pick(ops)();
  return words.join(" ");
}

export function generate(entries: readonly ListEntry[], total: number): Query[] {
  const r = rng(2021);
  const fakers = [fakerUS, fakerDE, fakerES, fakerFR];
  fakers.forEach((f, i) => {
    f.seed(7 + i);
  });
  const out: Query[] = [];
  for (let i = 0; i < total; i++) {
    if (i % 2 === 0) {
      const e = entries[Math.floor(r() * entries.length)]!;
      const names = [e.name, ...e.aliases.map((a) => a.name)];
      const source = names[Math.floor(r() * names.length)]!;
      out.push({ name: perturb(source, e.type, r), type: e.type, expected: e.entityId });
    } else {
      const f = fakers[i % fakers.length]!;
      out.push({ name: r() < 0.7 ? f.person.fullName() : f.company.name(), type: null, expected: null });
    }
  }
  return out;
}

type Score = { tp: number; fp: number; fn: number; perturbed: number; unrelated: number; alerts: number };
const newScore = (): Score => ({ tp: 0, fp: 0, fn: 0, perturbed: 0, unrelated: 0, alerts: 0 });
function tally(score: Score, q: Query, hitIds: string[]) {
  if (q.expected) score.perturbed++;
  else {
    score.unrelated++;
    if (hitIds.length) score.alerts++;
  }
  if (q.expected && hitIds.includes(q.expected)) score.tp++;
  else if (hitIds.length) score.fp++;
  if (q.expected && !hitIds.includes(q.expected)) score.fn++;
}

function parityNote(p: ParityReport, faqOnly: ScoreParity, ours: Score, ofacStyle: Score): string {
  const f = (s: ScoreParity) =>
    `mean absolute difference ${s.meanAbsoluteError.toFixed(3)}, within 0.05: ${pct(s.within5)}, within 0.10: ${pct(s.within10)}, Pearson r ${s.pearson.toFixed(2)}, same hit/no-hit decision at 0.85: ${pct(s.agreementAt85)}, per-query rank agreement Kendall τ-b ${s.kendall.toFixed(2)} (Spearman ρ ${s.spearman.toFixed(2)}, ${s.rankedQueries} queries)`;
  return [
    `Parity with OFAC's Sanctions List Search: ${p.pairs} query/result pairs, ${p.scored} of them scored by OFAC (${p.noResult} are pairs OFAC's tool did not return; our decision score leaves ${p.decision.noResultAlsoBelow85} of those below 0.85).`,
    `Each hit carries two scores. \`ofacScore\`, computed the way OFAC's FAQ 249 describes its tool (whole-string Jaro-Winkler gated on the first letter, or the mean of each query part's best Jaro-Winkler against the list name's parts, parts under 50 % counting 0, the higher of the two; details in src/domains/screening/matcher/ofac-score.ts): ${f(p.ofacComparable)}. Two of its choices are not in the FAQ but taken from OpenSanctions' published emulation (nomenklatura), which was derived from this same fixture, so these figures are partly in-sample: one- and two-letter query parts left out (KIM JONG UN → "KIM, Jong Man" 100) and the Winkler prefix bonus without the 0.7 threshold. Without those two (the FAQ read literally): mean absolute difference ${faqOnly.meanAbsoluteError.toFixed(3)}, within 0.10: ${pct(faqOnly.within10)}, Pearson r ${faqOnly.pearson.toFixed(2)}, Kendall τ-b ${faqOnly.kendall.toFixed(2)}. No constant was fitted to the 170 rows.`,
    `\`score\`, Probity's decision score: ${f(p.decision)}. The decision score differs by design: OFAC's tool scores a result 100 when every query word is somewhere in it (PUTIN → "PUTIN, Vladimir" 100, KIM JONG UN → "KIM, Jong Man" 100, J.P. MORGAN → "MORGAN HUERTA, Jose Arnoldo" 100); Probity also weighs the list name's words the query did not cover, for precision. Measured on the sample below: deciding Probity's candidates by the OFAC-comparable score instead finds ${pct(ofacStyle.tp / Math.max(1, ofacStyle.perturbed))} of the perturbed names (Probity ${pct(ours.tp / Math.max(1, ours.perturbed))}) but alerts on ${pct(ofacStyle.alerts / Math.max(1, ofacStyle.unrelated))} of the unrelated ones (Probity ${pct(ours.alerts / Math.max(1, ours.unrelated))}), so it is shown beside each hit, not used to decide. Hits are ordered by \`score\`, ties by \`ofacScore\`.`,
  ].join("\n\n");
}

const pct = (n: number) => `${(100 * n).toFixed(1)} %`;
const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;

export async function run(): Promise<BenchResult> {
  const loadBefore = os.loadavg()[0]!;
  const entries = parseOfacCsv(snapshotFiles());
  const queries = generate(entries, TOTAL);
  // Every step-th query, alternating between even (perturbed) and odd (unrelated) positions, so the
  // sample holds both kinds as the full run does (a plain i % step === 0 took perturbed names only).
  const step = Math.ceil(TOTAL / SAMPLE);
  const sample = queries.filter((_, i) => i % step === Math.floor(i / step) % 2).slice(0, SAMPLE);
  let peakRss = process.memoryUsage().rss;
  const watch = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  const rows: string[] = [];

  // Probity's matcher: index, then every query.
  const heap0 = process.memoryUsage().heapUsed;
  let t0 = performance.now();
  const index = buildIndex(entries);
  const buildMs = performance.now() - t0;
  const indexHeap = process.memoryUsage().heapUsed - heap0;
  const ours: Score = newScore();
  t0 = performance.now();
  for (const q of queries)
    tally(
      ours,
      q,
      index.screen({ name: q.name }, { threshold: THRESHOLD, limit: 5 }).map((h) => h.entityId),
    );
  const oursSec = (performance.now() - t0) / 1000;
  // The same names on every core: worker threads, each building its own index (counted in the time).
  const cores = os.availableParallelism();
  const parallel: Score = newScore();
  t0 = performance.now();
  const parallelHits = await screenInParallel(
    entries,
    queries.map((q) => ({ name: q.name })),
    { threshold: THRESHOLD, limit: 5, workers: cores },
  );
  const parallelSec = (performance.now() - t0) / 1000;
  queries.forEach((q, i) => {
    tally(
      parallel,
      q,
      parallelHits[i]!.map((h) => h.entityId),
    );
  });
  const oursSample: Score = newScore();
  for (const q of sample)
    tally(
      oursSample,
      q,
      index.screen({ name: q.name }, { threshold: THRESHOLD, limit: 5 }).map((h) => h.entityId),
    );

  // OFAC's way of scoring (Hit.ofacScore) used as the decision, over the same index candidates:
  // what Probity would flag if its decision score worked like OFAC's Sanctions List Search.
  const ofacStyle: Score = newScore();
  t0 = performance.now();
  for (const q of sample)
    tally(
      ofacStyle,
      q,
      index
        .screen({ name: q.name }, { threshold: 0, limit: 1000 })
        .filter((h) => h.ofacScore! >= THRESHOLD)
        .map((h) => h.entityId),
    );
  const ofacStyleSec = (performance.now() - t0) / 1000;

  // Brute force: Jaro-Winkler of the whole normalised name against every list name.
  const all = entries.flatMap((e) =>
    [e.name, ...e.aliases.map((a) => a.name)].map((n) => ({
      id: e.entityId,
      norm: normalizeName(n, e.type),
      name: n,
    })),
  );
  const brute: Score = newScore();
  t0 = performance.now();
  for (const q of sample) {
    const qn = normalizeName(q.name);
    const ids = new Set<string>();
    for (const n of all) if (jaroWinkler(qn, n.norm) >= THRESHOLD) ids.add(n.id);
    tally(brute, q, [...ids]);
  }
  const bruteSec = (performance.now() - t0) / 1000;

  // fuse.js (Bitap) over every list name; similarity = 1 - fuse score.
  const fuse = new Fuse(all, {
    keys: ["name"],
    includeScore: true,
    threshold: 1 - THRESHOLD,
    ignoreLocation: true,
  });
  const fused: Score = newScore();
  t0 = performance.now();
  for (const q of sample) {
    const found = fuse.search(q.name, { limit: 5 }).filter((x) => 1 - (x.score ?? 1) >= THRESHOLD);
    tally(fused, q, [...new Set(found.map((x) => x.item.id))]);
  }
  const fuseSec = (performance.now() - t0) / 1000;
  clearInterval(watch);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);

  const line = (name: string, n: number, sec: number, s: Score) =>
    `| ${name} | ${n.toLocaleString("en")} | ${Math.round(n / sec).toLocaleString("en")} | ${pct(s.tp / Math.max(1, s.perturbed))} | ${pct(s.tp / Math.max(1, s.tp + s.fp))} | ${pct(s.alerts / Math.max(1, s.unrelated))} |`;
  rows.push(
    "| matcher | names screened | names / s | recall | precision | unrelated names alerted |",
    "|---|---:|---:|---:|---:|---:|",
  );
  rows.push(line("Probity (index + token scoring), all names", TOTAL, oursSec, ours));
  rows.push(
    line(
      `Probity, all names on ${cores} worker threads (each builds its own index; \`probity screen\` does this)`,
      TOTAL,
      parallelSec,
      parallel,
    ),
  );
  rows.push(
    line(
      `Probity, the ${SAMPLE.toLocaleString("en")}-name sample`,
      sample.length,
      oursSec * (sample.length / TOTAL),
      oursSample,
    ),
  );
  rows.push(
    line(
      "Probity's candidates decided by the OFAC-comparable score (as OFAC's tool scores), sample",
      sample.length,
      ofacStyleSec,
      ofacStyle,
    ),
  );
  rows.push(line("brute-force Jaro-Winkler over every list name, sample", sample.length, bruteSec, brute));
  rows.push(line("fuse.js 7 over every list name, sample", sample.length, fuseSec, fused));

  const parityCsv = fs.readFileSync(PARITY_CSV, "utf8");
  const parity = parityReport(parityCsv);
  // FAQ 249 read literally: textbook Jaro-Winkler, every query part kept (no choice informed by the fixture).
  const faqOnly = parityReport(parityCsv, { textbookWinkler: true, keepShortParts: true }).ofacComparable;
  const notes = [
    `${entries.length.toLocaleString("en")} SDN entries, ${index.nameCount.toLocaleString("en")} names with aliases; ${TOTAL.toLocaleString("en")} queries, half perturbed list names (reordered, a token dropped, a typo, diacritics, transliteration, legal-form noise, lower case, embedded in a longer name (a branch or trading name, an added middle name); one or two of these each; the last was added on 2026-11-22, which lowered recall from 96.6 % to 94.5 % on the harder mix: the matcher before its containment rule found 80.8 % of such a mix on a 20,000-query slice with entry types given), half unrelated names from faker (en, de, es, fr). Threshold ${THRESHOLD}, one thread.`,
    "Recall: perturbed queries whose source entry is among the hits. Precision: queries with any hit whose hits include the right entry (a hit on an unrelated name, or only wrong entries, is a false positive). Unrelated names alerted: the share of the faker names with any hit, i.e. the false alerts a reviewer would have to clear.",
    `The machine has ${os.cpus().length} cores shared with other work: load average ${loadBefore.toFixed(1)} when the run started, ${os.loadavg()[0]!.toFixed(1)} when it ended, so throughput figures are conservative and vary between runs. Index build ${buildMs.toFixed(0)} ms, index heap about ${mib(indexHeap)}; peak RSS of the whole run ${mib(peakRss)}. Brute force and fuse.js ran on a sample of every ${step}th query (${sample.length}, ${sample.filter((q) => q.expected).length} of them perturbed list names); Probity's row for the same sample is given for comparison (its time there is prorated).`,
    parityNote(parity, faqOnly, oursSample, ofacStyle),
  ].join("\n\n");
  return { title: "Sanctions screening (100,000 names vs the 2021 SDN list)", notes, table: rows };
}

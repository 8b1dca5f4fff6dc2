/**
 * The rights offering's allocation engine on 100,000 holders (target: under one second), in a
 * case that exercises every step: most holders exercise part of their rights, the threshold group
 * still needs units after the residual units, so every other holder is cut back by largest
 * remainder, and the Termination Fee's hypothetical (everyone exercises) runs a second allocation.
 */
import { performance } from "node:perf_hooks";
import { allocateOffering, type OfferingSpec } from "../src/domains/restructuring/index.ts";
import { rng } from "./random.ts";
import type { BenchResult } from "./run.ts";

const HOLDERS = Number(process.env.BENCH_OFFERING_HOLDERS ?? 100_000);
const RUNS = 5;

/** An offering of 10,000,000 units to `n` holders; 1 in 10 holders is an investor's affiliate. */
export function syntheticOffering(n: number, seed = 2010): OfferingSpec {
  const r = rng(seed);
  const investors = ["oaktree", "apollo", "sankaty"] as const;
  const unitsOffered = 10_000_000;
  const claims = Array.from({ length: n }, () => 1 + Math.floor(r() ** 3 * 1_000_000));
  const total = claims.reduce((a, b) => a + b, 0);
  const holders = claims.map((c, i) => {
    const rights = Math.floor((c * unitsOffered) / total);
    const investor = i % 10 === 0 ? investors[i % 3]! : null;
    return {
      id: `H${String(i).padStart(6, "0")}`,
      investor,
      rights,
      exercised: investor ? rights : Math.floor(rights * r()),
      planShares: investor ? Math.floor(rights * 12 * r()) : Math.floor(rights * 2 * r()),
    };
  });
  return {
    unitsOffered,
    pricePerUnit: "10.00",
    sharesPerUnit: 1,
    threshold: "0.45",
    maximumCutback: "0.90",
    thresholdGroup: ["oaktree", "apollo"],
    investors: [
      { id: "oaktree", backstopPercentage: "0.60" },
      { id: "apollo", backstopPercentage: "0.25" },
      { id: "sankaty", backstopPercentage: "0.15" },
    ],
    holders,
  };
}

export async function run(): Promise<BenchResult> {
  const spec = syntheticOffering(HOLDERS);
  const times: number[] = [];
  let last: ReturnType<typeof allocateOffering> | undefined;
  allocateOffering(spec); // warm-up
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    last = allocateOffering(spec);
    times.push(performance.now() - start);
  }
  if (!last?.ok)
    throw new Error(`the benchmark offering is invalid: ${last?.ok === false ? last.errors[0] : ""}`);
  const t = last.allocation.totals;
  const cut = last.allocation.holders.filter((h) => h.cutbackUnits > 0).length;
  const json = JSON.stringify(last.allocation).length;
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  return {
    title: "Rights offering allocation (restructuring)",
    notes: `${HOLDERS.toLocaleString("en-US")} holders (BENCH_OFFERING_HOLDERS), 10,000,000 units, 3 investors; ${RUNS} runs after one warm-up, validation and both allocations (actual and "everyone exercises" for the Termination Fee) included. The case cuts back ${cut.toLocaleString("en-US")} holders: ${t.subscribedUnits.toLocaleString("en-US")} units subscribed, ${t.residualUnits.toLocaleString("en-US")} residual, ${t.cutbackUnits.toLocaleString("en-US")} cut back, threshold ${t.thresholdMet ? "met" : `not met (${t.thresholdShortfallUnits.toLocaleString("en-US")} units short)`}; the JSON result is ${(json / 1e6).toFixed(1)} MB. Target: under one second.`,
    table: [
      "| measure | value |",
      "|---|---|",
      `| allocation, median of ${RUNS} | ${ms(median)} |`,
      `| allocation, fastest / slowest | ${ms(times[0]!)} / ${ms(times.at(-1)!)} |`,
      `| heap in use after the runs | ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB |`,
      `| target | < 1,000 ms: ${median < 1000 ? "met" : "NOT met"} |`,
    ],
  };
}

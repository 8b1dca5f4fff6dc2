import os from "node:os";
import { Worker } from "node:worker_threads";
import type { ListEntry } from "../lists/parse-ofac.ts";
import { buildIndex, type Hit, type ScreenOptions, type ScreenQuery } from "./name-index.ts";

/** Below this many names per worker, starting workers (each builds its own index) costs more than it saves. */
const MIN_PER_WORKER = 2_000;

export type ParallelOptions = ScreenOptions & {
  /** Worker threads to use; by default one per core the process may use. */
  workers?: number;
};

/**
 * Screens many names using every core: the queries are cut into one contiguous slice per worker
 * thread, each worker builds its own index over the same entries, and the hits come back in input
 * order. The matcher is single-threaded and CPU-bound, so this is how a batch uses a second core.
 */
export async function screenInParallel(
  entries: readonly ListEntry[],
  queries: readonly ScreenQuery[],
  options: ParallelOptions = {},
): Promise<Hit[][]> {
  const { workers: wanted, ...screenOptions } = options;
  const workers = Math.max(
    1,
    Math.min(wanted ?? os.availableParallelism(), Math.floor(queries.length / MIN_PER_WORKER)),
  );
  if (workers === 1) {
    const index = buildIndex(entries);
    return queries.map((q) => index.screen(q, screenOptions));
  }
  const size = Math.ceil(queries.length / workers);
  const slices = Array.from({ length: workers }, (_, i) => queries.slice(i * size, (i + 1) * size));
  const results = await Promise.all(slices.map((slice) => inWorker(entries, slice, screenOptions)));
  return results.flat();
}

function inWorker(
  entries: readonly ListEntry[],
  queries: readonly ScreenQuery[],
  options: ScreenOptions,
): Promise<Hit[][]> {
  return new Promise((resolve, reject) => {
    // A .mjs entry that registers the TypeScript loader in the worker, then loads screen-worker.ts.
    const worker = new Worker(new URL("./screen-worker.mjs", import.meta.url), {
      workerData: { entries, queries, options },
    });
    let done = false;
    worker.once("message", (hits: Hit[][]) => {
      done = true;
      resolve(hits);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (!done) reject(new Error(`The screening worker stopped (exit code ${code}) before answering.`));
    });
  });
}

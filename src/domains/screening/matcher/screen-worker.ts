import { parentPort, workerData } from "node:worker_threads";
import type { ListEntry } from "../lists/parse-ofac.ts";
import { buildIndex, type ScreenOptions, type ScreenQuery } from "./name-index.ts";

const { entries, queries, options } = workerData as {
  entries: ListEntry[];
  queries: ScreenQuery[];
  options: ScreenOptions;
};
const index = buildIndex(entries);
parentPort?.postMessage(queries.map((q) => index.screen(q, options)));

import path from "node:path";
import { parseOfacCsv } from "../lists/parse-ofac.ts";
import { readOfacDir } from "../lists/read-list.ts";
import { buildIndex, type NameIndex } from "../matcher/name-index.ts";

/** The real July 2021 SDN snapshot, read from ../shared (never copied into the repository). */
export const SNAPSHOT_DIR = path.resolve(
  import.meta.dirname,
  "../../../../../shared/data/sanctions/ofac-sdn-2021",
);
export const PARITY_CSV = path.resolve(SNAPSHOT_DIR, "../benchmarks/ofac-search-scores.csv");

let cached: NameIndex | undefined;
export const snapshotFiles = () => readOfacDir(SNAPSHOT_DIR);
export function snapshotIndex(): NameIndex {
  cached ??= buildIndex(parseOfacCsv(snapshotFiles()));
  return cached;
}

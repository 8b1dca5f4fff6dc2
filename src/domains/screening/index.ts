// The screening domain's public surface: other domains, the CLI and the app import only from here.
import "./audit-actions.ts";

export { approveTransaction } from "./approve-transaction.ts";
export { createCounterparty } from "./create-counterparty.ts";
export { createTransaction } from "./create-transaction.ts";
export { decideHit } from "./decide-hit.ts";
export { getCounterparty } from "./get-counterparty.ts";
export { importList } from "./import-list.ts";
export { screeningJobs } from "./jobs.ts";
export { listVersions } from "./list-versions.ts";
export { type ListEntry, parseOfacCsv } from "./lists/parse-ofac.ts";
export { parseOfacXml } from "./lists/parse-ofac-xml.ts";
export {
  csvFileNames,
  LIST_SOURCES,
  type ListFiles,
  type ListSource,
  loadListDir,
  readListDir,
  readListFile,
  readOfacDir,
  sniffSource,
  sourceOfFileName,
  windows1252,
} from "./lists/read-list.ts";
export { jaroWinkler } from "./matcher/jaro-winkler.ts";
export {
  buildIndex,
  DEFAULT_THRESHOLD,
  type Hit,
  type NameIndex,
  type PartyType,
} from "./matcher/name-index.ts";
export {
  fold as foldName,
  STOP_WORDS as NAME_STOP_WORDS,
  skeleton as nameSkeleton,
} from "./matcher/normalize.ts";
export { screenInParallel } from "./matcher/parallel.ts";
export { registerScreeningRoutes } from "./routes.ts";
export { rescreenAll } from "./screen-counterparty.ts";
export { updateCounterparty } from "./update-counterparty.ts";

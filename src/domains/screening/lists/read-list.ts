import fs from "node:fs";
import path from "node:path";
import { invalid } from "../../../kernel/errors.ts";
import { isOfacSource, type ListSource, OFAC_SOURCES } from "./list-sources.ts";
import { type ListFiles, type ListPublication, parseList } from "./parse-list.ts";
import type { ListEntry, OfacFiles } from "./parse-ofac.ts";

// In a module of their own (no imports), so the CLI can name them without loading the parsers.
export { LIST_SOURCES, type ListSource } from "./list-sources.ts";
export const LIST_LABELS: Record<ListSource, string> = {
  "ofac-sdn": "SDN",
  "ofac-consolidated": "consolidated (non-SDN)",
  "eu-fsf": "EU Financial Sanctions Files",
  "uk-ofsi": "UK OFSI consolidated list",
  "un-sc": "UN Security Council consolidated list",
  opensanctions: "OpenSanctions",
};
export const listLabel = (source: string) =>
  source === "ownership" ? "ownership entered by users" : (LIST_LABELS[source as ListSource] ?? source);

/** OFAC writes its CSV set in Windows-1252 (the XML is UTF-8); browsers decode it the same way. */
export const windows1252 = (bytes: Uint8Array) => new TextDecoder("windows-1252").decode(bytes);

export type { ListFiles } from "./parse-list.ts";

/** Parses OFAC's files (either format) into entries; the XML also says when it was published. */
export function parseListFiles(input: ListFiles): {
  entries: ListEntry[];
  publication: ListPublication | null;
} {
  return parseList("ofac-sdn", input);
}

type OfacSource = (typeof OFAC_SOURCES)[number];
const CSV_NAMES: Record<OfacSource, Record<keyof OfacFiles, string>> = {
  "ofac-sdn": { sdn: "sdn.csv", alt: "alt.csv", add: "add.csv", comments: "sdn_comments.csv" },
  "ofac-consolidated": {
    sdn: "cons_prim.csv",
    alt: "cons_alt.csv",
    add: "cons_add.csv",
    comments: "cons_comments.csv",
  },
};
const XML_NAMES: Record<OfacSource, string> = {
  "ofac-sdn": "sdn.xml",
  "ofac-consolidated": "consolidated.xml",
};

/** OFAC's file names for a list: what `--url` downloads next to the one it is given. */
export const csvFileNames = (source: ListSource) => CSV_NAMES[isOfacSource(source) ? source : "ofac-sdn"];

/** Which list a file name belongs to (SDN.XML, CONS_PRIM.CSV …), or null when it is neither. */
export function sourceOfFileName(
  name: string,
): { source: ListSource; format: "csv" | "xml" | "jsonl" } | null {
  const lower = path.basename(name).toLowerCase();
  if (lower === "conlist.csv") return { source: "uk-ofsi", format: "csv" };
  for (const source of OFAC_SOURCES) {
    if (lower === XML_NAMES[source]) return { source, format: "xml" };
    if (lower === CSV_NAMES[source].sdn) return { source, format: "csv" };
  }
  return null;
}

/**
 * Reads one list from a directory, whatever the case of the file names: SDN.XML or the CSV set
 * (SDN.CSV, ALT.CSV, ADD.CSV, SDN_COMMENTS.CSV), or the consolidated list's CONSOLIDATED.XML or
 * CONS_PRIM.CSV set. The XML is preferred when both are there, unless `format` asks for the CSV
 * set. `source` picks a list when the directory holds both.
 */
export function readListDir(
  dir: string,
  source?: ListSource,
  options: { format?: "csv" } = {},
): ListFiles & { source: ListSource } {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw invalid(`No such directory: ${dir}`);
  const files = fs.readdirSync(dir);
  const read = (name: string, decode: (bytes: Buffer) => string) => {
    const f = files.find((x) => x.toLowerCase() === name);
    return f ? decode(fs.readFileSync(path.join(dir, f))) : undefined;
  };
  const csv = (name: string) => read(name, windows1252);
  for (const s of source && isOfacSource(source) ? [source] : OFAC_SOURCES) {
    const xml = options.format ? undefined : read(XML_NAMES[s], (b) => b.toString("utf8"));
    if (xml) return { source: s, format: "xml", xml };
    const names = CSV_NAMES[s];
    const sdn = csv(names.sdn);
    if (sdn)
      return {
        source: s,
        format: "csv",
        files: { sdn, alt: csv(names.alt), add: csv(names.add), comments: csv(names.comments) },
      };
  }
  throw invalid(
    source === "ofac-consolidated"
      ? `${dir} has no CONSOLIDATED.XML or CONS_PRIM.CSV.`
      : `${dir} has no SDN.XML or SDN.CSV (or CONSOLIDATED.XML / CONS_PRIM.CSV for the consolidated list).`,
  );
}

/**
 * Which publisher's list a text is, from its first bytes: the XML root (`<sdnList>` OFAC,
 * `<export>` the EU, `<CONSOLIDATED_LIST>` the UN), a JSON line (OpenSanctions) or OFSI's CSV.
 */
export function sniffSource(text: string): ListSource | null {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, "");
  if (/<(\w+:)?sdnList[\s>]/.test(head)) return "ofac-sdn";
  if (/<(\w+:)?export[\s>]/.test(head)) return "eu-fsf";
  if (/<CONSOLIDATED_LIST[\s>]/.test(head)) return "un-sc";
  if (/^\s*\{/.test(head)) return "opensanctions";
  if (/Group ID/.test(head) && /Name 6/.test(head)) return "uk-ofsi";
  return null;
}

/**
 * Reads one list file: OFAC's XML file or the CSV set next to a CSV file, or the one file of any
 * other publisher (the list named by `source`, else recognised from the file's first bytes).
 */
export function readListFile(file: string, source?: ListSource): ListFiles & { source: ListSource } {
  if (!fs.existsSync(file)) throw invalid(`No such file: ${file}`);
  if (fs.statSync(file).isDirectory()) return readListDir(file, source);
  const kind = sourceOfFileName(file);
  const lower = file.toLowerCase();
  if (!(kind?.format === "csv" && isOfacSource(kind.source))) {
    const text = fs.readFileSync(file, "utf8");
    const sniffed = sniffSource(text);
    const which = source ?? (sniffed === "ofac-sdn" ? (kind?.source ?? "ofac-sdn") : sniffed);
    if (!which)
      throw invalid(
        `${file} is not one of OFAC's list files (SDN.XML, SDN.CSV, CONSOLIDATED.XML, CONS_PRIM.CSV) nor another list Probity recognises (the EU's or the UN's XML, OFSI's ConList.csv, an OpenSanctions .ftm.json): name it with --source.`,
      );
    return isOfacSource(which) && lower.endsWith(".xml")
      ? { source: which, format: "xml", xml: text }
      : { source: which, format: "file", text };
  }
  return readListDir(path.dirname(file), kind.source as ListSource);
}

/** Parses the list in a directory: for the stateless `probity screen` and the benchmarks. */
export const loadListDir = (dir: string): ListEntry[] => parseListFiles(readListDir(dir)).entries;

/** The CSV set of a directory (SDN.CSV … or CONS_PRIM.CSV …), ignoring any XML beside it. */
export function readOfacDir(dir: string): OfacFiles {
  const list = readListDir(dir, undefined, { format: "csv" });
  if (list.format !== "csv") throw invalid(`${dir} has no SDN.CSV.`);
  return list.files;
}

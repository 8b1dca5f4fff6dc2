import fs from "node:fs";
import path from "node:path";
import { invalid } from "../../../kernel/errors.ts";
import { LIST_SOURCES, type ListSource } from "./list-sources.ts";
import { type ListEntry, type OfacFiles, parseOfacCsv } from "./parse-ofac.ts";
import { parseOfacXml, type XmlPublication } from "./parse-ofac-xml.ts";

// In a module of their own (no imports), so the CLI can name them without loading the parsers.
export { LIST_SOURCES, type ListSource } from "./list-sources.ts";
export const LIST_LABELS: Record<ListSource, string> = {
  "ofac-sdn": "SDN",
  "ofac-consolidated": "consolidated (non-SDN)",
};
export const listLabel = (source: string) => LIST_LABELS[source as ListSource] ?? source;

/** OFAC writes its CSV set in Windows-1252 (the XML is UTF-8); browsers decode it the same way. */
export const windows1252 = (bytes: Uint8Array) => new TextDecoder("windows-1252").decode(bytes);

/** One list's files as OFAC publishes them: the legacy CSV set or one XML file. */
export type ListFiles = { format: "csv"; files: OfacFiles } | { format: "xml"; xml: string };

/** Parses either format into entries; the XML also says when it was published. */
export function parseListFiles(input: ListFiles): {
  entries: ListEntry[];
  publication: XmlPublication | null;
} {
  if (input.format === "xml") return parseOfacXml(input.xml);
  return { entries: parseOfacCsv(input.files), publication: null };
}

const CSV_NAMES: Record<ListSource, Record<keyof OfacFiles, string>> = {
  "ofac-sdn": { sdn: "sdn.csv", alt: "alt.csv", add: "add.csv", comments: "sdn_comments.csv" },
  "ofac-consolidated": {
    sdn: "cons_prim.csv",
    alt: "cons_alt.csv",
    add: "cons_add.csv",
    comments: "cons_comments.csv",
  },
};
const XML_NAMES: Record<ListSource, string> = {
  "ofac-sdn": "sdn.xml",
  "ofac-consolidated": "consolidated.xml",
};

/** OFAC's file names for a list: what `--url` downloads next to the one it is given. */
export const csvFileNames = (source: ListSource) => CSV_NAMES[source];

/** Which list a file name belongs to (SDN.XML, CONS_PRIM.CSV …), or null when it is neither. */
export function sourceOfFileName(name: string): { source: ListSource; format: "csv" | "xml" } | null {
  const lower = path.basename(name).toLowerCase();
  for (const source of LIST_SOURCES) {
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
  for (const s of source ? [source] : LIST_SOURCES) {
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

/** Reads one XML file or the CSV set next to a CSV file. */
export function readListFile(file: string): ListFiles & { source: ListSource } {
  if (!fs.existsSync(file)) throw invalid(`No such file: ${file}`);
  if (fs.statSync(file).isDirectory()) return readListDir(file);
  const kind = sourceOfFileName(file);
  if (file.toLowerCase().endsWith(".xml"))
    return { source: kind?.source ?? "ofac-sdn", format: "xml", xml: fs.readFileSync(file, "utf8") };
  if (!kind)
    throw invalid(
      `${file} is not one of OFAC's list files (SDN.XML, SDN.CSV, CONSOLIDATED.XML, CONS_PRIM.CSV).`,
    );
  return readListDir(path.dirname(file), kind.source);
}

/** Parses the list in a directory: for the stateless `probity screen` and the benchmarks. */
export const loadListDir = (dir: string): ListEntry[] => parseListFiles(readListDir(dir)).entries;

/** The CSV set of a directory (SDN.CSV … or CONS_PRIM.CSV …), ignoring any XML beside it. */
export function readOfacDir(dir: string): OfacFiles {
  const list = readListDir(dir, undefined, { format: "csv" });
  if (list.format !== "csv") throw invalid(`${dir} has no SDN.CSV.`);
  return list.files;
}

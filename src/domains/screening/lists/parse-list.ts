import { invalid } from "../../../kernel/errors.ts";
import type { ListSource } from "./list-sources.ts";
import { parseEuXml } from "./parse-eu-xml.ts";
import { parseFtm } from "./parse-ftm.ts";
import { type ListEntry, type OfacFiles, parseOfacCsv } from "./parse-ofac.ts";
import { parseOfacXml } from "./parse-ofac-xml.ts";
import { parseUkCsv } from "./parse-uk-csv.ts";
import { parseUnXml } from "./parse-un-xml.ts";

/** What a file says about itself: when it was published and, where it says so, how many entries. */
export type ListPublication = { publishDate: string | null; recordCount: number | null };
export type ListFormat = "csv" | "xml" | "jsonl";

/**
 * One list's files: OFAC's legacy CSV set, one XML file, or one file of any other publisher
 * (the EU's and the UN's XML, OFSI's ConList.csv, OpenSanctions' JSON lines).
 */
export type ListFiles =
  | { format: "csv"; files: OfacFiles }
  | { format: "xml"; xml: string }
  | { format: "file"; text: string };

const isXml = (text: string) => /^\s*(\uFEFF)?\s*</.test(text);

/**
 * The one import pipeline's parsing step: the publisher's file(s) for a list into entries, the
 * publication it states and the format read. Every parser refuses a truncated or malformed file
 * with the line or element that is wrong (an AppError INVALID, a 400 through the API).
 */
export function parseList(
  source: ListSource,
  input: ListFiles,
): { entries: ListEntry[]; publication: ListPublication | null; format: ListFormat } {
  const text = input.format === "xml" ? input.xml : input.format === "file" ? input.text : null;
  if (source === "ofac-sdn" || source === "ofac-consolidated") {
    if (input.format === "csv")
      return { entries: parseOfacCsv(input.files), publication: null, format: "csv" };
    if (!isXml(text!))
      throw invalid(
        "OFAC's list is either SDN.XML / CONSOLIDATED.XML or the CSV set (give sdn, alt, add, comments).",
      );
    return { ...parseOfacXml(text!), format: "xml" };
  }
  if (text === null)
    throw invalid(`The ${source} list is one file: give it as "file", not as OFAC's CSV set.`);
  switch (source) {
    case "eu-fsf":
      return { ...parseEuXml(text), format: "xml" };
    case "un-sc":
      return { ...parseUnXml(text), format: "xml" };
    case "uk-ofsi":
      if (isXml(text))
        throw invalid(
          "Only the CSV form of OFSI's consolidated list (ConList.csv) is read: import that file.",
        );
      return { ...parseUkCsv(text), format: "csv" };
    case "opensanctions":
      return { ...parseFtm(text), format: "jsonl" };
  }
}

import { parse } from "csv-parse/sync";
import { invalid } from "../../../kernel/errors.ts";
import { emptyFacts } from "./common.ts";
import type { ListPublication } from "./parse-list.ts";
import { type EntryType, fillCountries, type ListEntry } from "./parse-ofac.ts";

const WHAT = "The OFSI consolidated list (ConList.csv)";
const REQUIRED = ["Name 6", "Group Type", "Alias Type", "Regime", "Group ID"] as const;

const TYPES: Record<string, EntryType> = { individual: "individual", entity: "entity", ship: "vessel" };

/**
 * Parses the UK's OFSI consolidated list in its CSV form (ConList.csv): a first line
 * "Last Updated,DD/MM/YYYY", then a header row (Name 6 is the surname or the entity's name,
 * Name 1–5 the other names, Group Type, Alias Type, Regime, Group ID …) and one row per name: the
 * rows of one Group ID are one designation, the "Primary name" row its name. Entry ids are
 * `UK-<Group ID>`; the programme is the regime. A row whose field count differs from the header's
 * (a truncated or damaged file) is refused with its line.
 */
export function parseUkCsv(raw: string): { entries: ListEntry[]; publication: ListPublication } {
  const body = raw.replace(/^\uFEFF/, "");
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(body, {
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    const err = e as Error & { lines?: number };
    throw invalid(`${WHAT} is not valid CSV${err.lines ? ` at line ${err.lines}` : ""}: ${err.message}`);
  }
  let publishDate: string | null = null;
  const headerAt = records.findIndex((r) => r.record.includes("Group ID"));
  if (headerAt < 0)
    throw invalid(`${WHAT} has no header row with a "Group ID" column: is it OFSI's ConList.csv?`);
  for (const r of records.slice(0, headerAt))
    if (/^last updated$/i.test(r.record[0] ?? "")) publishDate = r.record[1] ?? null;
  const header = records[headerAt]!.record;
  const missing = REQUIRED.filter((h) => !header.includes(h));
  if (missing.length)
    throw invalid(
      `${WHAT}: the header row (line ${records[headerAt]!.info.lines}) lacks ${missing.join(", ")}.`,
    );
  const col = (row: string[], name: string) => {
    const i = header.indexOf(name);
    const v = i < 0 ? "" : (row[i] ?? "").trim();
    return v === "" ? null : v;
  };
  const groups = new Map<string, ListEntry>();
  for (const { record: row, info } of records.slice(headerAt + 1)) {
    if (row.length !== header.length)
      throw invalid(
        `${WHAT}: line ${info.lines} has ${row.length} fields where the header has ${header.length} (is the file truncated?).`,
      );
    const id = col(row, "Group ID");
    if (!id || !/^\d+$/.test(id)) throw invalid(`${WHAT}: line ${info.lines} has no numeric Group ID.`);
    const kind = (col(row, "Group Type") ?? "").toLowerCase();
    const type = TYPES[kind];
    if (!type)
      throw invalid(
        `${WHAT}: line ${info.lines} has Group Type "${col(row, "Group Type") ?? ""}", not Individual, Entity or Ship.`,
      );
    const given = ["Name 1", "Name 2", "Name 3", "Name 4", "Name 5"].map((h) => col(row, h)).filter(Boolean);
    const last = col(row, "Name 6");
    const name = [...given, last].filter(Boolean).join(" ");
    if (!name) throw invalid(`${WHAT}: line ${info.lines} (Group ID ${id}) has no name.`);
    const entityId = `UK-${id}`;
    let entry = groups.get(entityId);
    if (!entry) {
      entry = {
        entityId,
        name,
        type,
        programs: [],
        title: col(row, "Title") ?? col(row, "Position"),
        remarks: col(row, "Other Information"),
        vessel: null,
        aliases: [],
        addresses: [],
        facts: emptyFacts(),
      };
      groups.set(entityId, entry);
    }
    const primary = (col(row, "Alias Type") ?? "").toLowerCase() === "primary name";
    if (primary && entry.name !== name) {
      entry.aliases.push({ type: "aka", name: entry.name });
      entry.name = name;
    } else if (!primary && name !== entry.name && !entry.aliases.some((a) => a.name === name))
      entry.aliases.push({ type: "aka", name });
    const script = col(row, "Name Non-Latin Script");
    if (script && !entry.aliases.some((a) => a.name === script))
      entry.aliases.push({ type: "aka", name: script });
    const regime = col(row, "Regime");
    if (regime && !entry.programs.includes(regime)) entry.programs.push(regime);
    const add = (list: string[], v: string | null) => {
      if (v && !list.includes(v)) list.push(v);
    };
    add(entry.facts.dob, col(row, "DOB"));
    add(entry.facts.nationality, col(row, "Nationality"));
    const pob = [col(row, "Town of Birth"), col(row, "Country of Birth")].filter(Boolean).join(", ");
    add(entry.facts.pob, pob || null);
    for (const [h, t] of [
      ["Passport Number", "Passport"],
      ["National Identification Number", "National ID No."],
    ] as const) {
      const number = col(row, h);
      if (number && !entry.facts.ids.some((x) => x.number === number))
        entry.facts.ids.push({ type: t, number, country: null });
    }
    const street = ["Address 1", "Address 2", "Address 3", "Address 4"]
      .map((h) => col(row, h))
      .filter(Boolean);
    const city = [col(row, "Address 5"), col(row, "Address 6"), col(row, "Post/Zip Code")].filter(Boolean);
    const country = col(row, "Country");
    if (
      (street.length || city.length || country) &&
      !entry.addresses.some((a) => a.country === country && a.address === (street.join(", ") || null))
    )
      entry.addresses.push({ address: street.join(", ") || null, city: city.join(" ") || null, country });
  }
  return {
    entries: [...groups.values()].map(fillCountries),
    publication: { publishDate, recordCount: null },
  };
}

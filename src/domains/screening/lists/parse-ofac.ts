import { createHash } from "node:crypto";
import { parse } from "csv-parse/sync";
import { emptyFacts } from "./common.ts";
import { countryCodeOf } from "./countries.ts";

export type EntryType = "individual" | "entity" | "vessel" | "aircraft";
export type Alias = { type: "aka" | "fka" | "nka"; name: string };
export type Address = { address: string | null; city: string | null; country: string | null };
export type Identifier = { type: string; number: string; country: string | null };
export type Facts = {
  dob: string[];
  pob: string[];
  nationality: string[];
  citizenship: string[];
  gender: string | null;
  ids: Identifier[];
  imo: string | null;
  /** ISO codes from addresses, nationality, citizenship and the vessel flag. */
  countries: string[];
};

/** One list entry as OFAC publishes it, with its remarks parsed into facts. */
export type ListEntry = {
  entityId: string;
  name: string;
  type: EntryType;
  programs: string[];
  title: string | null;
  remarks: string | null;
  vessel: { callSign: string | null; type: string | null; flag: string | null; owner: string | null } | null;
  aliases: Alias[];
  addresses: Address[];
  facts: Facts;
  /** FollowTheMoney topics (OpenSanctions): "sanction", "role.pep" …; absent on the official lists. */
  topics?: string[];
  /** Set when the entry is blocked because blocked persons own 50 % or more of it (ownership.ts). */
  ownership?: OwnershipFinding;
};

/** Why an entity is treated as blocked through its owners: the blocked share and the chain. */
export type OwnershipFinding = {
  /** The share, in percent, that blocked persons own together. */
  percentage: number;
  owners: { entityId: string; name: string; percentage: number }[];
  /** The chain in words, from the entity up to the listed persons. */
  chain: string[];
};

/**
 * A sanctions designation blocks; a politically exposed person (OpenSanctions' `role.pep` topic,
 * not also sanctioned) calls for enhanced due diligence, not a block.
 */
export type EntryKind = "sanction" | "pep";
export const entryKindOf = (e: Pick<ListEntry, "topics">): EntryKind =>
  e.topics?.includes("role.pep") && !e.topics.some((t) => t.startsWith("sanction")) ? "pep" : "sanction";

export type OfacFiles = { sdn: string; alt?: string; add?: string; comments?: string };

const empty = (v: string | undefined): string | null => {
  const t = (v ?? "").trim();
  return t === "" || t === "-0-" ? null : t;
};

function rows(text: string | undefined): string[][] {
  if (!text) return [];
  return parse(text.replace(/^\uFEFF/, ""), {
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
  }) as string[][];
}

const ID_TYPES =
  /^(Passport|National ID No\.|Cedula No\.|NIT #|RFC|Tax ID No\.|Registration ID|Registration Number|Identification Number|D\.N\.I\.|RUC #?|C\.U\.R\.P\.|SSN|Company Number|Commercial Registry Number|Business Registration Document #|Driver's License No\.|Personal ID Card|SWIFT\/BIC|Matricula Mercantil No|Folio Mercantil No\.|Public Security and Immigration No\.|Residency Number|Birth Certificate Number|Stateless Person ID Card|Kenyan ID No\.|Legal Entity Number|UK Company Number|Trade License No\.|Chamber of Commerce Number|Italian Fiscal Code|Government Gazette Number|MMSI)\s+(.+)$/;

/** Splits OFAC remarks ("DOB 10 Dec 1948; nationality Iran; Passport A123 (Iran); a.k.a. 'X'.") into facts. */
export function parseRemarks(remarks: string | null): { facts: Facts; aliases: Alias[] } {
  const facts = emptyFacts();
  const aliases: Alias[] = [];
  if (!remarks) return { facts, aliases };
  const rules: [RegExp, (m: RegExpMatchArray) => void][] = [
    [
      /^([afn])\.k\.a\.,?\s+'(.+)'$/,
      (m) => aliases.push({ type: `${m[1]}ka` as Alias["type"], name: m[2]! }),
    ],
    [/^DOB\s+(.+)$/, (m) => facts.dob.push(m[1]!)],
    [/^POB\s+(.+)$/, (m) => facts.pob.push(m[1]!)],
    [/^nationality\s+(.+)$/, (m) => facts.nationality.push(m[1]!)],
    [/^citizen\s+(.+)$/, (m) => facts.citizenship.push(m[1]!)],
    [
      /^Gender\s+(Male|Female)$/,
      (m) => {
        facts.gender = m[1]!;
      },
    ],
    [
      /^Vessel Registration Identification IMO\s+(\d{7})/,
      (m) => {
        facts.imo = m[1]!;
        facts.ids.push({ type: "IMO", number: m[1]!, country: null });
      },
    ],
    [
      ID_TYPES,
      (m) => {
        const id = m[2]!.match(/^(\S+(?:\s\d+)*)(?:\s+\(([^)]+)\))?/);
        if (id)
          facts.ids.push({ type: m[1]!.replace(/\s*(No\.|#)$/, ""), number: id[1]!, country: id[2] ?? null });
      },
    ],
  ];
  for (const raw of remarks.split(/;\s*/)) {
    const part = raw
      .trim()
      .replace(/\.$/, "")
      .replace(/^alt\.\s+/, "");
    for (const [re, apply] of rules) {
      const m = part.match(re);
      if (m) {
        apply(m);
        break;
      }
    }
  }
  return { facts, aliases };
}

/** Parses OFAC's legacy CSV set (no header row, `-0-` for empty); the comments continue the remarks. */
export function parseOfacCsv(files: OfacFiles): ListEntry[] {
  const byId = new Map<string, ListEntry>();
  const continued = new Map<string, string>();
  for (const r of rows(files.comments))
    if (r[0] && r[1]) continued.set(r[0], (continued.get(r[0]) ?? "") + r[1]);
  for (const r of rows(files.sdn)) {
    const entityId = empty(r[0]);
    const name = empty(r[1]);
    if (!entityId || !name || !/^\d+$/.test(entityId)) continue;
    const type = entryTypeOf(empty(r[2]));
    let remarks = empty(r[11]);
    if (continued.has(entityId)) remarks = (remarks ?? "") + continued.get(entityId);
    const { facts, aliases } = parseRemarks(remarks);
    byId.set(entityId, {
      entityId,
      name,
      type,
      programs: programsOf(empty(r[3])),
      title: empty(r[4]),
      remarks,
      vessel:
        type === "vessel"
          ? { callSign: empty(r[5]), type: empty(r[6]), flag: empty(r[9]), owner: empty(r[10]) }
          : null,
      aliases,
      addresses: [],
      facts,
    });
  }
  for (const r of rows(files.alt)) {
    const entry = byId.get(r[0] ?? "");
    const name = empty(r[3]);
    if (!entry || !name) continue;
    const t = (empty(r[2]) ?? "aka").toLowerCase();
    const type = (t === "fka" || t === "nka" ? t : "aka") as Alias["type"];
    if (!entry.aliases.some((a) => a.name.toUpperCase() === name.toUpperCase()))
      entry.aliases.push({ type, name });
  }
  for (const r of rows(files.add)) {
    const entry = byId.get(r[0] ?? "");
    if (!entry) continue;
    entry.addresses.push({ address: empty(r[2]), city: empty(r[3]), country: empty(r[4]) });
  }
  for (const entry of byId.values()) fillCountries(entry);
  return [...byId.values()];
}

/** ISO codes of the countries an entry names: addresses, nationality, citizenship, vessel flag. */
export function fillCountries(entry: ListEntry): ListEntry {
  const names = [
    ...entry.addresses.map((a) => a.country),
    ...entry.facts.nationality,
    ...entry.facts.citizenship,
    entry.vessel?.flag ?? null,
  ];
  entry.facts.countries = [
    ...new Set(names.map((n) => (n ? countryCodeOf(n) : null)).filter((c): c is string => !!c)),
  ].sort();
  return entry;
}

/** OFAC's sdnType / SDN_Type column as our entry type. */
export function entryTypeOf(kind: string | null): EntryType {
  const k = (kind ?? "").toLowerCase();
  return k === "individual" || k === "vessel" || k === "aircraft" ? k : "entity";
}

/** OFAC's "SDGT] [IRGC" (or "[SDGT] [IRGC]") as a list of programs; "CAATSA - IRAN" is one program. */
export function programsOf(text: string | null): string[] {
  return (text ?? "")
    .split(/\]\s*\[/)
    .map((p) => p.replace(/[[\]]/g, "").trim())
    .filter(Boolean);
}

/** A stable fingerprint of an entry: a changed hash is a changed entry in the version diff. */
export const entryHash = (e: ListEntry) =>
  createHash("sha256").update(JSON.stringify(e)).digest("hex").slice(0, 32);
export const fileHash = (text: string) => createHash("sha256").update(text).digest("hex");

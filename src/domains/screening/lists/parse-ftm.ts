import { invalid } from "../../../kernel/errors.ts";
import { countryName, emptyFacts } from "./common.ts";
import { blockedByOwnership, type OwnershipEdge, type OwnershipNode, percentageOf } from "./ownership.ts";
import type { ListPublication } from "./parse-list.ts";
import { type EntryType, fillCountries, type ListEntry } from "./parse-ofac.ts";

const WHAT = "The OpenSanctions export (FollowTheMoney JSON lines)";
const TYPES: Record<string, EntryType> = {
  Person: "individual",
  Company: "entity",
  Organization: "entity",
  LegalEntity: "entity",
  PublicBody: "entity",
  Vessel: "vessel",
  Airplane: "aircraft",
};
const ID_PROPS: [string, string][] = [
  ["idNumber", "Identification Number"],
  ["passportNumber", "Passport"],
  ["registrationNumber", "Registration Number"],
  ["taxNumber", "Tax ID"],
  ["innCode", "INN"],
  ["ogrnCode", "OGRN"],
  ["leiCode", "Legal Entity Number"],
  ["swiftBic", "SWIFT/BIC"],
  ["imoNumber", "IMO"],
  ["mmsi", "MMSI"],
];

type Props = Record<string, string[]>;
type FtmEntity = { id: string; schema: string; properties: Props; target?: boolean; datasets?: string[] };

/** The entity id a FollowTheMoney id becomes in Probity. */
export const ftmEntityId = (id: string) => `OS-${id}`;

/**
 * Parses OpenSanctions' FollowTheMoney export (entities.ftm.json: one JSON entity a line, with
 * `id`, `schema`, `properties` of string arrays, `target`, `datasets`). Persons, companies,
 * organisations, vessels and aircraft that are targets become entries (`OS-<id>`), with their
 * topics: `role.pep` alone makes a PEP entry (due diligence, not a block). Sanction entities give
 * their programme to the entity they name. Ownership entities (owner, asset, percentage) carry the
 * ownership graph: a company owned 50 % or more by sanctioned persons becomes a blocked entry of
 * its own with the chain (OFAC 50 % rule, EU ownership and control). A line that is not a JSON
 * entity (a truncated download ends with one) is refused with its number.
 */
export function parseFtm(raw: string): { entries: ListEntry[]; publication: ListPublication } {
  const entities = new Map<string, FtmEntity>();
  const ownerships: { e: FtmEntity; line: number }[] = [];
  const sanctions: FtmEntity[] = [];
  const lines = raw.replace(/^\uFEFF/, "").split("\n");
  lines.forEach((text, i) => {
    const line = text.trim();
    if (!line) return;
    let e: FtmEntity;
    try {
      e = JSON.parse(line) as FtmEntity;
    } catch (err) {
      throw invalid(
        `${WHAT}: line ${i + 1} is not valid JSON (${(err as Error).message}): is the download truncated?`,
      );
    }
    if (!e || typeof e !== "object" || typeof e.id !== "string" || typeof e.schema !== "string")
      throw invalid(`${WHAT}: line ${i + 1} is not a FollowTheMoney entity (no "id" or "schema").`);
    if (!e.properties || typeof e.properties !== "object" || Array.isArray(e.properties))
      throw invalid(`${WHAT}: line ${i + 1} (${e.id}) has no "properties" object.`);
    for (const [k, v] of Object.entries(e.properties))
      if (!Array.isArray(v) || v.some((x) => typeof x !== "string"))
        throw invalid(`${WHAT}: line ${i + 1} (${e.id}): property "${k}" is not a list of strings.`);
    if (e.schema === "Ownership") ownerships.push({ e, line: i + 1 });
    else if (e.schema === "Sanction") sanctions.push(e);
    else if (TYPES[e.schema]) entities.set(e.id, e);
  });
  if (!entities.size) throw invalid(`${WHAT} holds no person, company, organisation or vessel.`);
  const first = (p: Props, k: string) => p[k]?.[0]?.trim() || null;
  const programsOf = new Map<string, string[]>();
  for (const s of sanctions) {
    const programme = first(s.properties, "programId") ?? first(s.properties, "program");
    if (!programme) continue;
    for (const id of s.properties.entity ?? [])
      programsOf.set(id, [...new Set([...(programsOf.get(id) ?? []), programme])]);
  }
  const toEntry = (e: FtmEntity): ListEntry => {
    const p = e.properties;
    const names = [...(p.name ?? [])];
    const name = names.shift() ?? e.id;
    const aliases = [...names, ...(p.alias ?? []), ...(p.weakAlias ?? []), ...(p.previousName ?? [])]
      .filter((a, i, all) => a !== name && all.indexOf(a) === i)
      .map((a) => ({ type: (p.previousName?.includes(a) ? "fka" : "aka") as "aka" | "fka", name: a }));
    const facts = emptyFacts();
    facts.dob.push(...(p.birthDate ?? []), ...(p.incorporationDate ?? []));
    facts.pob.push(...(p.birthPlace ?? []));
    facts.nationality.push(...(p.nationality ?? []).map((c) => countryName(c) ?? c));
    facts.citizenship.push(...(p.citizenship ?? []).map((c) => countryName(c) ?? c));
    const gender = first(p, "gender");
    facts.gender = gender === "male" ? "Male" : gender === "female" ? "Female" : null;
    for (const [prop, type] of ID_PROPS)
      for (const number of p[prop] ?? []) facts.ids.push({ type, number, country: null });
    facts.imo = first(p, "imoNumber");
    const countries = [...(p.country ?? []), ...(p.jurisdiction ?? []), ...(p.flag ?? [])];
    return fillCountries({
      entityId: ftmEntityId(e.id),
      name,
      type: TYPES[e.schema]!,
      programs: [...new Set([...(programsOf.get(e.id) ?? []), ...(p.programId ?? []), ...(p.program ?? [])])],
      title: first(p, "position") ?? first(p, "title"),
      remarks: first(p, "notes") ?? first(p, "summary"),
      vessel:
        e.schema === "Vessel"
          ? { callSign: first(p, "callSign"), type: first(p, "type"), flag: first(p, "flag"), owner: null }
          : null,
      aliases,
      addresses: [...(p.address ?? [])].map((a) => ({ address: a, city: null, country: null })),
      facts: {
        ...facts,
        countries: [],
        nationality: facts.nationality.length ? facts.nationality : countries.map((c) => countryName(c) ?? c),
      },
      topics: p.topics ?? [],
    });
  };
  const entries = new Map<string, ListEntry>();
  for (const e of entities.values()) {
    const topics = e.properties.topics ?? [];
    if (e.target || topics.some((t) => t.startsWith("sanction") || t === "role.pep"))
      entries.set(e.id, toEntry(e));
  }
  const nodes = new Map<string, OwnershipNode>();
  for (const e of entities.values()) {
    const entry = entries.get(e.id);
    const sanctioned = entry?.topics?.some((t) => t === "sanction");
    nodes.set(e.id, {
      id: e.id,
      name: e.properties.name?.[0] ?? e.id,
      blockedBecause: sanctioned
        ? `on the OpenSanctions list as ${ftmEntityId(e.id)}${entry!.programs.length ? ` (${entry!.programs.join(", ")})` : ""}`
        : null,
    });
  }
  const edges: OwnershipEdge[] = [];
  for (const { e, line } of ownerships) {
    const owner = e.properties.owner?.[0];
    const asset = e.properties.asset?.[0];
    if (!owner || !asset)
      throw invalid(`${WHAT}: line ${line} (${e.id}) is an Ownership without owner or asset.`);
    const percentage = percentageOf(e.properties.percentage?.[0]);
    if (percentage !== null) edges.push({ owner, asset, percentage });
  }
  for (const [id, finding] of blockedByOwnership(nodes, edges)) {
    const e = entities.get(id);
    if (!e) continue;
    const entry = entries.get(id) ?? toEntry(e);
    const ownerPrograms = finding.owners.flatMap((o) => entries.get(o.entityId)?.programs ?? []);
    entries.set(id, {
      ...entry,
      programs: [...new Set([...entry.programs, ...ownerPrograms])],
      topics: [...new Set([...(entry.topics ?? []), "sanction.linked"])],
      ownership: {
        ...finding,
        owners: finding.owners.map((o) => ({ ...o, entityId: ftmEntityId(o.entityId) })),
      },
    });
  }
  return { entries: [...entries.values()], publication: { publishDate: null, recordCount: null } };
}

import { XMLParser, XMLValidator } from "fast-xml-parser";
import { invalid } from "../../../kernel/errors.ts";
import { type Alias, entryTypeOf, fillCountries, type ListEntry, parseRemarks } from "./parse-ofac.ts";

/** What OFAC's XML says about itself: the publication date and the number of entries it holds. */
export type XmlPublication = { publishDate: string | null; recordCount: number | null };

type Node = Record<string, unknown>;

const LISTS = new Set([
  "sdnEntry",
  "program",
  "id",
  "aka",
  "address",
  "nationality",
  "citizenship",
  "dateOfBirthItem",
  "placeOfBirthItem",
]);

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => LISTS.has(name),
});

const str = (v: unknown): string | null => {
  if (v === undefined || v === null) return null;
  const t = String(v).trim();
  return t === "" ? null : t;
};
const arr = (v: unknown, key: string): Node[] => {
  const inner = (v as Node | undefined)?.[key];
  return Array.isArray(inner) ? (inner as Node[]) : [];
};

/** OFAC writes a person as "LAST, First" in the CSV; the XML splits the two. */
const nameOf = (n: Node, type: string): string | null => {
  const last = str(n.lastName);
  const first = str(n.firstName);
  if (!last) return first;
  return first ? (type === "individual" ? `${last}, ${first}` : `${first} ${last}`) : last;
};

/**
 * Parses OFAC's SDN.XML (or CONSOLIDATED.XML, the same schema) into list entries. Structured facts
 * (dates and places of birth, nationality, citizenship, identifiers, gender, vessel IMO) are written
 * back in OFAC's remark phrasing and read by the same parser as the CSV remarks, so an entry
 * imported from XML has the same facts as the same entry imported from the CSV set.
 */
export function parseOfacXml(text: string): { entries: ListEntry[]; publication: XmlPublication } {
  const body = text.replace(/^\uFEFF/, "");
  // OFAC's files declare no DTD; refusing one rules out entity-expansion attacks (billion laughs).
  if (/<!DOCTYPE/i.test(body.slice(0, 4096)) || /<!ENTITY/i.test(body))
    throw invalid("The XML file declares a DTD or entities, which OFAC's lists never do: refused.");
  const valid = XMLValidator.validate(body);
  if (valid !== true)
    throw invalid(`The XML file is not well-formed: ${valid.err.msg} (line ${valid.err.line}).`);
  const doc = parser.parse(body) as Node;
  const root = doc.sdnList as Node | undefined;
  if (!root || typeof root !== "object")
    throw invalid("The XML file has no <sdnList> root: is it OFAC's SDN.XML or CONSOLIDATED.XML?");
  const info = (root.publshInformation ?? root.publishInformation) as Node | undefined;
  const count = str(info?.Record_Count);
  const publication: XmlPublication = {
    publishDate: str(info?.Publish_Date),
    recordCount: count && /^\d+$/.test(count) ? Number(count) : null,
  };
  const entries: ListEntry[] = [];
  for (const n of (root.sdnEntry as Node[] | undefined) ?? []) {
    const entityId = str(n.uid);
    const type = entryTypeOf(str(n.sdnType));
    const name = nameOf(n, type);
    if (!entityId || !name || !/^\d+$/.test(entityId)) continue;
    // The structured facts in OFAC's remark phrasing ("DOB 10 Dec 1948", "Passport A123 (Iran)").
    const phrases: string[] = [];
    for (const d of arr(n.dateOfBirthList, "dateOfBirthItem")) {
      const v = str(d.dateOfBirth);
      if (v) phrases.push(`DOB ${v}`);
    }
    for (const p of arr(n.placeOfBirthList, "placeOfBirthItem")) {
      const v = str(p.placeOfBirth);
      if (v) phrases.push(`POB ${v}`);
    }
    for (const x of arr(n.nationalityList, "nationality")) {
      const v = str(x.country);
      if (v) phrases.push(`nationality ${v}`);
    }
    for (const x of arr(n.citizenshipList, "citizenship")) {
      const v = str(x.country);
      if (v) phrases.push(`citizen ${v}`);
    }
    for (const id of arr(n.idList, "id")) {
      const kind = str(id.idType);
      const number = str(id.idNumber);
      if (!kind || !number) continue;
      const country = str(id.idCountry);
      phrases.push(`${kind} ${number}${country ? ` (${country})` : ""}`);
    }
    const remarks = str(n.remarks);
    const parsed = parseRemarks([...phrases, ...(remarks ? [remarks] : [])].join("; ") || null);
    const aliases: Alias[] = [...parsed.aliases];
    for (const a of arr(n.akaList, "aka")) {
      const alias = nameOf(a, type);
      if (!alias) continue;
      const kind = (str(a.type) ?? "a.k.a.").toLowerCase().replace(/[^a-z]/g, "");
      const aliasType: Alias["type"] = kind === "fka" || kind === "nka" ? kind : "aka";
      if (!aliases.some((x) => x.name.toUpperCase() === alias.toUpperCase()))
        aliases.push({ type: aliasType, name: alias });
    }
    const vessel = n.vesselInfo as Node | undefined;
    entries.push(
      fillCountries({
        entityId,
        name,
        type,
        programs: arr(n.programList, "program")
          .map((p) => str(p))
          .filter((p): p is string => !!p),
        title: str(n.title),
        remarks,
        vessel:
          type === "vessel"
            ? {
                callSign: str(vessel?.callSign),
                type: str(vessel?.vesselType),
                flag: str(vessel?.vesselFlag),
                owner: str(vessel?.vesselOwner),
              }
            : null,
        aliases,
        addresses: arr(n.addressList, "address").map((a) => {
          const street = [a.address1, a.address2, a.address3].map(str).filter(Boolean).join(", ");
          const city = [a.city, a.stateOrProvince, a.postalCode].map(str).filter(Boolean).join(" ");
          return { address: street || null, city: city || null, country: str(a.country) };
        }),
        facts: parsed.facts,
      }),
    );
  }
  if (publication.recordCount !== null && publication.recordCount !== entries.length)
    throw invalid(
      `The XML file says it holds ${publication.recordCount} entries but ${entries.length} were read: is the download truncated?`,
    );
  return { entries, publication };
}

import { XMLParser } from "fast-xml-parser";
import { invalid } from "../../../kernel/errors.ts";
import { checkXml, countryName, elementLine, emptyFacts, text } from "./common.ts";
import type { ListPublication } from "./parse-list.ts";
import { type Alias, fillCountries, type ListEntry } from "./parse-ofac.ts";

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name, _path, _leaf, isAttribute) =>
    !isAttribute &&
    [
      "sanctionEntity",
      "nameAlias",
      "regulation",
      "citizenship",
      "birthdate",
      "identification",
      "address",
      "remark",
    ].includes(name),
});

const list = (n: Node, key: string): Node[] => (Array.isArray(n[key]) ? (n[key] as Node[]) : []);
const WHAT = "The EU Financial Sanctions File";

/**
 * Parses the EU's Financial Sanctions Files (the consolidated list, XML schema 1.1:
 * `<export><sanctionEntity logicalId euReferenceNumber>` with `<nameAlias wholeName>`,
 * `<regulation programme>`, `<subjectType code>`, `<citizenship>`, `<birthdate>`,
 * `<identification>`, `<address>`). Entry ids are `EU-<logicalId>`; the programme is the
 * regulation's (RUS, IRQ, TAQA …).
 */
export function parseEuXml(raw: string): { entries: ListEntry[]; publication: ListPublication } {
  const body = raw.replace(/^\uFEFF/, "");
  checkXml(body, WHAT);
  const doc = parser.parse(body) as Node;
  const root = doc.export as Node | undefined;
  if (!root || typeof root !== "object")
    throw invalid(`${WHAT} has no <export> root: is it the EU's xmlFullSanctionsList_1_1?`);
  const entries: ListEntry[] = [];
  list(root, "sanctionEntity").forEach((n, i) => {
    const where = () => `<sanctionEntity> number ${i + 1} (line ${elementLine(body, "sanctionEntity", i)})`;
    const logicalId = text(n.logicalId);
    if (!logicalId || !/^\d+$/.test(logicalId))
      throw invalid(`${WHAT}: ${where()} has no numeric logicalId attribute.`);
    const names = list(n, "nameAlias")
      .map((a) => ({
        name:
          text(a.wholeName) ??
          ([a.firstName, a.middleName, a.lastName].map(text).filter(Boolean).join(" ") || null),
        strong: text(a.strong) !== "false",
        gender: text(a.gender),
        title: text(a.title) ?? text(a.function),
      }))
      .filter((a): a is typeof a & { name: string } => !!a.name);
    if (!names.length) throw invalid(`${WHAT}: ${where()} has no <nameAlias> with a wholeName.`);
    const subject = n.subjectType as Node | undefined;
    const code = text(subject?.code) ?? text(subject?.classificationCode);
    if (!code) throw invalid(`${WHAT}: ${where()} has no <subjectType code>.`);
    const type = code === "person" || code === "P" ? "individual" : "entity";
    const primary = names.find((a) => a.strong) ?? names[0]!;
    const aliases: Alias[] = [];
    for (const a of names)
      if (a !== primary && !aliases.some((x) => x.name.toUpperCase() === a.name.toUpperCase()))
        aliases.push({ type: "aka", name: a.name });
    const facts = emptyFacts();
    facts.gender = primary.gender === "M" ? "Male" : primary.gender === "F" ? "Female" : null;
    for (const b of list(n, "birthdate")) {
      const d = text(b.birthdate) ?? text(b.year);
      if (d) facts.dob.push(d);
      const place = [text(b.city), text(b.place), countryName(text(b.countryIso2Code))].filter(Boolean);
      if (place.length) facts.pob.push(place.join(", "));
    }
    for (const c of list(n, "citizenship")) {
      const country = countryName(text(c.countryIso2Code)) ?? text(c.countryDescription);
      if (country && country !== "UNKNOWN") facts.nationality.push(country);
    }
    for (const id of list(n, "identification")) {
      const number = text(id.number);
      if (!number) continue;
      facts.ids.push({
        type: text(id.identificationTypeDescription) ?? text(id.identificationTypeCode) ?? "Identification",
        number,
        country: countryName(text(id.countryIso2Code)) ?? text(id.countryDescription),
      });
    }
    const programs = [
      ...new Set(
        list(n, "regulation")
          .map((r) => text(r.programme))
          .filter((p): p is string => !!p),
      ),
    ];
    const remark = list(n, "remark")
      .map((r) => text(r["#text"]) ?? text(r))
      .filter(Boolean)
      .join(" ");
    entries.push(
      fillCountries({
        entityId: `EU-${logicalId}`,
        name: primary.name,
        type,
        programs,
        title: primary.title,
        remarks: [text(n.euReferenceNumber), remark].filter(Boolean).join("; ") || null,
        vessel: null,
        aliases,
        addresses: list(n, "address").map((a) => ({
          address: [text(a.street), text(a.poBox)].filter(Boolean).join(", ") || null,
          city: [text(a.city), text(a.zipCode)].filter(Boolean).join(" ") || null,
          country: countryName(text(a.countryIso2Code)) ?? text(a.countryDescription),
        })),
        facts,
      }),
    );
  });
  return { entries, publication: { publishDate: text(root.generationDate), recordCount: null } };
}

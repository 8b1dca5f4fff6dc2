import { XMLParser } from "fast-xml-parser";
import { invalid } from "../../../kernel/errors.ts";
import { checkXml, elementLine, emptyFacts, text } from "./common.ts";
import type { ListPublication } from "./parse-list.ts";
import { type Alias, fillCountries, type ListEntry } from "./parse-ofac.ts";

type Node = Record<string, unknown>;

const REPEATED = new Set([
  "INDIVIDUAL",
  "ENTITY",
  "INDIVIDUAL_ALIAS",
  "ENTITY_ALIAS",
  "INDIVIDUAL_ADDRESS",
  "ENTITY_ADDRESS",
  "INDIVIDUAL_DATE_OF_BIRTH",
  "INDIVIDUAL_PLACE_OF_BIRTH",
  "INDIVIDUAL_DOCUMENT",
  "VALUE",
]);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name, _path, _leaf, isAttribute) => !isAttribute && REPEATED.has(name),
});

const list = (n: Node | undefined, key: string): Node[] =>
  n && Array.isArray(n[key]) ? (n[key] as Node[]) : [];
const values = (n: unknown): string[] =>
  list(n as Node, "VALUE")
    .map((v) => text(v))
    .filter((v): v is string => !!v);
const WHAT = "The UN Security Council consolidated list";

/**
 * Parses the UN Security Council's consolidated list (consolidated.xml: `<CONSOLIDATED_LIST>` with
 * `<INDIVIDUALS><INDIVIDUAL>` and `<ENTITIES><ENTITY>`, each with DATAID, FIRST_NAME … FOURTH_NAME,
 * UN_LIST_TYPE, REFERENCE_NUMBER, aliases, addresses, dates of birth and documents). Entry ids are
 * `UN-<REFERENCE_NUMBER>` (UN-QDi.001); the programme is the sanctions regime (UN_LIST_TYPE).
 */
export function parseUnXml(raw: string): { entries: ListEntry[]; publication: ListPublication } {
  const body = raw.replace(/^\uFEFF/, "");
  checkXml(body, WHAT);
  const doc = parser.parse(body) as Node;
  const root = doc.CONSOLIDATED_LIST as Node | undefined;
  if (!root || typeof root !== "object")
    throw invalid(`${WHAT} has no <CONSOLIDATED_LIST> root: is it the UN's consolidated.xml?`);
  const entries: ListEntry[] = [];
  const read = (n: Node, i: number, kind: "INDIVIDUAL" | "ENTITY") => {
    const where = `<${kind}> number ${i + 1} (line ${elementLine(body, kind, i)})`;
    const ref = text(n.REFERENCE_NUMBER);
    if (!ref) throw invalid(`${WHAT}: ${where} has no <REFERENCE_NUMBER>.`);
    const name = [n.FIRST_NAME, n.SECOND_NAME, n.THIRD_NAME, n.FOURTH_NAME]
      .map(text)
      .filter(Boolean)
      .join(" ");
    if (!name) throw invalid(`${WHAT}: ${where} (${ref}) has no <FIRST_NAME>.`);
    const type = kind === "INDIVIDUAL" ? "individual" : "entity";
    const aliases: Alias[] = [];
    const addAlias = (a: string | null) => {
      if (a && a.toUpperCase() !== name.toUpperCase() && !aliases.some((x) => x.name === a))
        aliases.push({ type: "aka", name: a });
    };
    addAlias(text(n.NAME_ORIGINAL_SCRIPT));
    for (const a of list(n, `${kind}_ALIAS`)) addAlias(text(a.ALIAS_NAME));
    const facts = emptyFacts();
    for (const d of list(n, "INDIVIDUAL_DATE_OF_BIRTH")) {
      const v = text(d.DATE) ?? text(d.YEAR) ?? text(d.FROM_YEAR);
      if (v) facts.dob.push(v);
    }
    for (const p of list(n, "INDIVIDUAL_PLACE_OF_BIRTH")) {
      const v = [text(p.CITY), text(p.STATE_PROVINCE), text(p.COUNTRY)].filter(Boolean).join(", ");
      if (v) facts.pob.push(v);
    }
    facts.nationality.push(...values(n.NATIONALITY));
    for (const d of list(n, "INDIVIDUAL_DOCUMENT")) {
      const number = text(d.NUMBER);
      if (number)
        facts.ids.push({
          type: text(d.TYPE_OF_DOCUMENT) ?? "Document",
          number,
          country: text(d.ISSUING_COUNTRY) ?? text(d.COUNTRY_OF_ISSUE),
        });
    }
    const program = text(n.UN_LIST_TYPE);
    entries.push(
      fillCountries({
        entityId: `UN-${ref}`,
        name,
        type,
        programs: program ? [program] : [],
        title: values(n.TITLE)[0] ?? values(n.DESIGNATION)[0] ?? null,
        remarks: text(n.COMMENTS1),
        vessel: null,
        aliases,
        addresses: list(n, `${kind}_ADDRESS`)
          .map((a) => ({
            address: text(a.STREET),
            city: [text(a.CITY), text(a.STATE_PROVINCE)].filter(Boolean).join(", ") || null,
            country: text(a.COUNTRY),
          }))
          .filter((a) => a.address || a.city || a.country),
        facts,
      }),
    );
  };
  for (const [i, n] of list(root.INDIVIDUALS as Node, "INDIVIDUAL").entries()) read(n, i, "INDIVIDUAL");
  for (const [i, n] of list(root.ENTITIES as Node, "ENTITY").entries()) read(n, i, "ENTITY");
  return { entries, publication: { publishDate: text(root.dateGenerated), recordCount: null } };
}

// The EU, UK, UN and OpenSanctions list formats (COC-18, COC-18.1): each publisher's documented
// schema, read from fixtures with invented names; truncated and malformed files are refused with
// the line or element that is wrong.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { blockedByOwnership } from "./ownership.ts";
import { parseList } from "./parse-list.ts";
import { entryKindOf } from "./parse-ofac.ts";
import { readListFile, sniffSource } from "./read-list.ts";

const fixture = (name: string) => path.resolve(import.meta.dirname, "../fixtures", name);
const read = (name: string) => fs.readFileSync(fixture(name), "utf8");
const EU = read("eu-fsf.xml");
const UN = read("un-sc.xml");
const UK = read("ConList.csv");
const FTM = read("opensanctions.ftm.jsonl");
const file = (text: string) => ({ format: "file" as const, text });

describe("EU Financial Sanctions Files (COC-18)", () => {
  it("reads each sanctionEntity with its names, programme, citizenship, birth date and passport", () => {
    const { entries, publication, format } = parseList("eu-fsf", file(EU));
    expect(format).toBe("xml");
    expect(publication?.publishDate).toBe("2026-11-30T18:00:01.511+01:00");
    expect(entries.map((e) => e.entityId)).toEqual(["EU-900101", "EU-900202"]);
    const [person, company] = entries;
    expect(person).toMatchObject({
      name: "Borislav Petrovich Zarkanov",
      type: "individual",
      programs: ["RUS"],
      aliases: [{ type: "aka", name: "Борислав Петрович Зарканов" }],
    });
    expect(person!.facts).toMatchObject({ dob: ["1968-03-14"], gender: "Male", countries: ["RU"] });
    expect(person!.facts.ids[0]).toMatchObject({ number: "7200123456", type: "National passport" });
    expect(company).toMatchObject({
      type: "entity",
      programs: ["UKR"],
      name: "Nordvolga Shipping Joint Stock Company",
    });
    expect(company!.addresses[0]).toMatchObject({ city: "Saint Petersburg 190000" });
  });

  it("refuses a truncated file with the line where the XML breaks (COC-18.1)", () => {
    const cut = EU.slice(0, EU.indexOf("<citizenship"));
    expect(() => parseList("eu-fsf", file(cut))).toThrow(/not well-formed XML at line \d+.*truncated/);
  });

  it("refuses a sanctionEntity without a name, naming the element and its line (COC-18.1)", () => {
    const broken = EU.replace(/<nameAlias[^>]*Nordvolga Shipping Joint[^>]*\/>\s*<nameAlias[^>]*\/>/, "");
    expect(() => parseList("eu-fsf", file(broken))).toThrow(
      "The EU Financial Sanctions File: <sanctionEntity> number 2 (line 15) has no <nameAlias> with a wholeName.",
    );
  });
});

describe("UN Security Council consolidated list (COC-18)", () => {
  it("reads individuals and entities with the regime as programme and the original script as an alias", () => {
    const { entries } = parseList("un-sc", file(UN));
    expect(entries.map((e) => e.entityId)).toEqual(["UN-QDi.901", "UN-KPe.901"]);
    expect(entries[0]).toMatchObject({
      name: "HAMZA YUSUF AL-QIRBANI",
      programs: ["Al-Qaida"],
      title: "Financier",
    });
    expect(entries[0]!.aliases.map((a) => a.name)).toEqual([
      "حمزة يوسف القرباني",
      "Abu Yusuf al-Qirbani",
      "Hamza Qirbani",
    ]);
    expect(entries[0]!.facts).toMatchObject({ dob: ["1979-06-01"], countries: ["YE"] });
    expect(entries[1]).toMatchObject({ type: "entity", programs: ["DPRK"], aliases: [{ name: "KOMETCO" }] });
  });

  it("refuses an entry without a reference number, naming the element and its line (COC-18.1)", () => {
    const broken = UN.replace("<REFERENCE_NUMBER>KPe.901</REFERENCE_NUMBER>", "");
    expect(() => parseList("un-sc", file(broken))).toThrow(
      "The UN Security Council consolidated list: <ENTITY> number 1 (line 31) has no <REFERENCE_NUMBER>.",
    );
  });

  it("refuses a truncated file (COC-18.1)", () => {
    expect(() => parseList("un-sc", file(UN.slice(0, 1500)))).toThrow(/not well-formed XML at line \d+/);
  });
});

describe("UK OFSI consolidated list, ConList.csv (COC-18)", () => {
  it("groups the rows of a Group ID into one designation: primary name, aliases, regime", () => {
    const { entries, publication, format } = parseList("uk-ofsi", file(UK));
    expect(format).toBe("csv");
    expect(publication?.publishDate).toBe("28/11/2026");
    expect(entries.map((e) => e.entityId)).toEqual(["UK-99001", "UK-99002"]);
    expect(entries[0]).toMatchObject({
      name: "Arkady Semyonovich VELIKANOV",
      type: "individual",
      programs: ["Russia"],
    });
    expect(entries[0]!.aliases.map((a) => a.name)).toEqual([
      "Аркадий Семёнович Великанов",
      "Arkadi VELIKANOFF",
    ]);
    expect(entries[0]!.facts.ids).toEqual([{ type: "Passport", number: "510099887", country: null }]);
    expect(entries[1]).toMatchObject({
      name: "CASPIAN DELTA TRADING LLP",
      type: "entity",
      programs: ["Iran (Nuclear)"],
    });
  });

  it("refuses a truncated file with the line that lacks fields (COC-18.1)", () => {
    const cut = UK.slice(0, UK.lastIndexOf("Entity,Primary name"));
    expect(() => parseList("uk-ofsi", file(cut))).toThrow(
      "The OFSI consolidated list (ConList.csv): line 5 has 29 fields where the header has 36 (is the file truncated?).",
    );
  });

  it("refuses a row whose Group Type is unknown, with its line (COC-18.1)", () => {
    const broken = UK.replace("Entity,Primary name", "Spaceship,Primary name");
    expect(() => parseList("uk-ofsi", file(broken))).toThrow(/line 5 has Group Type "Spaceship"/);
  });
});

describe("OpenSanctions FollowTheMoney export (COC-18)", () => {
  it("reads targets with topics and programmes; a PEP is its own kind of entry", () => {
    const { entries, format } = parseList("opensanctions", file(FTM));
    expect(format).toBe("jsonl");
    const byId = new Map(entries.map((e) => [e.entityId, e]));
    expect(byId.get("OS-os-p-dravik")).toMatchObject({
      name: "Dmitri Olegovich Dravik",
      programs: ["RUSSIA-EO14024"],
      topics: ["sanction"],
    });
    expect(entryKindOf(byId.get("OS-os-p-dravik")!)).toBe("sanction");
    expect(entryKindOf(byId.get("OS-os-p-pep")!)).toBe("pep");
    // a company that is not a target and not owned by blocked persons is not an entry
    expect(byId.has("OS-os-c-brightwater")).toBe(false);
  });

  it("blocks a company owned 55 % together by two sanctioned persons, and its 100 % subsidiary, with the chain (COC-18.1)", () => {
    const { entries } = parseList("opensanctions", file(FTM));
    const byId = new Map(entries.map((e) => [e.entityId, e]));
    const holmgard = byId.get("OS-os-c-holmgard")!;
    expect(entryKindOf(holmgard)).toBe("sanction");
    expect(holmgard.ownership).toMatchObject({
      percentage: 55,
      owners: [
        { entityId: "OS-os-p-dravik", percentage: 30 },
        { entityId: "OS-os-p-brennik", percentage: 25 },
      ],
    });
    expect(holmgard.ownership!.chain[0]).toMatch(
      /Holmgard Ventures Ltd is owned 55 % by blocked persons together/,
    );
    expect(holmgard.programs).toEqual(["RUSSIA-EO14024", "GB-RUS"]);
    const sub = byId.get("OS-os-c-holmlog")!;
    expect(sub.ownership!.chain.join("\n")).toContain(
      "100 % by Holmgard Ventures Ltd, itself blocked by ownership:",
    );
    expect(sub.ownership!.chain.join("\n")).toContain(
      "30 % by Dmitri Olegovich Dravik: on the OpenSanctions list",
    );
  });

  it("refuses a truncated line with its number (COC-18.1)", () => {
    const cut = FTM.slice(0, FTM.indexOf("os-o-2") + 20);
    expect(() => parseList("opensanctions", file(cut))).toThrow(
      /OpenSanctions export \(FollowTheMoney JSON lines\): line 9 is not valid JSON .*truncated/,
    );
  });

  it("refuses a line that is not an entity (COC-18.1)", () => {
    expect(() => parseList("opensanctions", file(`${FTM}{"foo": 1}\n`))).toThrow(
      /line 13 is not a FollowTheMoney entity/,
    );
  });
});

describe("one pipeline: any publisher's file (COC-18)", () => {
  it("recognises each publisher's file from its first bytes", () => {
    expect([EU, UN, UK, FTM].map(sniffSource)).toEqual(["eu-fsf", "un-sc", "uk-ofsi", "opensanctions"]);
    expect(readListFile(fixture("un-sc.xml"))).toMatchObject({ source: "un-sc", format: "file" });
    expect(readListFile(fixture("ConList.csv"))).toMatchObject({ source: "uk-ofsi", format: "file" });
  });

  it("the 50 % rule counts a blocked share below half as not blocked (COC-18.1)", () => {
    const nodes = new Map([
      ["a", { id: "a", name: "A", blockedBecause: "listed" }],
      ["b", { id: "b", name: "B", blockedBecause: null }],
      ["c", { id: "c", name: "C", blockedBecause: null }],
    ]);
    const found = blockedByOwnership(nodes, [
      { owner: "a", asset: "b", percentage: 49.9 },
      { owner: "c", asset: "b", percentage: 50.1 },
    ]);
    expect(found.size).toBe(0);
    expect(blockedByOwnership(nodes, [{ owner: "a", asset: "b", percentage: 50 }]).get("b")?.percentage).toBe(
      50,
    );
  });
});

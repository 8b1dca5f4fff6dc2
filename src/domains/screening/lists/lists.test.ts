// Reading OFAC's files: SDN.XML gives the same entries as the CSV set; directories and file names
// are recognised whatever their case; broken or truncated files are refused with a reason (COC-18.1).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { expectAll } from "../../../../test/assertions.ts";
import { SNAPSHOT_DIR, snapshotFiles } from "../test/snapshot.ts";
import { parseOfacCsv } from "./parse-ofac.ts";
import { parseOfacXml } from "./parse-ofac-xml.ts";
import { loadListDir, readListDir, readListFile, sourceOfFileName } from "./read-list.ts";

const SAMPLE_XML = path.resolve(import.meta.dirname, "../test/sdn-sample.xml");
const CONSOLIDATED_DIR = path.resolve(import.meta.dirname, "../test/consolidated");

const tmpDir = (files: Record<string, string>) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "probity-lists-"));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
};

describe("OFAC SDN.XML (COC-18.1)", () => {
  const xml = parseOfacXml(fs.readFileSync(SAMPLE_XML, "utf8"));
  const csv = new Map(parseOfacCsv(snapshotFiles()).map((e) => [e.entityId, e]));

  it("reads the publication information and every entry", () => {
    expect(xml.publication).toEqual({ publishDate: "07/13/2021", recordCount: 3 });
    expect(xml.entries.map((e) => e.entityId)).toEqual(["306", "2676", "15036"]);
  });

  it("gives the same names, aliases, programs, addresses and facts as the CSV set for the same entries", () => {
    for (const e of xml.entries) {
      const c = csv.get(e.entityId)!;
      expect(e.name, e.entityId).toBe(c.name);
      expect(e.type).toBe(c.type);
      expect(e.programs).toEqual(c.programs);
      expect(e.title).toBe(c.title);
      const names = (xs: { name: string }[]) => xs.map((a) => a.name.toUpperCase()).sort();
      expect(names(e.aliases), e.entityId).toEqual(names(c.aliases));
      expect(e.addresses.map((a) => a.country)).toEqual(c.addresses.map((a) => a.country));
      expect(e.facts.dob).toEqual(c.facts.dob);
      expect(e.facts.pob).toEqual(c.facts.pob);
      expect(e.facts.imo).toBe(c.facts.imo);
      expect(e.facts.ids.map((i) => `${i.type} ${i.number} ${i.country}`).sort()).toEqual(
        c.facts.ids.map((i) => `${i.type} ${i.number} ${i.country}`).sort(),
      );
      expect(e.facts.countries).toEqual(c.facts.countries);
      expect(e.vessel).toEqual(c.vessel);
    }
    const bank = xml.entries[0]!;
    expect(bank.addresses[0]).toEqual({
      address: "Zweierstrasse 35",
      city: "Zurich CH-8022",
      country: "Switzerland",
    });
    const zawahiri = xml.entries[1]!;
    expect(zawahiri.facts.ids).toContainEqual({ type: "Passport", number: "1084010", country: "Egypt" });
    const tanker = xml.entries[2]!;
    expectAll(tanker.aliases, (a) => a.type === "fka", "aliases");
    expect(tanker.facts.imo).toBe("9187629");
  });

  it("refuses a file that is not well-formed, not an SDN list, or shorter than its record count says", () => {
    expect(() => parseOfacXml("<sdnList><sdnEntry><uid>1</uid></sdnList>")).toThrow(/not well-formed/);
    expect(() => parseOfacXml("<people><person/></people>")).toThrow(/no <sdnList> root/);
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><sdnList><sdnEntry><uid>1</uid><lastName>&lol2;</lastName></sdnEntry></sdnList>`;
    expect(() => parseOfacXml(laughs)).toThrow(/declares a DTD or entities/);
    const truncated = fs
      .readFileSync(SAMPLE_XML, "utf8")
      .replace("<Record_Count>3</Record_Count>", "<Record_Count>4</Record_Count>");
    expect(() => parseOfacXml(truncated)).toThrow(
      /says it holds 4 entries but 3 were read: is the download truncated/,
    );
  });
});

describe("list files and directories", () => {
  it("recognises OFAC's file names whatever their case", () => {
    expect(sourceOfFileName("/x/SDN.XML")).toEqual({ source: "ofac-sdn", format: "xml" });
    expect(sourceOfFileName("sdn.csv")).toEqual({ source: "ofac-sdn", format: "csv" });
    expect(sourceOfFileName("CONSOLIDATED.XML")).toEqual({ source: "ofac-consolidated", format: "xml" });
    expect(sourceOfFileName("cons_prim.csv")).toEqual({ source: "ofac-consolidated", format: "csv" });
    expect(sourceOfFileName("people.csv")).toBeNull();
  });

  it("reads the 2021 snapshot directory as the SDN CSV set, and prefers SDN.XML when it is there", () => {
    const dir = readListDir(SNAPSHOT_DIR);
    expect(dir).toMatchObject({ source: "ofac-sdn", format: "csv" });
    const withXml = tmpDir({ "SDN.XML": fs.readFileSync(SAMPLE_XML, "utf8"), "SDN.CSV": '1,"X",-0-' });
    expect(readListDir(withXml)).toMatchObject({ source: "ofac-sdn", format: "xml" });
    expect(loadListDir(withXml)).toHaveLength(3);
  });

  it("reads the consolidated (non-SDN) CSV set: programs with spaces, comments continuing remarks, aliases from remarks", () => {
    const list = readListDir(CONSOLIDATED_DIR);
    expect(list).toMatchObject({ source: "ofac-consolidated", format: "csv" });
    const entries = loadListDir(CONSOLIDATED_DIR);
    expect(entries).toHaveLength(3);
    const [oil, bank, person] = entries;
    expect(oil!.programs).toEqual(["UKRAINE-EO13662", "RUSSIA-EO14024"]);
    expect(oil!.aliases.map((a) => a.name)).toEqual(["NORDSTRAL NEFT"]);
    expect(oil!.facts.countries).toEqual(["RU"]);
    expect(bank!.aliases.map((a) => a.name)).toEqual(["VOLGAREKBANK"]);
    expect(person!.programs).toEqual(["CAATSA - RUSSIA"]);
    expect(person!.remarks).toMatch(/Secondary sanctions risk/);
    expect(person!.facts).toMatchObject({ dob: ["12 Mar 1971"], gender: "Male", nationality: ["Russia"] });
    expect(readListFile(path.join(CONSOLIDATED_DIR, "CONS_PRIM.CSV")).source).toBe("ofac-consolidated");
  });

  it("says what is missing from a directory or a file", () => {
    expect(() => readListDir("/no/such/dir")).toThrow(/No such directory/);
    expect(() => readListDir(tmpDir({ "notes.txt": "x" }))).toThrow(/has no SDN.XML or SDN.CSV/);
    expect(() => readListFile(path.join(tmpDir({ "people.csv": "a" }), "people.csv"))).toThrow(
      /not one of OFAC's list files/,
    );
  });
});

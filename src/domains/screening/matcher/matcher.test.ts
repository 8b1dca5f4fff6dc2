import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { parseRemarks } from "../lists/parse-ofac.ts";
import { PARITY_CSV, snapshotIndex } from "../test/snapshot.ts";
import { jaroWinkler } from "./jaro-winkler.ts";
import type { NameIndex, ScreenQuery } from "./name-index.ts";
import { normalizeName, skeleton } from "./normalize.ts";
import { parityReport } from "./parity.ts";

let index: NameIndex;
beforeAll(() => {
  index = snapshotIndex();
});

const top = (q: string | ScreenQuery) => index.screen(typeof q === "string" ? { name: q } : q)[0];

describe("Jaro-Winkler and normalisation", () => {
  it("computes the textbook values", () => {
    expect(jaroWinkler("martha", "marhta")).toBeCloseTo(0.961, 3);
    expect(jaroWinkler("dwayne", "duane")).toBeCloseTo(0.84, 2);
    expect(jaroWinkler("dixon", "dicksonx")).toBeCloseTo(0.813, 3);
    expect(jaroWinkler("abc", "xyz")).toBe(0);
    expect(jaroWinkler("", "")).toBe(0);
  });

  it("folds diacritics, Cyrillic, punctuation, legal forms, LAST, First and vessel prefixes", () => {
    expect(normalizeName("Ñúñez Müller-Łódź")).toBe("nunez muller lodz");
    expect(normalizeName("Владимир Путин")).toBe("vladimir putin");
    expect(normalizeName("NORIEGA, Manuel Antonio")).toBe("manuel antonio noriega");
    expect(normalizeName("Acme Trading Company Limited")).toBe("acme trading co ltd");
    expect(normalizeName("M/T Mar Azul", "vessel")).toBe("mar azul");
    expect(normalizeName("MV ARTAVIL")).toBe("artavil");
    expect(normalizeName("O'Brien")).toBe("obrien");
    expect(skeleton("zavyalov")).toBe(skeleton("zavjalov"));
    expect(skeleton("khoury")).toBe(skeleton("khouri"));
  });

  it("parses remarks into facts and aliases", () => {
    const { facts, aliases } = parseRemarks(
      "DOB 19 Jun 1951; POB Giza, Egypt; nationality Egypt; Passport 1084010 (Egypt); alt. Passport 19820215; Vessel Registration Identification IMO 9187629; a.k.a. 'BNC'; f.k.a. 'OLD NAME'.",
    );
    expect(facts.dob).toEqual(["19 Jun 1951"]);
    expect(facts.pob).toEqual(["Giza, Egypt"]);
    expect(facts.nationality).toEqual(["Egypt"]);
    expect(facts.imo).toBe("9187629");
    expect(facts.ids).toContainEqual({ type: "Passport", number: "1084010", country: "Egypt" });
    expect(facts.ids).toContainEqual({ type: "Passport", number: "19820215", country: null });
    expect(aliases).toEqual([
      { type: "aka", name: "BNC" },
      { type: "fka", name: "OLD NAME" },
    ]);
  });
});

describe("matcher on the 2021 SDN snapshot (COC-18.1)", () => {
  it("loads the whole snapshot with its aliases and addresses", () => {
    expect(index.entries).toHaveLength(8976);
    expect(index.nameCount).toBeGreaterThan(8976 + 11_000);
    const bnc = index.entries.find((e) => e.entityId === "306")!;
    expect(bnc.aliases.map((a) => a.name)).toContain("NATIONAL BANK OF CUBA");
    expect(bnc.addresses.length).toBe(4);
  });

  it.each([
    ["exact name", "BANCO NACIONAL DE CUBA", "306", 1],
    ["exact alias", "National Bank of Cuba", "306", 1],
    ["reordered person", "Manuel Antonio Noriega", "1572", 1],
    ["LAST, First order", "NORIEGA, Manuel Antonio", "1572", 1],
    ["typo", "Manuel Antonio Noreiga", "1572", 0.95],
    ["typo in a short name", "Abu Abas", "2674", 0.9],
    ["diacritics", "Joaquín Emilio Muñoz Paz", "4400", 1],
    ["transliteration Khoury/Khouri", "Atiya Khoury", "20243", 0.9],
    ["transliteration Usama/Osama, Ladin/Laden", "Osama bin Ladin", "6365", 0.9],
    ["legal-form noise", "Anglo Caribbean Company Limited", "173", 1],
    ["legal form added", "Tropic Tours Ltd", "2110", 0.9],
    ["missing middle name", "Aleksandr Radkov", "10139", 0.85],
    ["vessel prefix", { name: "M/V Mar Azul", type: "vessel" } as ScreenQuery, "4238", 1],
    ["joined spelling", "Sultan Bashir Ud Din Mahmood", "7133", 0.9],
  ] as const)("finds %s", (_what, query, entityId, minScore) => {
    const hit = top(query);
    expect(hit?.entityId).toBe(entityId);
    expect(hit!.score).toBeGreaterThanOrEqual(minScore);
    expect(hit!.score).toBeLessThanOrEqual(1);
  });

  it.each([
    "John Smith",
    "Maria Gonzalez",
    "Peter Müller",
    "Siemens Aktiengesellschaft",
    "Aleris Deutschland Holding GmbH",
    "Noriega", // a lone surname is not enough
    "Blue Harbor Logistics LLC",
    "Zavjalov",
  ])("does not hit %s (true negative)", (name) => {
    expect(index.screen({ name })).toEqual([]);
  });

  it("explains each hit token by token", () => {
    const hit = top("Manuel Antonio Noreiga")!;
    expect(hit.explanation.tokens).toContainEqual({
      query: "noreiga",
      list: "noriega",
      how: "fuzzy",
      similarity: expect.any(Number),
    });
    expect(hit.explanation.tokens).toContainEqual({
      query: "manuel",
      list: "manuel",
      how: "exact",
      similarity: 1,
    });
    expect(hit.explanation.summary).toMatch(/"noreiga" ≈ "noriega"/);
  });

  it("filters by type, and boosts or penalises by date of birth and country", () => {
    expect(index.screen({ name: "Manuel Antonio Noriega", type: "entity" })).toEqual([]);
    const born = top({ name: "Ayman al Zawahiri", dateOfBirth: "1951-06-19" })!;
    const other = index.screen(
      { name: "Ayman al Zawahiri", dateOfBirth: "1990-01-01" },
      { threshold: 0 },
    )[0]!;
    expect(born.entityId).toBe("2676");
    expect(born.score).toBeGreaterThan(other.score);
    expect(other.explanation.adjustments.some((a) => /date of birth 1990 differs/.test(a.reason))).toBe(true);
  });

  it("treats an exact identifier as decisive (IMO, passport)", () => {
    const hit = top({
      name: "Completely Different Name",
      type: "vessel",
      identifiers: [{ type: "IMO", number: "9187629" }],
    })!;
    expect(hit.entityId).toBe("15036");
    expect(hit.score).toBe(1);
    expect(hit.explanation.summary).toMatch(/IMO 9187629/);
  });

  it("honours threshold and limit", () => {
    const many = index.screen({ name: "Mohammed Ali" }, { threshold: 0.5, limit: 3 });
    expect(many).toHaveLength(3);
    expect(many[0]!.score).toBeGreaterThanOrEqual(many[2]!.score);
  });

  it("reports its parity with OFAC's Sanctions List Search scores", () => {
    const report = parityReport(fs.readFileSync(PARITY_CSV, "utf8"));
    expect(report.pairs).toBe(170);
    for (const r of report.rows) expect(r.ours).toBeGreaterThanOrEqual(0);
    // Where OFAC is sure (100) and the query names the person fully, we agree.
    const sure = report.rows.find((r) => r.query === "PUTIN VLADIMIR" && r.result === "PUTIN, Vladimir")!;
    expect(sure.ours).toBe(1);
  });
});

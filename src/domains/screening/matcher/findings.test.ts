import { describe, expect, it } from "vitest";
import { evaluate } from "./eval/evaluate.ts";
import { DEFAULT_THRESHOLD } from "./name-index.ts";
import { normalizeName } from "./normalize.ts";
import { prepareName, scoreNames } from "./score.ts";

/** The decision screening takes on a party name (`query`) against a list name, at the default threshold. */
const decide = (query: string, list: string, type: string | null = null) =>
  scoreNames(prepareName(query, type), prepareName(list, type));
const hit = (query: string, list: string, type: string | null = null) =>
  decide(query, list, type).score >= DEFAULT_THRESHOLD;

// Issue 15's misses and false alerts, each on its own (COC-18.1: every foreign counterparty is
// checked against the lists, so a variation of a listed name must be found and an unrelated name
// must not bury the reviewer in alerts).
describe("misses the matcher now finds (COC-18.1)", () => {
  it("COC-18.1: dotted, spaced and hyphenated acronyms (A.B.C. Company ↔ ABC Company)", () => {
    expect(hit("A.B.C. Company", "ABC Company", "entity")).toBe(true);
    expect(hit("A B C Company", "ABC Company", "entity")).toBe(true);
    expect(hit("A-B-C Company", "ABC Company", "entity")).toBe(true);
    expect(hit("ABC Company", "ABD Company", "entity")).toBe(false);
  });

  it("COC-18.1: legal forms spelled out or in another language (Siemens Aktiengesellschaft ↔ Siemens AG)", () => {
    expect(normalizeName("Siemens Aktiengesellschaft")).toBe(normalizeName("Siemens AG"));
    expect(hit("Siemens Aktiengesellschaft", "Siemens AG", "entity")).toBe(true);
    expect(hit("Bosch Gesellschaft mit beschränkter Haftung", "Bosch GmbH", "entity")).toBe(true);
    expect(
      hit("Grupo Oasis, S.A. de C.V.", "Grupo Oasis Sociedad Anónima de Capital Variable", "entity"),
    ).toBe(true);
    expect(hit("Construtora Andrade Ltda.", "Construtora Andrade Limitada", "entity")).toBe(true);
    expect(hit("Van Dijk Logistics B.V.", "Van Dijk Logistics Besloten Vennootschap", "entity")).toBe(true);
    expect(hit("Dupont Trading BVBA", "Dupont Trading SPRL", "entity")).toBe(true);
    expect(normalizeName("深圳荣达有限公司")).toMatch(/ co ltd$/);
  });

  it("COC-18.1: OAO, ZAO, OOO and PAO read as the joint stock company or LLC they abbreviate", () => {
    expect(hit("OAO Rosneft", "Open Joint Stock Company Rosneft", "entity")).toBe(true);
    expect(hit("ZAO Stroytransgaz", "Closed Joint Stock Company Stroytransgaz", "entity")).toBe(true);
    expect(hit("OOO Transoil", "Transoil Limited Liability Company", "entity")).toBe(true);
    expect(hit("ОАО Роснефть", "Open Joint Stock Company Rosneft", "entity")).toBe(true);
    expect(normalizeName("OAO Rosneft")).toBe(normalizeName("Open Joint Stock Company Rosneft"));
  });

  it("COC-18.1: Wade-Giles and pinyin spellings of one Chinese name (Hsia Pao-lung ↔ Xia Baolong)", () => {
    expect(hit("Hsia Pao-lung", "XIA, Baolong", "individual")).toBe(true);
    expect(hit("Mao Tse-tung", "Mao Zedong", "individual")).toBe(true);
    expect(hit("Chang Hsiao-ming", "ZHANG, Xiaoming", "individual")).toBe(true);
    expect(hit("Kim Jong Un", "Gim Jeong-eun", "individual")).toBe(true);
    expect(hit("Mao Tse-tung", "Mao Zemin", "individual")).toBe(false);
  });

  it("COC-18.1: numbers in words and in digits (Forty-Four ↔ 44), in five languages, and ordinals", () => {
    expect(hit("Forty-Four Trading", "44 Trading", "entity")).toBe(true);
    expect(hit("Cuarenta y Cuatro Inversiones", "44 Inversiones", "entity")).toBe(true);
    expect(hit("Quarenta e Quatro Comercio", "44 Comercio", "entity")).toBe(true);
    expect(hit("Quarante-Quatre Import", "44 Import", "entity")).toBe(true);
    expect(hit("Vierundvierzig Immobilien GmbH", "44 Immobilien GmbH", "entity")).toBe(true);
    expect(hit("Twenty First Century Holding", "21st Century Holding", "entity")).toBe(true);
    expect(hit("Forty-Four Trading", "45 Trading", "entity")).toBe(false);
  });

  it("COC-18.1: initials run together (JC ↔ Jean-Claude)", () => {
    expect(hit("JC Duvalier", "Jean-Claude Duvalier", "individual")).toBe(true);
    const s = decide("JC Duvalier", "Jean-Claude Duvalier", "individual");
    expect(s.tokens).toContainEqual(expect.objectContaining({ how: "initials" }));
    expect(hit("JC Duvalier", "Jean-Pierre Duvalier", "individual")).toBe(false);
  });

  it("COC-18.1: particles joined or split (van der bilt ↔ vanderbilt, bin ladin ↔ binladin)", () => {
    expect(hit("Cornelius van der Bilt", "Cornelius Vanderbilt", "individual")).toBe(true);
    expect(hit("Cornelius Vanderbilt", "Cornelius van der Bilt", "individual")).toBe(true);
    expect(hit("Usama Binladin", "BIN LADIN, Usama", "individual")).toBe(true);
    expect(hit("Maria de la Cruz", "Maria Delacruz", "individual")).toBe(true);
  });

  it("COC-18.1: a last word cut short by a fixed-length field", () => {
    expect(
      hit("Islamic Republic of Iran Shipping Li", "Islamic Republic of Iran Shipping Lines", "entity"),
    ).toBe(true);
    expect(hit("Bank Melli Iran Investment Compa", "Bank Melli Iran Investment Company", "entity")).toBe(
      true,
    );
    // A short name is not read as cut off: "Bank Mel" is not BANK MELLAT.
    expect(hit("Bank Mel", "Bank Mellat", "entity")).toBe(false);
  });

  it("COC-18.1: female and male forms of one surname (Ivanova ↔ Ivanov)", () => {
    expect(hit("Elena Ivanova", "IVANOV, Elena", "individual")).toBe(true);
    expect(hit("Jana Novakova", "NOVAK, Jana", "individual")).toBe(true);
    expect(hit("Anna Kowalska", "KOWALSKI, Anna", "individual")).toBe(true);
  });
});

describe("false alerts the matcher no longer raises (COC-18.1)", () => {
  it("COC-18.1: a different surname sharing a prefix is not a hit (Sancho ↔ Sánchez)", () => {
    expect(hit("Pedro Sancho", "SANCHEZ, Pedro", "individual")).toBe(false);
    expect(hit("Juan Martin", "MARTINEZ, Juan", "individual")).toBe(false);
    // The edit budget grows with length: one typo in a long name is still found.
    expect(hit("Pedro Sanchex", "SANCHEZ, Pedro", "individual")).toBe(true);
    expect(hit("Yevgeniy Prigozin", "PRIGOZHIN, Yevgeniy", "individual")).toBe(true);
  });

  it("COC-18.1: 'Enterprises', 'Trading', 'Group' are ordinary words, so the containment rule does not fire on them", () => {
    expect(hit("Golden Star Shipping Lines", "GOLDEN STAR ENTERPRISES", "entity")).toBe(false);
    expect(hit("Al Noor Trading", "AL NOOR INTERNATIONAL HOLDING", "entity")).toBe(false);
    expect(decide("Golden Star Shipping Lines", "GOLDEN STAR ENTERPRISES", "entity").contained).toBeFalsy();
    // A list name whole inside a longer party name still hits.
    expect(hit("Mahan Air Cargo Services", "MAHAN AIR", "entity")).toBe(true);
  });

  it("COC-18.1: female and male forms of two different surnames are not a hit (Barynova ↔ BARANOV)", () => {
    expect(hit("Natalia Barynova", "BARANOV, Natalia", "individual")).toBe(false);
    expect(hit("Anna Petrova", "PETRENKO, Anna", "individual")).toBe(false);
  });
});

describe("the labelled evaluation set (eval/pairs.jsonl)", () => {
  // Floors a little under what was measured when this was written (precision 0.97, recall 0.88,
  // F1 0.92; before: precision 0.71, recall 0.44, F1 0.54), so a change that loses ground fails.
  it("COC-18.1: keeps precision, recall and F1 at the default threshold above their floors", () => {
    const { overall } = evaluate();
    expect(overall.tp + overall.fn).toBeGreaterThanOrEqual(150);
    expect(overall.fp + overall.tn).toBeGreaterThanOrEqual(100);
    expect(overall.precision).toBeGreaterThanOrEqual(0.9);
    expect(overall.recall).toBeGreaterThanOrEqual(0.8);
    expect(overall.f1).toBeGreaterThanOrEqual(0.85);
  });
});

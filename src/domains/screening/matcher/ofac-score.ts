/**
 * An "OFAC-comparable" score: what OFAC's own Sanctions List Search would roughly say about a pair,
 * computed the way OFAC documents its tool (FAQ 249, https://ofac.treasury.gov/faqs/249):
 *
 * - candidates must share the first letter of the search term and be at least 50 % similar;
 * - technique 1: Jaro-Winkler of the whole name string entered against the whole list name;
 * - technique 2: the name entered is split into parts, each part is compared with the list name's
 *   parts (Jaro-Winkler; Soundex), each part gets a score, and the parts' scores are combined;
 * - the higher of the two techniques is the score.
 *
 * FAQ 249 leaves details open; the choices below are the published reading of it in
 * OpenSanctions' nomenklatura (`name_based/ofac.py`, MIT) where the FAQ is silent: the first-letter
 * gate applies to the whole-string technique; a part pair below 50 % contributes nothing; parts of
 * one or two letters in the query (UN, AL, J.) are left out unless nothing else remains; the
 * composite is the mean; the Winkler prefix bonus is applied without the 0.7 Jaro threshold (as the
 * SimMetrics library does). Soundex does not enter the score by default: OFAC's published scores show
 * it does not raise a part's (POUTINE ↔ PUTIN share Soundex P350; OFAC shows 92, not 100), so it
 * presumably only finds candidates there; `soundexLift` exists to measure that reading
 * (`npx tsx bench/parity-rows.ts --ablate`).
 *
 * This is not Probity's decision score. OFAC's tool is built for a person browsing candidates: a lone
 * surname scores 100 against every holder of it (PUTIN → "PUTIN, Vladimir"), a query word that is
 * missing from the list name costs nothing. Probity's `score` is built to decide hits in bulk
 * screening; `ofacScore` is shown beside it so a reviewer can relate a hit to what OFAC's search
 * would show.
 */
import { jaro } from "./jaro-winkler.ts";
import { fold } from "./normalize.ts";

export type OfacScoreOptions = {
  /** Apply the Winkler prefix bonus only when Jaro ≥ 0.7 (textbook) instead of always (SimMetrics). */
  textbookWinkler?: boolean;
  /** Keep one- and two-letter query parts. */
  keepShortParts?: boolean;
  /** Compare the whole strings even when their first letters differ. */
  noFirstLetterGate?: boolean;
  /** Minimum part-pair similarity; pairs below count 0. */
  partFloor?: number;
  /** Write "LAST, First" list names as "First LAST" for the whole-string technique. */
  reorderListName?: boolean;
  /** Soundex agreement lifts a part pair to at least this (undefined: never lifts). */
  soundexLift?: number;
};

export type OfacScore = {
  score: number;
  wholeString: number;
  perPart: number;
  technique: "whole-string" | "per-part";
};

/** Upper-case words as OFAC's tool sees them: diacritics folded, apostrophes dropped, other punctuation splits. */
export function ofacParts(name: string, reorder = false): string[] {
  let text = name;
  if (reorder) {
    const commas = text.split(",");
    if (commas.length === 2 && commas[1]!.trim()) text = `${commas[1]} ${commas[0]}`;
  }
  return fold(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export function winkler(a: string, b: string, textbook = false): number {
  const j = jaro(a, b);
  if (!j || (textbook && j < 0.7)) return j;
  let prefix = 0;
  const max = Math.min(4, a.length, b.length);
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return j + prefix * 0.1 * (1 - j);
}

/** American Soundex (Russell/Odell as in the US census): letter + three digits. */
export function soundex(word: string): string {
  const codes: Record<string, string> = {
    b: "1",
    f: "1",
    p: "1",
    v: "1",
    c: "2",
    g: "2",
    j: "2",
    k: "2",
    q: "2",
    s: "2",
    x: "2",
    z: "2",
    d: "3",
    t: "3",
    l: "4",
    m: "5",
    n: "5",
    r: "6",
  };
  const w = word.toLowerCase().replace(/[^a-z]/g, "");
  if (!w) return "";
  let out = w[0]!.toUpperCase();
  let prev = codes[w[0]!] ?? "";
  for (let i = 1; i < w.length && out.length < 4; i++) {
    const ch = w[i]!;
    const code = codes[ch];
    if (code) {
      if (code !== prev) out += code;
      prev = code;
    } else if (ch !== "h" && ch !== "w") prev = ""; // vowels separate equal codes; H and W do not
  }
  return out.padEnd(4, "0");
}

/** OFAC-comparable score of a query name against one list name, in [0, 1] (two decimals, as OFAC shows 0-100). */
export function ofacScore(query: string, listName: string, options: OfacScoreOptions = {}): OfacScore {
  return ofacScoreOfParts(ofacParts(query), ofacParts(listName, options.reorderListName), options);
}

/** ofacScore on names already split by ofacParts (a query is split once for all its candidates). */
export function ofacScoreOfParts(q: string[], l: string[], options: OfacScoreOptions = {}): OfacScore {
  const floor = options.partFloor ?? 0.5;
  if (!q.length || !l.length) return { score: 0, wholeString: 0, perPart: 0, technique: "per-part" };
  const qs = q.join(" ");
  const ls = l.join(" ");
  const wholeString =
    options.noFirstLetterGate || qs[0] === ls[0] ? winkler(qs, ls, options.textbookWinkler) : 0;

  const kept = options.keepShortParts ? q : q.filter((p) => p.length > 2);
  const parts = kept.length ? kept : q;
  const listSoundex = options.soundexLift === undefined ? [] : l.map(soundex);
  let sum = 0;
  for (const p of parts) {
    let best = 0;
    const ps = options.soundexLift === undefined ? "" : soundex(p);
    for (let j = 0; j < l.length; j++) {
      let sim = winkler(p, l[j]!, options.textbookWinkler);
      if (options.soundexLift !== undefined && ps === listSoundex[j])
        sim = Math.max(sim, options.soundexLift);
      if (sim > best) best = sim;
    }
    sum += best >= floor ? best : 0;
  }
  const perPart = sum / parts.length;
  const r2 = (n: number) => Math.round(n * 100) / 100;
  return {
    score: r2(Math.max(wholeString, perPart)),
    wholeString: r2(wholeString),
    perPart: r2(perPart),
    technique: wholeString > perPart ? "whole-string" : "per-part",
  };
}

/**
 * Name normalisation for screening: every script romanised (transliterate.ts), Unicode folding,
 * Latin diacritics, case, punctuation, "LAST, First" order, vessel prefixes, numbers in words as
 * digits (numerals.ts), organisation types in any language as one label (legal-forms.ts, weak),
 * particles (van, der, al, bin …) weak.
 */

import { jaroWinkler } from "./jaro-winkler.ts";
import { joinLegalPhrases, LEGAL_FORM_LABELS, LEGAL_FORM_WORDS } from "./legal-forms.ts";
import { numeralsToDigits } from "./numerals.ts";
import { CYRILLIC, romanise, type Script } from "./transliterate.ts";

const SPECIAL: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
  ħ: "h",
  ŀ: "l",
  ʼ: "",
  "’": "",
  "‘": "",
  "`": "",
  "´": "",
  "'": "",
};

/** Organisation types (legal-forms.ts labels): they match weakly, so "ACME LTD" ≈ "ACME LIMITED" ≈ "ACME". */
export const LEGAL_FORMS: ReadonlySet<string> = LEGAL_FORM_LABELS;

/** Function words that carry little identity. */
export const STOP_WORDS = new Set(
  "the of and for y e et und del della der den la le el los las das do da di du van von bin ibn".split(" "),
);

/**
 * Particles of names, weak like function words, and joined to their neighbour when the other name
 * writes them as one word (van der bilt ↔ vanderbilt, al assad ↔ alassad: score.ts).
 */
export const PARTICLES = new Set(
  "van der den von de des del della di da do dos das du la le el al ul ud bin ibn ben bint ter ten zu".split(
    " ",
  ),
);

/** Spellings of the same ordinary word (not legal forms: those are in legal-forms.ts). */
const CANONICAL: Record<string, string> = {
  international: "intl",
  holdings: "holding",
  enterprises: "enterprise",
  mohamed: "mohammed",
  muhammad: "mohammed",
  mohammad: "mohammed",
  muhammed: "mohammed",
};

/** Russian, Ukrainian, Belarusian and Turkic patronymics, as lists romanise them. */
const PATRONYMIC =
  /^[a-z]{3,}(ovich|evich|ovych|evych|ievich|yevich|itch|ovna|evna|ivna|ichna|oglu|ogly|kyzy|qizi)$/;

/** Roman numerals after a vessel's name (GOLDEN EAGLE I ↔ GOLDEN EAGLE 1). */
const ROMAN: Record<string, string> = {
  i: "1",
  ii: "2",
  iii: "3",
  iv: "4",
  v: "5",
  vi: "6",
  vii: "7",
  viii: "8",
  ix: "9",
  x: "10",
};

const VESSEL_PREFIXES = new Set(["mv", "mt", "ms", "ss", "mts", "fv", "tb"]);

/** Lower case, Latin letters and digits: every script romanised, diacritics removed. */
export function fold(text: string): string {
  return foldLatin(romanise(text).text);
}

function foldLatin(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFKD").toLowerCase()) {
    const code = ch.charCodeAt(0);
    if (code >= 0x300 && code <= 0x36f) continue; // combining marks: the diacritics
    out += SPECIAL[ch] ?? CYRILLIC[ch] ?? ch;
  }
  return out;
}

export type NameToken = {
  text: string;
  weak: boolean;
  /** The script the word was written in, when not Latin. */
  script?: Script;
};

/** Words a name was written with in a non-Latin script, for same-script comparison (score.ts). */
export const originalWords = (name: string) => romanise(name).originals;

/**
 * Tokens of a name. "LAST, First" (one comma, a person's name as OFAC writes it) is turned into
 * "First LAST"; the order does not change scores, but explanations read naturally.
 */
export function tokenize(name: string, options: { type?: string | null } = {}): NameToken[] {
  let text = name;
  const commas = text.split(",");
  if (commas.length === 2 && options.type !== "entity" && options.type !== "vessel") {
    const [last, first] = commas as [string, string];
    if (last.trim().split(/\s+/).length <= 4 && first.trim()) text = `${first} ${last}`;
  }
  const { text: latin, scripts } = romanise(text);
  const folded = foldLatin(latin)
    .replace(/\b([a-z])\/([a-z])\b/g, "$1$2") // M/T, M/V
    // Runs of dotted letters: legal forms (S.A., C.V., R.L.) become one word, initials (J.P., V. F.) stay letters.
    .replace(/\b(?:[a-z]\.\s?){2,}/g, (run) => ` ${dottedLetters(run.replace(/[^a-z]/g, ""))} `)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  if (!folded) return [];
  let words = folded.split(" ");
  if (words.length > 1 && VESSEL_PREFIXES.has(words[0]!) && options.type !== "individual") words.shift();
  words = numeralsToDigits(words);
  if (options.type === "vessel") words = words.map((w, i) => (i && ROMAN[w]) || w);
  // A person's name has no legal form: PAO, SA, AG are name words there (HSIA PAO-LUNG).
  const person = options.type === "individual";
  const lastIndex = words.length - 1;
  if (!person) words = joinLegalPhrases(words);
  return words.map((w, i) => {
    const text =
      (!person && LEGAL_FORM_WORDS.get(w)) || CANONICAL[w] || (!person && misspeltLegalForm(w)) || w;
    const script = scripts.get(w);
    return {
      text,
      weak:
        LEGAL_FORMS.has(text) ||
        STOP_WORDS.has(text) ||
        PARTICLES.has(text) ||
        // A patronymic (ANATOLIJEVITCH, VLADIMIROVNA) is often left out: its absence costs little.
        (person && i > 0 && i < lastIndex && PATRONYMIC.test(text)),
      ...(script && script !== "latin" && { script }),
    };
  });
}

/** Legal forms written as dotted letters (S.A., C.V., S.R.L., o.o.). */
const DOTTED_FORMS = new Set(
  [...LEGAL_FORM_WORDS.keys(), "cv", "rl", "oo", "sp"].filter((w) => w.length <= 4),
);

/** Letters written with dots, grouped greedily into legal forms: "cvsa" → "cv sa", "sarl" → "sarl", "jp" → "j p". */
function dottedLetters(letters: string): string {
  const out: string[] = [];
  for (let i = 0; i < letters.length; ) {
    const n =
      [4, 3, 2].find((k) => i + k <= letters.length && DOTTED_FORMS.has(letters.slice(i, i + k))) ?? 1;
    out.push(letters.slice(i, i + n));
    i += n;
  }
  return out.join(" ");
}

/** Long legal-form words, whose misspellings (LIMITDE, COMPNAY, CORPORATON) are still legal forms. */
const LONG_LEGAL_FORMS = [...LEGAL_FORM_WORDS.keys()].filter((w) => w.length >= 7);
const misspelt = new Map<string, string | null>();

/**
 * The legal form a word of six letters or more is a one-typo spelling of (same first letter,
 * Jaro-Winkler ≥ 0.94, length within one), or null. Cached: the same few words recur.
 */
function misspeltLegalForm(word: string): string | null {
  if (word.length < 6 || LEGAL_FORM_WORDS.has(word)) return null;
  let found = misspelt.get(word);
  if (found !== undefined) return found;
  found = null;
  for (const form of LONG_LEGAL_FORMS) {
    // The first letter is rarely the typo; checking it first keeps this cheap for ordinary words.
    if (form[0] === word[0] && Math.abs(form.length - word.length) <= 1 && jaroWinkler(word, form) >= 0.94) {
      found = LEGAL_FORM_WORDS.get(form) ?? form;
      break;
    }
  }
  if (misspelt.size < 100_000) misspelt.set(word, found);
  return found;
}

/** One canonical string, for display and exact comparison. */
export const normalizeName = (name: string, type?: string | null) =>
  tokenize(name, { type })
    .map((t) => t.text)
    .join(" ");

/**
 * A phonetic skeleton that survives transliteration and vowel typos: common digraphs merged,
 * similar consonants grouped, vowels after the first letter and doubled letters dropped.
 * zavyalov/zavjalov → zflf, khoury/khouri → kr, mohammed/muhammad → mmt.
 */
export function skeleton(token: string): string {
  let t = token
    .replace(/kh/g, "h")
    .replace(/ph/g, "f")
    .replace(/th/g, "t")
    .replace(/sh|sch|ch|zh|tch/g, "s")
    .replace(/ck|q/g, "k")
    .replace(/dj|j|y/g, "i")
    .replace(/w/g, "v")
    .replace(/x/g, "ks");
  if (!t) return "";
  const first = t[0]!;
  const groups: Record<string, string> = {
    b: "p",
    p: "p",
    f: "f",
    v: "f",
    d: "t",
    t: "t",
    g: "k",
    k: "k",
    c: "k",
    s: "s",
    z: "s",
    m: "m",
    n: "n",
    l: "l",
    r: "r",
    h: "",
  };
  let out = /[aeiou]/.test(first) ? "a" : (groups[first] ?? first);
  if (out === "") out = "h";
  t = t.slice(1);
  let prev = out;
  for (const ch of t) {
    if (/[aeiouy]/.test(ch)) {
      prev = "";
      continue;
    }
    const g = groups[ch] ?? ch;
    if (g === "" || g === prev) continue;
    out += g;
    prev = g;
  }
  return out;
}

/**
 * Whether a name has anything screening can compare: letters or digits in any script. A name that
 * normalises to nothing ("---", emoji) would match no list entry and so look "clear"; it is refused
 * instead (COC-18.1).
 */
export const screenable = (name: string) => tokenize(name).length > 0;

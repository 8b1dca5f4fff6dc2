/**
 * Name normalisation for screening: Unicode folding, Latin diacritics and Cyrillic transliteration,
 * case, punctuation, "LAST, First" order, vessel prefixes, and legal-form words marked weak.
 */

import { jaroWinkler } from "./jaro-winkler.ts";

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

// BGN/PCGN-style romanisation of Russian and Ukrainian Cyrillic (OFAC writes names this way).
const CYRILLIC: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  ё: "e",
  ж: "zh",
  з: "z",
  и: "i",
  й: "y",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
  і: "i",
  ї: "yi",
  є: "ye",
  ґ: "g",
};

/** Legal forms and company words: they match weakly, so "ACME LTD" ≈ "ACME LIMITED" ≈ "ACME". */
export const LEGAL_FORMS = new Set(
  (
    "llc ltd limited inc incorporated corp corporation co company cia sa sas sarl sl srl spa sro as ab oy " +
    "ag gmbh kg ohg ug mbh bv nv plc pte pty pvt lp llp lc cv de rl sp zoo z oo ooo oao zao pao jsc ojsc cjsc pjsc " +
    "tov fze fzco fzc fzllc est wll jv group holding holdings enterprise enterprises trading international intl"
  ).split(" "),
);

/** Function words that carry little identity. */
export const STOP_WORDS = new Set(
  "the of and for y e et und del della der den la le el los las das do da di du van von bin ibn".split(" "),
);

/** Spellings of the same legal form, so LIMITED and LTD are one token. */
const CANONICAL: Record<string, string> = {
  limited: "ltd",
  company: "co",
  corporation: "corp",
  incorporated: "inc",
  compania: "cia",
  companhia: "cia",
  sociedad: "sa",
  anonima: "sa",
  gesellschaft: "gmbh",
  international: "intl",
  holdings: "holding",
  enterprises: "enterprise",
  mohamed: "mohammed",
  muhammad: "mohammed",
  mohammad: "mohammed",
  muhammed: "mohammed",
};

const VESSEL_PREFIXES = new Set(["mv", "mt", "ms", "ss", "mts", "fv", "tb"]);

export function fold(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFKD").toLowerCase()) {
    const code = ch.charCodeAt(0);
    if (code >= 0x300 && code <= 0x36f) continue; // combining marks: the diacritics
    out += SPECIAL[ch] ?? CYRILLIC[ch] ?? ch;
  }
  return out;
}

export type NameToken = { text: string; weak: boolean };

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
  const folded = fold(text)
    .replace(/\b([a-z])\/([a-z])\b/g, "$1$2") // M/T, M/V
    // Runs of dotted letters: legal forms (S.A., C.V., R.L.) become one word, initials (J.P., V. F.) stay letters.
    .replace(/\b(?:[a-z]\.\s?){2,}/g, (run) => ` ${dottedLetters(run.replace(/[^a-z]/g, ""))} `)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  if (!folded) return [];
  const words = folded.split(" ");
  if (words.length > 1 && VESSEL_PREFIXES.has(words[0]!) && options.type !== "individual") words.shift();
  return words.map((w) => {
    const text = CANONICAL[w] ?? misspeltLegalForm(w) ?? w;
    return { text, weak: LEGAL_FORMS.has(text) || STOP_WORDS.has(text) };
  });
}

/** Letters written with dots, grouped greedily into legal forms: "cvsa" → "cv sa", "sarl" → "sarl", "jp" → "j p". */
function dottedLetters(letters: string): string {
  const out: string[] = [];
  for (let i = 0; i < letters.length; ) {
    const n = [4, 3, 2].find((k) => i + k <= letters.length && LEGAL_FORMS.has(letters.slice(i, i + k))) ?? 1;
    out.push(letters.slice(i, i + n));
    i += n;
  }
  return out.join(" ");
}

/** Long legal-form words, whose misspellings (LIMITDE, COMPNAY, CORPORATON) are still legal forms. */
const LONG_LEGAL_FORMS = [
  ...LEGAL_FORMS,
  ...Object.keys(CANONICAL).filter((w) => LEGAL_FORMS.has(CANONICAL[w]!)),
].filter((w) => w.length >= 7);
const misspelt = new Map<string, string | null>();

/**
 * The legal form a word of six letters or more is a one-typo spelling of (same first letter,
 * Jaro-Winkler ≥ 0.94, length within one), or null. Cached: the same few words recur.
 */
function misspeltLegalForm(word: string): string | null {
  if (word.length < 6 || LEGAL_FORMS.has(word)) return null;
  let found = misspelt.get(word);
  if (found !== undefined) return found;
  found = null;
  for (const form of LONG_LEGAL_FORMS) {
    // The first letter is rarely the typo; checking it first keeps this cheap for ordinary words.
    if (form[0] === word[0] && Math.abs(form.length - word.length) <= 1 && jaroWinkler(word, form) >= 0.94) {
      found = CANONICAL[form] ?? form;
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

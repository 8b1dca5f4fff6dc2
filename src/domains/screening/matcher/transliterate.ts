/**
 * Every script to Latin letters before tokenising (COC-18.1: a name written in Arabic, Chinese,
 * Greek … is screened, not folded to nothing). `any-ascii` romanises every Unicode script; Chinese
 * goes through `pinyin-pro` (word-aware pinyin, as OFAC and the EU write Chinese names). A few
 * letters are mapped first where the libraries' choice differs from how sanctions lists romanise
 * (Greek digraphs, the Arabic article, Hebrew vowel letters).
 *
 * Each word keeps its script, so the scorer knows which words came from a script without short
 * vowels (Arabic, Persian, Hebrew: compared by consonants) and the original-script words are kept
 * for same-script comparison.
 */
import anyAscii from "any-ascii";
import { pinyin } from "pinyin-pro";

export type Script =
  | "latin"
  | "abjad" // Arabic, Persian, Urdu, Hebrew, Syriac, Thaana; Indic scripts (an inherent vowel is not written): compared by consonants
  | "han"
  | "hangul"
  | "other"; // Cyrillic, Greek, Devanagari, kana, Georgian, Armenian …: letters map to letters

export type Romanised = {
  /** Latin text, in the same order as the input, ready for folding and tokenising. */
  text: string;
  /** Each word of `text` that came from a non-Latin script: its script. */
  scripts: Map<string, Script>;
  /** The words written in a non-Latin script, as written (lower case, NFKC). */
  originals: string[];
};

const ARABIC = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/;
const HEBREW = /[\u0590-\u05ff\ufb1d-\ufb4f]/;
const OTHER_ABJAD = /[\u0700-\u074f\u0780-\u07bf]/; // Syriac, Thaana
const INDIC = /[\u0900-\u0dff]/; // Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam, Sinhala
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const HANGUL = /[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]/;
/** A letter of a script other than Latin (digits, punctuation, symbols and combining marks are not). */
const NON_LATIN = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;

// BGN/PCGN-style romanisation of Russian and Ukrainian Cyrillic (OFAC writes names this way).
export const CYRILLIC: Record<string, string> = {
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

// Greek: digraphs as names are romanised (ELOT 743 / how lists write them), before letter by letter.
const GREEK_DIGRAPHS: [RegExp, string][] = [
  [/(^|[\s-])γι(?=[αάοόουεέ])/g, "$1y"],
  [/(^|[\s-])μπ/g, "$1b"],
  [/(^|[\s-])ντ/g, "$1d"],
  [/(^|[\s-])γκ/g, "$1g"],
  // In names from other languages (Βλαντίμιρ, Μπουτ) these are B, D, G wherever they stand.
  [/μπ/g, "b"],
  [/ντ/g, "d"],
  [/γκ/g, "g"],
  [/γγ/g, "ng"],
  [/ο[υύ]/g, "u"],
  [/αι/g, "e"],
  [/αί/g, "e"],
  [/[εο]ι/g, "i"],
  [/[εο]ί/g, "i"],
];

/** Chinese legal forms and company words, mapped before pinyin so they become legal forms, not syllables. */
const HAN_WORDS: [RegExp, string][] = [
  [/股份有限公司|有限责任公司|有限責任公司|有限公司/g, " co ltd "],
  [/株式会社|株式會社/g, " kabushiki kaisha "],
  [/集团|集團/g, " group "],
  [/控股/g, " holding "],
  [/公司/g, " co "],
];

function romaniseArabic(word: string): string {
  // The article al- is written joined (الأسد): split it as lists write it (AL-ASSAD). Alif, which
  // any-ascii drops, is kept as "a" where it begins a word (أسامة → asama), and ظ is written Z.
  return anyAscii(
    word
      .replace(/^ال/, "al ")
      .replace(/^[اأإآ]/, "a")
      .replace(/ظ/g, "z"),
  );
}

function romaniseHebrew(word: string): string {
  // Vav and yod are mostly vowel letters in names; bet without its dot is B as often as V.
  return anyAscii(word.replace(/[וי]/g, "w").replace(/ב/g, "b"));
}

function romaniseHan(word: string): string {
  let text = word;
  for (const [re, to] of HAN_WORDS) text = text.replace(re, to);
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => {
      if (!HAN.test(part)) return anyAscii(part);
      const name = part.length >= 2 && part.length <= 3;
      const syllables = pinyin(part, {
        toneType: "none",
        type: "array",
        nonZh: "consecutive",
        ...(name && { surname: "head" as const }),
      })
        .map((s) => s.replace(/ü/g, "u").replace(/v/g, "u"))
        .filter((s) => /\w/.test(s));
      // A personal name of two or three characters: the surname (read as a surname: 薄 is Bo),
      // then the given name as one word (习近平 → xi jinping, as OFAC writes XI, Jinping). Longer
      // runs (company names): every syllable a word; the scorer joins neighbours where the other
      // name has them as one (华为 → hua wei ↔ HUAWEI).
      if (name && part.length === syllables.length) return `${syllables[0]} ${syllables.slice(1).join("")}`;
      return syllables.join(" ");
    })
    .join(" ");
}

function romaniseHangul(word: string): string {
  // any-ascii writes each syllable block capitalised (김정은 → GimJeongEun): a name of two or three
  // blocks is surname + given name, as for Chinese.
  const syllables = anyAscii(word)
    .split(/(?=[A-Z])/)
    .filter(Boolean);
  if (syllables.length >= 2 && syllables.length <= 3)
    return `${syllables[0]} ${syllables.slice(1).join("")}`.toLowerCase();
  return syllables.join(" ").toLowerCase();
}

function scriptOf(word: string): Script {
  if (ARABIC.test(word) || HEBREW.test(word) || OTHER_ABJAD.test(word) || INDIC.test(word)) return "abjad";
  if (HAN.test(word)) return "han";
  if (HANGUL.test(word)) return "hangul";
  return NON_LATIN.test(word) ? "other" : "latin";
}

function romaniseWord(word: string, script: Script): string {
  switch (script) {
    case "abjad":
      if (INDIC.test(word)) return anyAscii(word.replace(/[\u0902\u0982\u0a02\u0a82]/g, "n")); // anusvara: mostly n
      return HEBREW.test(word) ? romaniseHebrew(word) : romaniseArabic(word);
    case "han":
      return romaniseHan(word);
    case "hangul":
      return romaniseHangul(word);
    default: {
      let w = "";
      for (const ch of word.toLowerCase()) w += CYRILLIC[ch] ?? ch;
      for (const [re, to] of GREEK_DIGRAPHS) w = w.replace(re, to);
      return anyAscii(w);
    }
  }
}

const cache = new Map<string, Romanised>();

/** The name in Latin letters, with the script of each word that was not Latin. */
export function romanise(name: string): Romanised {
  if (!NON_LATIN.test(name)) return { text: name, scripts: new Map(), originals: [] };
  const hit = cache.get(name);
  if (hit) return hit;
  // Symbols and emoji are not part of a name (any-ascii would spell them out: 🙂 → "slight smile").
  const letters = name.normalize("NFKC").replace(/[^\p{L}\p{N}\p{M}\p{Zs}\p{P}]/gu, " ");
  const scripts = new Map<string, Script>();
  const originals: string[] = [];
  const out: string[] = [];
  // Words: runs of anything but spaces and list punctuation; Chinese and Japanese write no spaces.
  for (const word of letters.split(/[\s,;/()[\]]+/)) {
    if (!word) continue;
    const script = scriptOf(word);
    if (script === "latin") {
      out.push(word);
      continue;
    }
    originals.push(
      ...word
        .toLowerCase()
        .split(/[-‐'’·・.]+/)
        .filter(Boolean),
    );
    const latin = romaniseWord(word, script)
      .toLowerCase()
      .replace(/[`'’ʼ]/g, "");
    for (const w of latin.split(/[^a-z0-9]+/)) if (w) scripts.set(w, script);
    out.push(latin);
  }
  const result = { text: out.join(" "), scripts, originals };
  if (cache.size < 50_000) cache.set(name, result);
  return result;
}

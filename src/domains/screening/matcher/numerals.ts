/**
 * Numbers and ordinals written in words, in English, Spanish, Portuguese, French and German, as
 * digits: "Forty-Four" → 44, "cuarenta y cuatro" → 44, "vierundvierzig" → 44, "Forty-Fourth" →
 * 44, "44th" → 44 (COC-18.1: a name with a number screens the same however the number is written).
 * Works on folded tokens (lower case, no diacritics, hyphens already split).
 */

const UNITS: Record<string, number> = {};
const add = (n: number, ...words: string[]) => {
  for (const w of words) UNITS[w] = n;
};
// English
add(0, "zero");
add(1, "one");
add(2, "two");
add(3, "three");
add(4, "four");
add(5, "five");
add(6, "six");
add(7, "seven");
add(8, "eight");
add(9, "nine");
add(10, "ten");
add(11, "eleven");
add(12, "twelve");
add(13, "thirteen");
add(14, "fourteen");
add(15, "fifteen");
add(16, "sixteen");
add(17, "seventeen");
add(18, "eighteen");
add(19, "nineteen");
add(20, "twenty");
add(30, "thirty");
add(40, "forty", "fourty");
add(50, "fifty");
add(60, "sixty");
add(70, "seventy");
add(80, "eighty");
add(90, "ninety");
// Spanish and Portuguese ("uno" and "una" only: "un" is too common a word in names)
add(1, "uno", "una", "um", "uma");
add(2, "dois", "duas"); // not "dos": dos Santos
add(3, "tres");
add(4, "cuatro", "quatro");
add(5, "cinco");
add(6, "seis");
add(7, "siete", "sete");
add(8, "ocho", "oito");
add(9, "nueve", "nove");
add(10, "diez", "dez");
add(11, "once", "onze");
add(12, "doce", "doze");
add(13, "trece", "treze");
add(14, "catorce", "catorze", "quatorze");
add(15, "quince", "quinze");
add(16, "dieciseis", "dezesseis", "dezasseis");
add(17, "diecisiete", "dezessete", "dezassete");
add(18, "dieciocho", "dezoito");
add(19, "diecinueve", "dezenove", "dezanove");
add(20, "veinte", "vinte");
add(30, "treinta", "trinta");
add(40, "cuarenta", "quarenta");
add(50, "cincuenta", "cinquenta");
add(60, "sesenta", "sessenta");
add(70, "setenta");
add(80, "ochenta", "oitenta");
add(90, "noventa");
// French
add(2, "deux");
add(4, "quatre");
add(5, "cinq");
add(6, "six");
add(7, "sept");
add(8, "huit");
add(9, "neuf");
add(10, "dix");
add(12, "douze");
add(13, "treize");
add(14, "quatorze");
add(16, "seize");
add(20, "vingt", "vingts");
add(30, "trente");
add(40, "quarante");
add(50, "cinquante");
add(60, "soixante");
// German (whole words; compounds such as vierundvierzig are read by germanNumber)
add(1, "eins");
add(2, "zwei");
add(3, "drei");
add(4, "vier");
add(5, "funf", "fuenf");
add(6, "sechs");
add(7, "sieben");
add(8, "acht");
add(9, "neun");
add(10, "zehn");
add(11, "elf");
add(12, "zwolf", "zwoelf");
add(20, "zwanzig");
add(30, "dreissig");
add(40, "vierzig");
add(50, "funfzig", "fuenfzig");
add(60, "sechzig");
add(70, "siebzig");
add(80, "achtzig");
add(90, "neunzig");

const HUNDREDS: Record<string, number> = {
  hundred: 100,
  cien: 100,
  ciento: 100,
  cem: 100,
  cento: 100,
  cent: 100,
  cents: 100,
  hundert: 100,
  doscientos: 200,
  duzentos: 200,
  trescientos: 300,
  trezentos: 300,
  cuatrocientos: 400,
  quatrocentos: 400,
  quinientos: 500,
  quinhentos: 500,
  seiscientos: 600,
  seiscentos: 600,
  setecientos: 700,
  setecentos: 700,
  ochocientos: 800,
  oitocentos: 800,
  novecientos: 900,
  novecentos: 900,
};
const THOUSANDS = new Set(["thousand", "mil", "mille", "tausend"]);
/** Words that join parts of one number: "cuarenta y cuatro", "vinte e quatro", "vingt et un", "one hundred and one". */
const JOINERS = new Set(["y", "e", "et", "and", "und"]);

const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fifth: 5,
  eighth: 8,
  ninth: 9,
  twelfth: 12,
  primero: 1,
  primera: 1,
  primer: 1,
  primeiro: 1,
  primeira: 1,
  premier: 1,
  premiere: 1,
  erste: 1,
  erster: 1,
  erstes: 1,
  segundo: 2,
  segunda: 2,
  deuxieme: 2,
  zweite: 2,
  zweiter: 2,
  tercero: 3,
  tercera: 3,
  tercer: 3,
  terceiro: 3,
  terceira: 3,
  troisieme: 3,
  dritte: 3,
  dritter: 3,
  cuarto: 4,
  cuarta: 4,
  quarto: 4,
  quarta: 4,
  quatrieme: 4,
  vierte: 4,
  quinto: 5,
  quinta: 5,
  cinquieme: 5,
  sexto: 6,
  sexta: 6,
  sixieme: 6,
  septimo: 7,
  septima: 7,
  setimo: 7,
  septieme: 7,
  siebte: 7,
  octavo: 8,
  octava: 8,
  oitavo: 8,
  huitieme: 8,
  achte: 8,
  noveno: 9,
  novena: 9,
  nono: 9,
  neuvieme: 9,
  decimo: 10,
  decima: 10,
  dixieme: 10,
};

const GERMAN_UNITS: [string, number][] = [
  ["ein", 1],
  ["zwei", 2],
  ["drei", 3],
  ["vier", 4],
  ["funf", 5],
  ["fuenf", 5],
  ["sechs", 6],
  ["sieben", 7],
  ["acht", 8],
  ["neun", 9],
];

/** A German compound such as "vierundvierzig" (44) or "einundzwanzig" (21); null when it is not one. */
function germanNumber(word: string): number | null {
  const m = /^([a-z]+)und([a-z]+)$/.exec(word);
  if (!m) return null;
  const unit = GERMAN_UNITS.find(([w]) => w === m[1]);
  const tens = UNITS[m[2]!];
  return unit && tens && tens >= 20 && tens % 10 === 0 ? unit[1] + tens : null;
}

/** The value of one number word, or null. */
function wordValue(word: string): number | null {
  if (word in UNITS) return UNITS[word]!;
  if (word in HUNDREDS) return HUNDREDS[word]!;
  if (THOUSANDS.has(word)) return 1000;
  // Spanish "veinticuatro", Portuguese/Spanish run together with joiners already split, French "dix-sept" split.
  const veinti = /^veinti([a-z]+)$/.exec(word);
  if (veinti && UNITS[veinti[1]!]! < 10) return 20 + UNITS[veinti[1]!]!;
  return germanNumber(word);
}

/** An ordinal word: "fortyfourth" is not written that way; "fourth", "twentieth", "vierundvierzigste", "quarante-quatrieme" are handled by their last part. */
function ordinalValue(word: string): number | null {
  if (word in ORDINALS) return ORDINALS[word]!;
  const digits = /^(\d+)(st|nd|rd|th|e|er|re|eme|o|a|te|ste)$/.exec(word);
  if (digits) return Number(digits[1]);
  // English -th/-ieth: fourth, sixtieth; French -ieme: quatrieme, vingtieme; German -te/-ste.
  for (const [re, fix] of [
    [/^([a-z]+)ieth$/, "y"],
    [/^([a-z]+)th$/, ""],
    [/^([a-z]+)ieme$/, ""],
    [/^([a-z]+)ste$/, ""],
    [/^([a-z]+)te$/, ""],
  ] as const) {
    const m = re.exec(word);
    if (!m) continue;
    const base = m[1]! + fix;
    const v = wordValue(base) ?? wordValue(`${base}e`) ?? (base === "cinqu" ? 5 : base === "neuv" ? 9 : null);
    if (v !== null) return v;
  }
  return null;
}

/**
 * Tokens with runs of number words replaced by the number in digits, and ordinals (words or
 * "44th") by their number. A lone joiner or a word that is not a number is left as it is.
 */
export function numeralsToDigits(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    let total = 0;
    let current = 0;
    let j = i;
    let used = 0;
    let ordinal = false;
    while (j < words.length) {
      const w = words[j]!;
      if (used && JOINERS.has(w) && j + 1 < words.length && wordValue(words[j + 1]!) !== null) {
        j++;
        continue;
      }
      let v = wordValue(w);
      if (v === null) {
        const o = ordinalValue(w);
        if (o === null) break;
        v = o;
        ordinal = true;
      }
      if (v === 1000) {
        total += (current || 1) * 1000;
        current = 0;
      } else if (v === 100) current = (current || 1) * 100;
      else if (v >= 200 && v < 1000 && v % 100 === 0) current += v;
      else if (current === 4 && v === 20)
        current = 80; // quatre-vingt
      else if (current === 60 && v >= 10 && v < 20)
        current += v; // soixante-dix
      else if (current === 80 && v >= 10 && v < 20)
        current += v; // quatre-vingt-dix
      else current += v;
      used++;
      j++;
      if (ordinal) break;
    }
    if (used) {
      out.push(String(total + current));
      i = j;
    } else {
      out.push(words[i]!);
      i++;
    }
  }
  return out;
}

/**
 * Organisation types across languages, each mapped to one label, so "Siemens Aktiengesellschaft"
 * and "Siemens AG", "OAO Rosneft" and "Open Joint Stock Company Rosneft", "有限公司" and "Co., Ltd."
 * read the same (COC-18.1). Labels are weak tokens: they count little in a score and are never
 * what a containment hit rests on.
 *
 * Generic business words (enterprises, trading, international, group, holding, industries …) are
 * NOT here: they tell companies apart ("Golden Star Trading" is not "Golden Star Enterprises") and
 * are ordinary words for every rule.
 *
 * Phrases are written folded (lower case, no diacritics, no punctuation), as `tokenize` sees them.
 */

/** Label → every spelling of it (abbreviations, the words in full, other languages' equivalents). */
const FORMS: Record<string, string[]> = {
  // English-speaking
  ltd: ["ltd", "limited", "ltee", "limitee"],
  llc: [
    "llc",
    "l l c",
    "limited liability company",
    "limited liability co",
    "ltd liability co",
    "ooo",
    "obshchestvo s ogranichennoy otvetstvennostyu",
    "obshchestvo s ogranichennoi otvetstvennostiu",
    "tov",
    "tovarystvo z obmezhenoyu vidpovidalnistyu",
  ],
  plc: ["plc", "public limited company", "public ltd co"],
  inc: ["inc", "incorporated"],
  corp: ["corp", "corporation", "korporatsiya", "korporatsiia"],
  co: [
    "co",
    "company",
    "cia",
    "compania",
    "companhia",
    "cie",
    "compagnie",
    "compagnia",
    "kompaniya",
    "sharikat",
    "sharika",
    "sherkat",
  ],
  lp: ["lp", "limited partnership"],
  llp: ["llp", "limited liability partnership"],
  pvt: ["pvt", "pte", "pty"],
  // Russian and post-Soviet
  jsc: [
    "jsc",
    "ao",
    "aktsionernoe obshchestvo",
    "joint stock company",
    "joint stock co",
    "jt stock co",
    "jsco",
  ],
  ojsc: [
    "ojsc",
    "oao",
    "otkrytoe aktsionernoe obshchestvo",
    "open joint stock company",
    "open joint stock co",
    "open jsc",
  ],
  cjsc: [
    "cjsc",
    "zao",
    "zakrytoe aktsionernoe obshchestvo",
    "closed joint stock company",
    "closed joint stock co",
    "closed jsc",
  ],
  pjsc: [
    "pjsc",
    "pao",
    "publichnoe aktsionernoe obshchestvo",
    "public joint stock company",
    "public joint stock co",
    "public jsc",
  ],
  fgup: ["fgup", "federalnoe gosudarstvennoe unitarnoe predpriyatie", "federal state unitary enterprise"],
  gup: ["gup", "gosudarstvennoe unitarnoe predpriyatie", "state unitary enterprise"],
  // German-speaking
  gmbh: ["gmbh", "gesellschaft mit beschrankter haftung", "ges m b h", "gesmbh", "mbh"],
  ag: ["ag", "aktiengesellschaft"],
  kg: ["kg", "kommanditgesellschaft"],
  kgaa: ["kgaa", "kommanditgesellschaft auf aktien"],
  ohg: ["ohg", "offene handelsgesellschaft"],
  ug: ["ug", "unternehmergesellschaft"],
  ev: ["ev", "eingetragener verein"],
  // Dutch and Belgian
  bv: ["bv", "besloten vennootschap"],
  bvba: [
    "bvba",
    "besloten vennootschap met beperkte aansprakelijkheid",
    "sprl",
    "societe privee a responsabilite limitee",
    "srl", // Belgium renamed both SRL in 2019; Italian and Romanian SRL are the same kind of company
    "societa a responsabilita limitata",
  ],
  nv: ["nv", "naamloze vennootschap"],
  // French, Spanish, Portuguese, Italian
  sa: ["sa", "societe anonyme", "sociedad anonima", "sociedade anonima", "s a", "ae", "anonim sirketi", "as"],
  sarl: [
    "sarl",
    "societe a responsabilite limitee",
    "eurl",
    "entreprise unipersonnelle a responsabilite limitee",
  ],
  sas: ["sas", "societe par actions simplifiee", "sasu"],
  sadecv: ["sa de cv", "s a de c v", "sociedad anonima de capital variable"],
  srldecv: ["s de rl de cv", "srl de cv", "sociedad de responsabilidad limitada de capital variable"],
  sderl: ["s de rl", "sociedad de responsabilidad limitada"],
  sl: ["sl", "sociedad limitada", "slu"],
  ltda: ["ltda", "limitada", "sociedade limitada", "sociedad limitada ltda"],
  spa: ["spa", "societa per azioni"],
  sapi: ["sapi de cv", "sociedad anonima promotora de inversion de capital variable"],
  // Nordic, Central and Eastern Europe
  ab: ["ab", "aktiebolag"],
  asa: ["asa", "allmennaksjeselskap"],
  oy: ["oy", "oyj", "osakeyhtio"],
  aps: ["aps", "anpartsselskab"],
  spzoo: ["sp z oo", "sp z o o", "spzoo", "spolka z ograniczona odpowiedzialnoscia"],
  sro: ["sro", "spolecnost s rucenim omezenym", "spolocnost s rucenim obmedzenym"],
  doo: ["doo", "drustvo s ogranicenom odgovornoscu"],
  kft: ["kft", "korlatolt felelossegu tarsasag"],
  zrt: ["zrt", "nyrt", "rt"],
  ood: ["ood", "eood"],
  // Middle East and Asia
  fze: ["fze", "free zone establishment", "fzco", "fzc", "fzllc", "free zone company"],
  wll: ["wll", "with limited liability"],
  est: ["est", "establishment", "muassasat", "muassasa"],
  kk: ["kk", "kabushiki kaisha", "kabushiki gaisha"],
  yk: ["yk", "yugen kaisha", "godo kaisha", "gk"],
  bhd: ["bhd", "berhad", "sdn bhd", "sendirian berhad"],
  tbk: ["pt", "tbk", "perseroan terbatas"],
  jv: ["jv", "joint venture"],
};

/** Every label: the weak tokens. */
export const LEGAL_FORM_LABELS = new Set(Object.keys(FORMS));

/** One-word spellings → label. */
export const LEGAL_FORM_WORDS = new Map<string, string>();
/** Multi-word spellings (as token arrays) → label, longest first. */
export const LEGAL_FORM_PHRASES: { words: string[]; label: string }[] = [];

for (const [label, spellings] of Object.entries(FORMS)) {
  for (const s of spellings) {
    const words = s.split(" ");
    if (words.length === 1) LEGAL_FORM_WORDS.set(s, label);
    else LEGAL_FORM_PHRASES.push({ words, label });
  }
}
LEGAL_FORM_PHRASES.sort((a, b) => b.words.length - a.words.length);

/** The labels the phrases start with, for a quick test before trying phrases at a position. */
const PHRASE_STARTS = new Set(LEGAL_FORM_PHRASES.map((p) => p.words[0]!));

/** Words with multi-word legal forms replaced by their label: "aktiengesellschaft" stays one word, "sa de cv" → "sadecv". */
export function joinLegalPhrases(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    let matched: { words: string[]; label: string } | undefined;
    if (PHRASE_STARTS.has(words[i]!))
      matched = LEGAL_FORM_PHRASES.find((p) => p.words.every((w, k) => words[i + k] === w));
    if (matched) {
      out.push(matched.label);
      i += matched.words.length;
    } else {
      out.push(words[i]!);
      i++;
    }
  }
  return out;
}

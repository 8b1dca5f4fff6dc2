import { jaroWinkler } from "./jaro-winkler.ts";
import { originalWords, skeleton, tokenize } from "./normalize.ts";

/** A name ready for scoring: tokens, which of them are weak, their phonetic skeletons. */
export type PreparedName = {
  original: string;
  tokens: string[];
  weak: boolean[];
  skeletons: string[];
  /** Strong tokens joined without spaces, for names written as one word (BASHIRUDDIN). */
  joined: string;
  /** Tokens romanised from a script that does not write short vowels (Arabic, Persian, Hebrew). */
  abjad: boolean[];
  /** Tokens romanised from Chinese characters: exact pinyin, so only romanisation variants are close, not typos. */
  han: boolean[];
  /** Consonant keys (consonantKey), compared when either side is from such a script. */
  consonants: string[];
  /** Romanisation keys (romanisationKey): Wade-Giles ↔ pinyin, McCune-Reischauer ↔ Revised Romanisation. */
  keys: string[];
  /** A merged token's similarity cap and how it was merged (joined, initials), by token index. */
  merged?: Map<number, { cap: number; how: TokenHow }>;
  /** The words as written in a non-Latin script, for same-script comparison; absent when there are none. */
  script?: PreparedName;
  /** Long enough to have been cut off by a fixed-length field, so its last token may be truncated. */
  mayBeTruncated: boolean;
};

/** A name of at least this many characters may have been cut by a fixed-length field (its last word a prefix). */
const TRUNCATION_LENGTH = 20;

export function prepareName(name: string, type?: string | null): PreparedName {
  const tokens = tokenize(name, { type });
  const originals = originalWords(name);
  return {
    ...prepareTokens(
      name,
      tokens.map((t) => t.text),
      tokens.map((t) => t.weak),
      tokens.map((t) => t.script === "abjad"),
      tokens.map((t) => t.script === "han"),
    ),
    ...(originals.length && {
      script: prepareTokens(
        name,
        originals,
        originals.map(() => false),
        originals.map(() => false),
        originals.map(() => false),
      ),
    }),
  };
}

function prepareTokens(
  name: string,
  tokens: string[],
  weak: boolean[],
  abjad: boolean[],
  han: boolean[],
): PreparedName {
  const strong = tokens.filter((_, i) => !weak[i]);
  return {
    original: name,
    tokens,
    weak,
    skeletons: tokens.map((t) => skeleton(t)),
    joined: (strong.length ? strong : tokens).join(""),
    abjad,
    han,
    consonants: tokens.map((t) => consonantKey(t)),
    keys: tokens.map((t) => romanisationKey(t)),
    mayBeTruncated: name.length >= TRUNCATION_LENGTH,
  };
}

/**
 * Consonants only, similar sounds grouped: how a name romanised from Arabic, Persian or Hebrew
 * (where short vowels are not written: محمد → mhmd) compares with its Latin spelling (MUHAMMAD), and
 * a name from an Indic script, whose inherent vowel is not written (नरेंद्र → nrendr, NARENDRA).
 * Vowels, the vowel letters w and y, h (ha, ha', ta marbuta) and the ayn/hamza marks drop out.
 */
export function consonantKey(token: string): string {
  const t = token
    .replace(/kh|gh/g, "k")
    .replace(/zh/g, "j") // Persian ژ, written J in Latin (AHMADINEJAD)
    .replace(/sh|ch|x/g, "s")
    .replace(/th|dh/g, "t")
    .replace(/ph/g, "f")
    .replace(/[qcgk]/g, "k")
    .replace(/[bpf]/g, "b")
    .replace(/[dt]/g, "t")
    .replace(/[sz]/g, "s")
    // v too: Persian and Hebrew write V with the letter that is also the vowels O and U (جواد → jwad, JAVAD).
    .replace(/[aeiouywhv]/g, "");
  return t.replace(/(.)\1+/g, "$1");
}

/**
 * Romanisation key: spellings of one Chinese or Korean syllable in different systems agree on it.
 * Wade-Giles ↔ pinyin (HSIA ↔ XIA, TSE-TUNG ↔ ZEDONG, CH'EN ↔ CHEN/ZHEN), McCune-Reischauer ↔
 * Revised Romanisation (KIM JONG UN ↔ GIM JEONGEUN): aspiration and voicing collapse.
 */
export function romanisationKey(token: string): string {
  const cached = keyCache.get(token);
  if (cached !== undefined) return cached;
  const key = token
    .replace(/hs/g, "x")
    .replace(/tz|ts/g, "z")
    .replace(/eo/g, "o")
    .replace(/eu/g, "u")
    .replace(/ung/g, "ong")
    .replace(/ou/g, "u") // BOUT ↔ BUT, KHOURY ↔ KHURY
    .replace(/ih$/g, "i")
    .replace(/ien/g, "ian")
    .replace(/zh|ch|q|j/g, "j")
    .replace(/[ptkcl]/g, (ch) => KEY_LETTERS[ch]!)
    .replace(/(.)\1+/g, "$1");
  if (keyCache.size < 200_000) keyCache.set(token, key);
  return key;
}

// Aspiration and voicing collapse (P/B, T/D, K/G, C/Z); Korean ㄹ: RI ↔ LI, RYONG ↔ LYONG.
const KEY_LETTERS: Record<string, string> = { p: "b", t: "d", k: "g", c: "z", l: "r" };
const keyCache = new Map<string, string>();

/**
 * Edits allowed between two spellings of one word, growing with its length: none up to three
 * letters, one up to seven, two up to eleven, three beyond. SANCHO ↔ SANCHEZ (two edits, six
 * letters) is a different surname, not a typo.
 */
export const editBudget = (length: number) => (length <= 3 ? 0 : length <= 7 ? 1 : length <= 11 ? 2 : 3);

// Rows of the edit-distance table, reused (words longer than 255 letters are cut).
let rowA = new Int32Array(256);
let rowB = new Int32Array(256);
let rowC = new Int32Array(256);

/** Optimal-string-alignment distance (a swap of neighbours is one edit), or limit + 1 once above limit. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const la = Math.min(a.length, 255);
  const lb = Math.min(b.length, 255);
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb)
        v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  rowA = prev2;
  rowB = prev;
  rowC = cur;
  return prev[lb]!;
}

/**
 * Female and male forms of one Slavic or Baltic surname: IVANOVA ↔ IVANOV, NOVAKOVA ↔ NOVAK,
 * KOWALSKA ↔ KOWALSKI, TOLSTAYA ↔ TOLSTOY. Only the ending differs; the stems must be equal.
 */
export function genderedForms(a: string, b: string): boolean {
  const d = a.length - b.length;
  // Cheap tests first: this runs for every pair of words that are not equal.
  if (d > 4 || d < -4 || a.charCodeAt(0) !== b.charCodeAt(0) || a.charCodeAt(2) !== b.charCodeAt(2))
    return false;
  const [f, m] = d >= 0 ? [a, b] : [b, a];
  if (m.length < 4) return false;
  if (f === `${m}a` && /(ov|ev|yov|in|yn)$/.test(m)) return true;
  if (f === `${m}ova` || f === `${m}ova`) return true; // Czech, Slovak: NOVAK → NOVAKOVA
  const stem = (w: string) =>
    w.replace(/(skaya|skiy|skii|sky|ski|ska|tskaya|tskiy|tsky|aya|oy|yy|iy|ii)$/, "");
  return (
    stem(f) === stem(m) &&
    stem(f).length >= 3 &&
    stem(f) !== f &&
    stem(m) !== m &&
    /a$|aya$/.test(f) !== /a$|aya$/.test(m)
  );
}

export type TokenHow =
  | "exact"
  | "phonetic"
  | "fuzzy"
  | "initial"
  | "joined"
  | "initials"
  | "consonants"
  | "romanisation"
  | "gendered"
  | "truncated"
  | "script"
  | "unmatched";
export type TokenMatch = { query: string; list: string | null; how: TokenHow; similarity: number };
export type NameScore = {
  score: number;
  tokens: TokenMatch[];
  extraListTokens: string[];
  /** The whole list name was found inside a longer party name. */
  contained?: boolean;
  /** The names were compared in the script they are both written in (not romanised). */
  sameScript?: boolean;
};

const WEAK_WEIGHT = 0.2;
const MIN_TOKEN_SIMILARITY = 0.8;
/** How closely each strong list token must match for the list name to count as inside the party's. */
const CONTAINED_TOKEN_SIMILARITY = 0.9;

const HOWS: readonly TokenHow[] = [
  "exact",
  "phonetic",
  "fuzzy",
  "initial",
  "joined",
  "unmatched",
  "initials",
  "consonants",
  "romanisation",
  "gendered",
  "truncated",
];
const EXACT = 0;
const PHONETIC = 1;
const FUZZY = 2;
const INITIAL = 3;
const UNMATCHED = 5;
const CONSONANTS = 7;
const ROMANISATION = 8;
const GENDERED = 9;
const TRUNCATED = 10;
/** How the last tokenSimilarity call matched (an index into HOWS): no object per token pair. */
let lastHow = FUZZY;

const VOWEL = /[aeiouy]/;
/** Both words end alike: both in a vowel, or in consonants of one sound group (QADHAFI/GADDAFI, KADYROV/KADIROF). */
function sameEnding(a: string, b: string): boolean {
  const x = a[a.length - 1]!;
  const y = b[b.length - 1]!;
  if (VOWEL.test(x) || VOWEL.test(y)) return VOWEL.test(x) && VOWEL.test(y);
  return skeleton(x) === skeleton(y) || consonantKey(x) === consonantKey(y);
}

function tokenSimilarity(q: PreparedName, i: number, c: PreparedName, j: number): number {
  const qt = q.tokens[i]!;
  const ct = c.tokens[j]!;
  if (qt === ct) {
    const m = q.merged?.get(i) ?? c.merged?.get(j);
    lastHow = m ? HOWS.indexOf(m.how) : EXACT;
    return m ? m.cap : 1;
  }
  if (qt.length === 1 || ct.length === 1) {
    lastHow = qt[0] === ct[0] ? INITIAL : UNMATCHED;
    return qt[0] === ct[0] ? 0.85 : 0;
  }
  // Romanised from Arabic, Persian or Hebrew: the short vowels were never written, compare consonants.
  if (q.abjad[i] || c.abjad[j]) {
    const qc = q.consonants[i]!;
    if (qc && qc === c.consonants[j]) {
      lastHow = CONSONANTS;
      return qc.length >= 2 ? 0.92 : 0.9;
    }
  }
  const minLength = Math.min(qt.length, ct.length);
  if (minLength >= 2 && q.keys[i] === c.keys[j]) {
    lastHow = ROMANISATION;
    return minLength >= 5 ? 0.92 : minLength >= 3 ? 0.9 : 0.88;
  }
  if (genderedForms(qt, ct)) {
    lastHow = GENDERED;
    return 0.93;
  }
  // A name cut off by a fixed-length field: its last word is the start of the list's word.
  if (i === q.tokens.length - 1 && q.mayBeTruncated && ct.length > qt.length && ct.startsWith(qt)) {
    lastHow = TRUNCATED;
    return 0.9;
  }
  let sim = jaroWinkler(qt, ct);
  // Short tokens agree by chance too often (ALI/ARI): they must be nearly exact.
  if (minLength <= 3) sim *= 0.85;
  if (sim < 0.75) {
    lastHow = FUZZY;
    return sim;
  }
  // The edit budget grows with the word's length (SANCHO/SANCHEZ: two edits in six letters is another name).
  // Pinyin from characters is exact: another spelling is a romanisation variant (above) or another name.
  const budget = q.han[i] || c.han[j] ? 0 : editBudget(minLength);
  const edits = editDistance(qt, ct, budget + 1);
  // Transliteration variants (ZAVYALOV/ZAVJALOV, KHOURY/KHOURI, QADHAFI/GADDAFI) share a skeleton
  // and stay close: one edit more than the budget, as long as both words end alike.
  const qs = q.skeletons[i]!;
  if (
    qs === c.skeletons[j] &&
    qs.length >= 2 &&
    minLength >= 4 &&
    sim < 0.92 &&
    edits <= budget + 1 &&
    (edits <= budget || sameEnding(qt, ct))
  ) {
    lastHow = PHONETIC;
    return 0.92;
  }
  lastHow = FUZZY;
  return edits > budget ? Math.min(sim, MIN_TOKEN_SIMILARITY - 0.01) : sim;
}

/** Initials of the tokens from..from+n: "jean claude" → "jc"; null when one is weak or a single letter. */
function initialsOf(p: PreparedName, from: number, n: number): string | null {
  let out = "";
  for (let k = from; k < from + n; k++) {
    const t = p.tokens[k]!;
    if (p.weak[k] || t.length < 2) return null;
    out += t[0];
  }
  return out;
}

/**
 * One token of one name aligned with two or three of the other's: words run together
 * (VANDERBILT ↔ van der bilt, XI JINPING ↔ xi jin ping, NASRALLAH ↔ nsr al lh), dotted or spaced
 * letters (A.B.C. ↔ ABC, any number of them) and initials (JC ↔ Jean-Claude). The runs of `a` that
 * equal a token of `b` (by spelling, romanisation key or consonants) are merged into that token,
 * each token of `b` taking at most one run; null when there is none.
 */
function mergeRuns(a: PreparedName, b: PreparedName): PreparedName | null {
  if (a.tokens.length < 2 || !mayMerge(a, b)) return null;
  const used = new Set<number>();
  const spelled = (text: string) => {
    for (let j = 0; j < b.tokens.length; j++) if (!used.has(j) && b.tokens[j] === text) return j;
    return -1;
  };
  const merged = new Map<number, { cap: number; how: TokenHow }>();
  const next = {
    tokens: [] as string[],
    weak: [] as boolean[],
    abjad: [] as boolean[],
    han: [] as boolean[],
  };
  const push = (token: string, weak: boolean, abjad: boolean, han: boolean) => {
    next.tokens.push(token);
    next.weak.push(weak);
    next.abjad.push(abjad);
    next.han.push(han);
  };
  for (let i = 0; i < a.tokens.length; ) {
    // Letters written one by one (A B C, I.R.I.S.L.): the whole run as one word.
    let letters = i;
    while (letters < a.tokens.length && a.tokens[letters]!.length === 1) letters++;
    if (letters - i >= 2) {
      const j = spelled(a.tokens.slice(i, letters).join(""));
      if (j >= 0) {
        used.add(j);
        merged.set(next.tokens.length, { cap: 1, how: "joined" });
        push(b.tokens[j]!, false, false, false);
        i = letters;
        continue;
      }
    }
    let done = false;
    for (let n = Math.min(3, a.tokens.length - i); n >= 2 && !done; n--) {
      let cat = "";
      for (let k = i; k < i + n; k++) cat += a.tokens[k];
      let to = spelled(cat);
      let cap = 1;
      let how: TokenHow = "joined";
      const abjad = a.abjad.slice(i, i + n).some(Boolean);
      if (to < 0 && cat.length >= 4) {
        const key = romanisationKey(cat);
        const cons = abjad ? consonantKey(cat) : "";
        for (let j = 0; j < b.tokens.length && to < 0; j++) {
          if (used.has(j) || b.tokens[j]!.length < 4) continue;
          if (b.keys[j] === key || (abjad && cons.length >= 2 && b.consonants[j] === cons)) {
            to = j;
            cap = 0.92;
          }
        }
      }
      if (to < 0) {
        const initials = initialsOf(a, i, n);
        if (initials && !a.tokens.includes(initials)) {
          to = spelled(initials);
          cap = 0.9;
          how = "initials";
        }
      }
      if (to >= 0) {
        used.add(to);
        merged.set(next.tokens.length, { cap, how });
        push(b.tokens[to]!, a.weak.slice(i, i + n).every(Boolean), false, false);
        i += n;
        done = true;
      }
    }
    if (!done) {
      push(a.tokens[i]!, a.weak[i]!, a.abjad[i]!, a.han[i]!);
      i++;
    }
  }
  if (!merged.size) return null;
  return {
    ...prepareTokens(a.original, next.tokens, next.weak, next.abjad, next.han),
    merged,
    mayBeTruncated: a.mayBeTruncated,
  };
}

type Runs = { spellings: string[]; keys: string[]; consonants: string[] };
const runsOf = new WeakMap<PreparedName, Runs>();
const setsOf = new WeakMap<
  PreparedName,
  { tokens: Set<string>; keys: Set<string>; consonants: Set<string> }
>();

/** Whether mergeRuns could merge anything: set lookups of each run's spellings and keys, cached per name. */
function mayMerge(a: PreparedName, b: PreparedName): boolean {
  let runs = runsOf.get(a);
  if (!runs) {
    runs = { spellings: [], keys: [], consonants: [] };
    const n = a.tokens.length;
    let letters = "";
    for (let i = 0; i <= n; i++) {
      const t = a.tokens[i];
      if (t !== undefined && t.length === 1) letters += t;
      else {
        if (letters.length >= 2) runs.spellings.push(letters);
        letters = "";
      }
      if (i >= n - 1) continue;
      for (let k = 2; k <= 3 && i + k <= n; k++) {
        const cat = a.tokens.slice(i, i + k).join("");
        runs.spellings.push(cat);
        const initials = initialsOf(a, i, k);
        if (initials) runs.spellings.push(initials);
        if (cat.length >= 4) {
          runs.keys.push(romanisationKey(cat));
          if (a.abjad.slice(i, i + k).some(Boolean)) runs.consonants.push(consonantKey(cat));
        }
      }
    }
    runsOf.set(a, runs);
  }
  let sets = setsOf.get(b);
  if (!sets) {
    sets = { tokens: new Set(b.tokens), keys: new Set(b.keys), consonants: new Set(b.consonants) };
    setsOf.set(b, sets);
  }
  for (const s of runs.spellings) if (sets.tokens.has(s)) return true;
  for (const k of runs.keys) if (sets.keys.has(k)) return true;
  for (const c of runs.consonants) if (sets.consonants.has(c)) return true;
  return false;
}

// Scratch space for the token pairs of one comparison, grown when a name is unusually long.
let pairSim = new Float64Array(256);
let pairAt = new Int32Array(256);
let pairHow = new Uint8Array(256);

const weightOf = (weak: boolean, token: string) => (weak ? WEAK_WEIGHT : token.length === 1 ? 0.5 : 1);

/**
 * Scores a query name against a list name in [0, 1]. Tokens are aligned greedily by similarity
 * (so order does not matter); the score is the query side's weighted similarity scaled by how much
 * of the list name was covered, so missing middle names cost little and a lone surname does not hit.
 * Names both written in one non-Latin script are also compared as written; the better score counts.
 */
export function scoreNames(query: PreparedName, list: PreparedName): NameScore {
  let romanised = scoreTokens(query, list);
  // Words run together on either side: scored merged too, and the better of the two counts (a
  // merge can take a word that would have matched better on its own: ALI LARIJANI).
  const q = mergeRuns(query, list);
  const c = mergeRuns(list, query);
  if (q || c) {
    const merged = scoreTokens(q ?? query, c ?? list);
    if (merged.score > romanised.score) romanised = merged;
  }
  if (!query.script || !list.script) return romanised;
  const written = scoreTokens(query.script, list.script);
  if (written.score < romanised.score) return romanised;
  return {
    ...written,
    tokens: written.tokens.map((t) => (t.how === "exact" ? { ...t, how: "script" } : t)),
    sameScript: true,
  };
}

function scoreTokens(query: PreparedName, list: PreparedName): NameScore {
  const nq = query.tokens.length;
  const nc = list.tokens.length;
  if (!nq || !nc) return { score: 0, tokens: [], extraListTokens: [] };
  if (nq * nc > pairSim.length) {
    pairSim = new Float64Array(nq * nc * 2);
    pairAt = new Int32Array(nq * nc * 2);
    pairHow = new Uint8Array(nq * nc * 2);
  }
  let n = 0;
  for (let i = 0; i < nq; i++) {
    for (let j = 0; j < nc; j++) {
      const sim = tokenSimilarity(query, i, list, j);
      if (sim < 0.6) continue;
      // Insertion by similarity, best first; equal similarities keep the order they were found in.
      let k = n++;
      while (k > 0 && pairSim[k - 1]! < sim) {
        pairSim[k] = pairSim[k - 1]!;
        pairAt[k] = pairAt[k - 1]!;
        pairHow[k] = pairHow[k - 1]!;
        k--;
      }
      pairSim[k] = sim;
      pairAt[k] = i * nc + j;
      pairHow[k] = lastHow;
    }
  }
  const qMatch: ({ j: number; sim: number; how: TokenHow } | undefined)[] = new Array(nq);
  const cUsed: number[] = new Array(nc).fill(0);
  for (let k = 0; k < n; k++) {
    const i = Math.floor(pairAt[k]! / nc);
    const j = pairAt[k]! - i * nc;
    if (qMatch[i] || cUsed[j]) continue;
    qMatch[i] = { j, sim: pairSim[k]!, how: HOWS[pairHow[k]!]! };
    cUsed[j] = pairSim[k]!;
  }
  let qw = 0;
  let qs = 0;
  const tokens: TokenMatch[] = [];
  for (let i = 0; i < nq; i++) {
    const w = weightOf(query.weak[i]!, query.tokens[i]!);
    const m = qMatch[i];
    const sim = m && m.sim >= MIN_TOKEN_SIMILARITY ? m.sim : m ? m.sim * 0.5 : 0;
    // An unmatched legal form or function word is noise, not a difference: it costs almost nothing.
    qw += query.weak[i] && sim < MIN_TOKEN_SIMILARITY ? w / 4 : w;
    qs += w * sim;
    tokens.push(
      m && m.sim >= MIN_TOKEN_SIMILARITY
        ? { query: query.tokens[i]!, list: list.tokens[m.j]!, how: m.how, similarity: round(m.sim) }
        : { query: query.tokens[i]!, list: null, how: "unmatched", similarity: round(sim) },
    );
  }
  let cw = 0;
  let cs = 0;
  const extraListTokens: string[] = [];
  for (let j = 0; j < nc; j++) {
    const w = weightOf(list.weak[j]!, list.tokens[j]!);
    const sim = cUsed[j]! >= MIN_TOKEN_SIMILARITY ? cUsed[j]! : 0;
    cw += list.weak[j] && !sim ? w / 4 : w;
    cs += w * sim;
    if (!sim) extraListTokens.push(list.tokens[j]!);
  }
  const qScore = qs / qw;
  const cScore = cs / cw;
  let score = qScore * (0.6 + 0.4 * cScore);
  // The list name whole inside a longer name (MAHAN AIR in "Mahan Air Cargo Services", "PUTIN,
  // Vladimir" in "Vladimir Vladimirovich Putin"): every strong list token matched closely. Scored
  // by how closely, less a little for each extra strong word the party name carries.
  let contained = false;
  const strongList: number[] = [];
  for (let j = 0; j < nc; j++) if (!list.weak[j]) strongList.push(j);
  if (strongList.length >= 2 && strongList.every((j) => cUsed[j]! >= CONTAINED_TOKEN_SIMILARITY)) {
    let extra = 0;
    for (let i = 0; i < nq; i++) {
      const m = qMatch[i];
      if (!query.weak[i] && !(m && m.sim >= MIN_TOKEN_SIMILARITY)) extra++;
    }
    const mean = strongList.reduce((t, j) => t + cUsed[j]!, 0) / strongList.length;
    const inside = mean * 0.97 - 0.02 * extra;
    if (inside > score) {
      score = inside;
      contained = true;
    }
  }
  // One side written as a single word (BASHIRUDDIN / BASHIR-UD-DIN): compare the joined forms.
  const strongQ = query.weak.filter((w) => !w).length;
  const strongC = list.weak.filter((w) => !w).length;
  const ratio =
    Math.min(query.joined.length, list.joined.length) / Math.max(query.joined.length, list.joined.length);
  if (strongQ !== strongC && Math.min(strongQ, strongC) <= 1 && ratio >= 0.85 && query.joined.length >= 6) {
    const joined = jaroWinkler(query.joined, list.joined) * 0.97;
    if (joined >= 0.9 && joined > score) {
      return {
        score: round(joined),
        tokens: [{ query: query.joined, list: list.joined, how: "joined", similarity: round(joined) }],
        extraListTokens: [],
      };
    }
  }
  return { score: round(score), tokens, extraListTokens, ...(contained && { contained }) };
}

export const round = (n: number) => Math.round(n * 1000) / 1000;

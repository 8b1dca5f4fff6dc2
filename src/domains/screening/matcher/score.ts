import { jaroWinkler } from "./jaro-winkler.ts";
import { skeleton, tokenize } from "./normalize.ts";

/** A name ready for scoring: tokens, which of them are weak, their phonetic skeletons. */
export type PreparedName = {
  original: string;
  tokens: string[];
  weak: boolean[];
  skeletons: string[];
  /** Strong tokens joined without spaces, for names written as one word (BASHIRUDDIN). */
  joined: string;
};

export function prepareName(name: string, type?: string | null): PreparedName {
  const tokens = tokenize(name, { type });
  const strong = tokens.filter((t) => !t.weak);
  return {
    original: name,
    tokens: tokens.map((t) => t.text),
    weak: tokens.map((t) => t.weak),
    skeletons: tokens.map((t) => skeleton(t.text)),
    joined: (strong.length ? strong : tokens).map((t) => t.text).join(""),
  };
}

export type TokenHow = "exact" | "phonetic" | "fuzzy" | "initial" | "joined" | "unmatched";
export type TokenMatch = { query: string; list: string | null; how: TokenHow; similarity: number };
export type NameScore = {
  score: number;
  tokens: TokenMatch[];
  extraListTokens: string[];
  /** The whole list name was found inside a longer party name. */
  contained?: boolean;
};

const WEAK_WEIGHT = 0.2;
const MIN_TOKEN_SIMILARITY = 0.8;
/** How closely each strong list token must match for the list name to count as inside the party's. */
const CONTAINED_TOKEN_SIMILARITY = 0.9;

const HOWS: readonly TokenHow[] = ["exact", "phonetic", "fuzzy", "initial", "joined", "unmatched"];
const EXACT = 0;
const PHONETIC = 1;
const FUZZY = 2;
const INITIAL = 3;
const UNMATCHED = 5;
/** How the last tokenSimilarity call matched (an index into HOWS): no object per token pair. */
let lastHow = FUZZY;

function tokenSimilarity(q: string, qs: string, c: string, cs: string): number {
  if (q === c) {
    lastHow = EXACT;
    return 1;
  }
  if (q.length === 1 || c.length === 1) {
    lastHow = q[0] === c[0] ? INITIAL : UNMATCHED;
    return q[0] === c[0] ? 0.85 : 0;
  }
  let sim = jaroWinkler(q, c);
  // Short tokens agree by chance too often (ALI/ARI): they must be nearly exact.
  if (Math.min(q.length, c.length) <= 3) sim *= 0.85;
  // Transliteration variants (ZAVYALOV/ZAVJALOV, KHOURY/KHOURI) share a skeleton and stay close.
  if (qs === cs && qs.length >= 2 && Math.min(q.length, c.length) >= 4 && sim >= 0.75 && sim < 0.92) {
    lastHow = PHONETIC;
    return 0.92;
  }
  lastHow = FUZZY;
  return sim;
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
 */
export function scoreNames(query: PreparedName, list: PreparedName): NameScore {
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
      const sim = tokenSimilarity(query.tokens[i]!, query.skeletons[i]!, list.tokens[j]!, list.skeletons[j]!);
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

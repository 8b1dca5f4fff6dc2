import type { EntryType, ListEntry } from "../lists/parse-ofac.ts";
import { type OfacScore, ofacParts, ofacScoreOfParts } from "./ofac-score.ts";
import { type PreparedName, prepareName, round, scoreNames, type TokenMatch } from "./score.ts";

export type PartyType = EntryType | "person";
export type ScreenQuery = {
  name: string;
  aliases?: readonly string[];
  type?: PartyType | null;
  country?: string | null;
  /** YYYY-MM-DD or YYYY. */
  dateOfBirth?: string | null;
  identifiers?: readonly { type?: string | null; number: string }[];
};
export type Adjustment = { reason: string; delta: number };
export type Explanation = {
  queryName: string;
  tokens: TokenMatch[];
  extraListTokens: string[];
  adjustments: Adjustment[];
  summary: string;
  /**
   * How OFAC's own Sanctions List Search would roughly score this entry (see ofac-score.ts): the best
   * of the entry's names against the query's names, and which technique gave it. For comparison
   * only: it does not decide the hit. Absent on hits stored before it existed.
   */
  ofac?: OfacScore & { queryName: string; listName: string };
};
export type Hit = {
  entityId: string;
  name: string;
  type: EntryType;
  programs: string[];
  matchedName: string;
  matchedKind: "primary" | "aka" | "fka" | "nka";
  score: number;
  /** OFAC-comparable score in [0, 1] (explanation.ofac.score); absent on hits stored before it existed. */
  ofacScore?: number;
  explanation: Explanation;
};
export type ScreenOptions = { threshold?: number; limit?: number };

export const DEFAULT_THRESHOLD = 0.85;
const CANDIDATES = 30;

type IndexedName = { entry: number; kind: Hit["matchedKind"]; prepared: PreparedName };

export type NameIndex = {
  readonly entries: readonly ListEntry[];
  readonly nameCount: number;
  screen(query: ScreenQuery, options?: ScreenOptions): Hit[];
};

const normId = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, "");
const yearsOf = (dobs: readonly string[]) =>
  dobs.flatMap((d) => [...d.matchAll(/\b(1[89]|20)\d{2}\b/g)].map((m) => Number(m[0])));

function keysOf(p: PreparedName, all: boolean): string[] {
  const keys: string[] = [];
  const strong = p.weak.some((w) => !w);
  p.tokens.forEach((t, i) => {
    if (strong && p.weak[i]) return;
    keys.push(`t:${t}`);
    if (t.length >= 3) keys.push(`s:${p.skeletons[i]}`);
    if (all && t.length >= 6) {
      keys.push(`p:${t.slice(0, 4)}`);
      keys.push(`x:${t.slice(-4)}`);
    }
  });
  if (p.joined.length >= 6) keys.push(`j:${p.joined}`);
  return keys;
}

/**
 * Builds the in-memory index over a list version: every primary name and alias, an inverted index
 * from token, phonetic-skeleton, prefix/suffix and joined-name keys to names, and an identifier map.
 * A query scores only the best candidates by summed key rarity (IDF), not every list name.
 */
export function buildIndex(entries: readonly ListEntry[]): NameIndex {
  const names: IndexedName[] = [];
  entries.forEach((e, entry) => {
    names.push({ entry, kind: "primary", prepared: prepareName(e.name, e.type) });
    for (const a of e.aliases) names.push({ entry, kind: a.type, prepared: prepareName(a.name, e.type) });
  });
  const build = new Map<string, number[]>();
  names.forEach((n, i) => {
    for (const k of new Set(keysOf(n.prepared, true))) {
      const list = build.get(k);
      if (list) list.push(i);
      else build.set(k, [i]);
    }
  });
  const postings = new Map<string, Int32Array>();
  const idf = new Map<string, number>();
  for (const [k, list] of build) {
    postings.set(k, Int32Array.from(list));
    const base = Math.log(1 + names.length / list.length);
    idf.set(k, k.startsWith("p:") || k.startsWith("x:") ? base * 0.5 : base);
  }
  const byId = new Map<string, number[]>();
  entries.forEach((e, i) => {
    for (const id of e.facts.ids) {
      const n = normId(id.number);
      if (n.length < 5) continue;
      byId.set(n, [...(byId.get(n) ?? []), i]);
    }
  });
  const acc = new Float64Array(names.length);
  const entryYears = entries.map((e) => yearsOf(e.facts.dob));

  function candidates(q: PreparedName): number[] {
    const touched: number[] = [];
    for (const k of new Set(keysOf(q, true))) {
      const list = postings.get(k);
      if (!list) continue;
      const w = idf.get(k)!;
      for (let i = 0; i < list.length; i++) {
        const n = list[i]!;
        if (acc[n] === 0) touched.push(n);
        acc[n] = acc[n]! + w;
      }
    }
    let top = touched;
    if (touched.length > CANDIDATES) {
      // The CANDIDATES-th best weight, found with a numeric typed-array sort (no comparator), then
      // the names above it, and those equal to it in the order they were found, up to CANDIDATES.
      const weights = new Float64Array(touched.length);
      for (let i = 0; i < touched.length; i++) weights[i] = acc[touched[i]!]!;
      weights.sort();
      const cutoff = weights[touched.length - CANDIDATES]!;
      top = [];
      let ties = CANDIDATES;
      for (const n of touched) if (acc[n]! > cutoff) ties--;
      for (const n of touched) {
        const w = acc[n]!;
        if (w > cutoff || (w === cutoff && ties-- > 0)) top.push(n);
      }
    }
    // Best first; a stable sort keeps equal weights in the order they were found.
    top.sort((a, b) => acc[b]! - acc[a]!);
    for (const n of touched) acc[n] = 0;
    return top;
  }

  function screen(query: ScreenQuery, options: ScreenOptions = {}): Hit[] {
    const threshold = options.threshold ?? DEFAULT_THRESHOLD;
    const limit = options.limit ?? 10;
    const type = query.type === "person" ? "individual" : (query.type ?? null);
    const best = new Map<number, Hit>();
    const consider = (entry: number, hit: Hit) => {
      const current = best.get(entry);
      if (!current || hit.score > current.score) best.set(entry, hit);
    };
    for (const queryName of [query.name, ...(query.aliases ?? [])]) {
      const q = prepareName(queryName, type);
      if (!q.tokens.length) continue;
      for (const n of candidates(q)) {
        const named = names[n]!;
        const e = entries[named.entry]!;
        // A person never matches a company, ship or aircraft (and vice versa); those three may share names.
        if (type && (type === "individual") !== (e.type === "individual")) continue;
        const s = scoreNames(q, named.prepared);
        const adjustments: Adjustment[] = [];
        if (type && e.type !== type)
          adjustments.push({
            reason: `list entry is ${e.type === "individual" ? "an individual" : `an ${e.type}`}, the party ${type === "individual" ? "a person" : `an ${type}`}`,
            delta: -0.05,
          });
        if (query.country && e.facts.countries.length) {
          if (e.facts.countries.includes(query.country))
            adjustments.push({ reason: `country ${query.country} is on the entry`, delta: 0.02 });
          else
            adjustments.push({
              reason: `country ${query.country} is not on the entry (${e.facts.countries.join(", ")})`,
              delta: -0.02,
            });
        }
        const qYear = query.dateOfBirth ? Number(query.dateOfBirth.slice(0, 4)) : null;
        const years = entryYears[named.entry]!;
        if (qYear && years.length) {
          if (years.some((y) => Math.abs(y - qYear) <= 1))
            adjustments.push({ reason: `date of birth ${qYear} matches`, delta: 0.03 });
          else
            adjustments.push({
              reason: `date of birth ${qYear} differs from ${e.facts.dob.join(" / ")}`,
              delta: -0.15,
            });
        }
        const score = round(Math.max(0, Math.min(1, s.score + adjustments.reduce((t, a) => t + a.delta, 0))));
        if (score < threshold) continue;
        consider(named.entry, {
          entityId: e.entityId,
          name: e.name,
          type: e.type,
          programs: e.programs,
          matchedName: named.prepared.original,
          matchedKind: named.kind,
          score,
          explanation: {
            queryName,
            tokens: s.tokens,
            extraListTokens: s.extraListTokens,
            adjustments,
            summary: summarise(s.tokens, adjustments, s.contained),
          },
        });
      }
    }
    for (const id of query.identifiers ?? []) {
      for (const entry of byId.get(normId(id.number)) ?? []) {
        const e = entries[entry]!;
        const fact = e.facts.ids.find((f) => normId(f.number) === normId(id.number))!;
        consider(entry, {
          entityId: e.entityId,
          name: e.name,
          type: e.type,
          programs: e.programs,
          matchedName: e.name,
          matchedKind: "primary",
          score: 1,
          explanation: {
            queryName: query.name,
            tokens: [],
            extraListTokens: [],
            adjustments: [
              { reason: `identifier ${fact.type} ${fact.number} matches exactly (decisive)`, delta: 1 },
            ],
            summary: `Exact identifier match: ${fact.type} ${fact.number}${fact.country ? ` (${fact.country})` : ""}.`,
          },
        });
      }
    }
    // The OFAC-comparable score, for the hits returned (and those tied with the last of them).
    const byScore = [...best.values()].sort((a, b) => b.score - a.score);
    const cutoff = byScore[Math.min(limit, byScore.length) - 1]?.score ?? 0;
    const queryNames = [query.name, ...(query.aliases ?? [])].map((name) => ({
      name,
      parts: ofacParts(name),
    }));
    for (const [entry, hit] of best) {
      if (hit.score < cutoff) {
        best.delete(entry);
        continue;
      }
      const ofac = bestOfac(queryNames, entries[entry]!);
      hit.ofacScore = ofac.score;
      hit.explanation.ofac = ofac;
      hit.explanation.summary += `; OFAC-comparable score ${ofac.score.toFixed(2)} (${ofac.technique} against "${ofac.listName}")`;
    }
    return [...best.values()]
      .sort(
        (a, b) => b.score - a.score || b.ofacScore! - a.ofacScore! || a.entityId.localeCompare(b.entityId),
      )
      .slice(0, limit);
  }

  return { entries, nameCount: names.length, screen };
}

/** The OFAC-comparable score of an entry: its best name against the best query name, as OFAC's tool ranks aliases. */
function bestOfac(
  queryNames: readonly { name: string; parts: string[] }[],
  e: ListEntry,
): OfacScore & { queryName: string; listName: string } {
  let best: (OfacScore & { queryName: string; listName: string }) | undefined;
  for (const listName of [e.name, ...e.aliases.map((a) => a.name)]) {
    const listParts = ofacParts(listName);
    for (const q of queryNames) {
      const s = ofacScoreOfParts(q.parts, listParts);
      if (!best || s.score > best.score) best = { ...s, queryName: q.name, listName };
    }
  }
  return best!;
}

function summarise(tokens: TokenMatch[], adjustments: Adjustment[], contained = false): string {
  const parts = tokens.map((t) =>
    t.how === "unmatched"
      ? `"${t.query}" not on the entry`
      : t.how === "exact"
        ? `"${t.query}" exact`
        : `"${t.query}" ≈ "${t.list}" (${t.how} ${t.similarity.toFixed(2)})`,
  );
  return [
    ...(contained ? ["the whole list name is inside the party's name"] : []),
    ...parts,
    ...adjustments.map((a) => a.reason),
  ].join("; ");
}

import type { Ctx } from "../../kernel/context.ts";
import { foldName, jaroWinkler, NAME_STOP_WORDS } from "../screening/index.ts";
import { speakupDb } from "./db.ts";

/**
 * Who a report names (COC-22.2, SOC-4), read from the involved list AND the free text (summary,
 * details, how it is known), so that everyone it may be about is kept away from the case before any
 * handler sees it. Names are compared after the screening domain's folding (diacritics, Cyrillic
 * transliteration), with look-alike letters mixed into a Latin word (Cyrillic "е" in "Clеgg", Greek
 * "ο") read as the Latin letters they imitate, and whole Greek words transliterated.
 *
 * - certain: a directory person's first and last name next to each other (either order, a middle
 *   initial allowed), a person picked from the directory, or an office ("the General Counsel",
 *   "our CFO") held by exactly one person. Kept away as "named".
 * - probable: a surname alone, an initial and a surname ("C. Clegg (Legal)"), a spelling that is
 *   only similar, or an office held by several people. Kept away as "probable" until a handler
 *   without conflict clears it, and the case goes to the Audit Committee (uncertain → the safe side).
 */
export type Certainty = "certain" | "probable";
export type NamedMatch = {
  personId: string | null;
  userId: string | null;
  name: string;
  title: string | null;
  certainty: Certainty;
  /** How the report names them, for the handlers' view: "full name", "surname only", "title: CFO" … */
  how: string;
};
export type NamedPeople = {
  matches: NamedMatch[];
  /** The report names a senior office (CEO, CFO, General Counsel …), whoever holds it (SOC-4). */
  namesSeniorOffice: boolean;
  /** Some match is only probable: the case takes the Audit Committee path. */
  isUncertain: boolean;
};

/** Offices a reporter names by title, the roles that hold them, and whether they are senior (SOC-1, SOC-4). */
const OFFICES: readonly {
  key: string;
  label: string;
  roles: string[];
  senior: boolean;
  phrases: string[];
}[] = [
  {
    key: "ceo",
    label: "CEO",
    roles: ["ceo"],
    senior: true,
    phrases: ["ceo", "chief executive", "chief executive officer"],
  },
  {
    key: "cfo",
    label: "CFO",
    roles: [],
    senior: true,
    phrases: ["cfo", "chief financial officer", "finance director"],
  },
  {
    key: "coo",
    label: "COO",
    roles: [],
    senior: true,
    phrases: ["coo", "chief operating officer"],
  },
  {
    key: "general_counsel",
    label: "General Counsel",
    roles: ["general_counsel"],
    senior: true,
    phrases: ["general counsel", "chief legal officer"],
  },
  {
    key: "audit_committee_chair",
    label: "Audit Committee chair",
    roles: ["audit_committee_chair"],
    senior: false,
    phrases: [
      "audit committee chair",
      "audit committee chairman",
      "audit committee chairwoman",
      "chair of the audit committee",
      "chairman of the audit committee",
    ],
  },
];

// Letters of other scripts that look like Latin ones (Unicode confusables, the usual spoofing set).
const LOOK_ALIKES: Record<string, string> = {
  // Cyrillic
  а: "a",
  в: "b",
  е: "e",
  ё: "e",
  к: "k",
  м: "m",
  н: "h",
  о: "o",
  р: "p",
  с: "c",
  т: "t",
  у: "y",
  х: "x",
  ѕ: "s",
  і: "i",
  ї: "i",
  ј: "j",
  ԁ: "d",
  ԛ: "q",
  ԝ: "w",
  ү: "y",
  һ: "h",
  // Greek
  α: "a",
  β: "b",
  ε: "e",
  η: "n",
  ι: "i",
  κ: "k",
  ν: "v",
  ο: "o",
  ρ: "p",
  τ: "t",
  υ: "u",
  χ: "x",
  γ: "y",
  ω: "w",
};

// ELOT 743-style romanisation, for names written wholly in Greek.
const GREEK: Record<string, string> = {
  α: "a",
  β: "v",
  γ: "g",
  δ: "d",
  ε: "e",
  ζ: "z",
  η: "i",
  θ: "th",
  ι: "i",
  κ: "k",
  λ: "l",
  μ: "m",
  ν: "n",
  ξ: "x",
  ο: "o",
  π: "p",
  ρ: "r",
  σ: "s",
  ς: "s",
  τ: "t",
  υ: "y",
  φ: "f",
  χ: "ch",
  ψ: "ps",
  ω: "o",
};

const LATIN = /[a-z\u00c0-\u024f]/i;
const OTHER_SCRIPT = /[\u0370-\u03ff\u0400-\u052f]/;
const GREEK_LETTER = /[\u0370-\u03ff]/;

/** One word of a report or a name, folded to plain Latin letters; empty when nothing is left. */
export function foldWord(word: string): string {
  let w = word.normalize("NFC").toLowerCase();
  if (LATIN.test(w) && OTHER_SCRIPT.test(w)) {
    // A Latin word with foreign look-alikes in it is a disguised Latin word.
    w = [...w].map((ch) => LOOK_ALIKES[ch] ?? ch).join("");
  } else if (GREEK_LETTER.test(w)) {
    w = [...w.normalize("NFD").replace(/[\u0300-\u036f]/g, "")].map((ch) => GREEK[ch] ?? ch).join("");
  }
  return foldName(w).replace(/[^a-z0-9]/g, "");
}

type Token = { text: string; isCapitalised: boolean };

/** The words of a text, folded, each knowing whether it was written with a capital (a proper noun). */
export function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{M}\p{N}'’]+/gu)) {
    const raw = m[0].replace(/['’]s$/iu, "");
    for (const part of raw.split(/['’]/u)) {
      const folded = foldWord(part);
      if (!folded) continue;
      const first = part[0] ?? "";
      out.push({ text: folded, isCapitalised: first !== first.toLowerCase() });
    }
  }
  return out;
}

const nameTokens = (name: string) => tokens(name).map((t) => t.text);

/**
 * A spelling with the usual transliteration differences taken out (C/K, PH/F, W/V, Y/J/I, X/KS,
 * KH/H, doubled letters), vowels kept: Клегг → klegg and Clegg meet; Buyer and Bayer do not.
 */
const spellingKey = (w: string) =>
  w
    .replace(/kh/g, "h")
    .replace(/ph/g, "f")
    .replace(/ck|c|q/g, "k")
    .replace(/w/g, "v")
    .replace(/[yj]/g, "i")
    .replace(/x/g, "ks")
    .replace(/(.)\1+/g, "$1");

/** Spellings close enough to be probably the same name: one typo, or a transliteration apart. */
function isSimilar(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 4 || Math.abs(a.length - b.length) > 2) return false;
  return spellingKey(a) === spellingKey(b) || jaroWinkler(a, b) >= 0.92;
}

type Entry = {
  personId: string | null;
  userId: string | null;
  first: string[];
  last: string[];
  name: string;
  title: string | null;
  titleText: string;
};

/** The directory: every person, and the users who have no person record (an outside board member). */
async function loadDirectory(ctx: Ctx) {
  const db = speakupDb(ctx);
  const persons = await db.selectFrom("persons").select(["id", "first_name", "last_name", "title"]).execute();
  const users = await db
    .selectFrom("users")
    .select(["id", "display_name", "person_id"])
    .where("disabled", "=", 0)
    .execute();
  const roles = await db.selectFrom("user_roles").select(["user_id", "role"]).execute();
  const entries: Entry[] = persons.map((p) => ({
    personId: p.id,
    userId: null,
    first: nameTokens(p.first_name),
    last: nameTokens(p.last_name),
    name: `${p.first_name} ${p.last_name}`,
    title: p.title,
    titleText: ` ${nameTokens(p.title ?? "").join(" ")} `,
  }));
  const userEntry = new Map<string, Entry>();
  for (const u of users) {
    if (u.person_id) {
      const e = entries.find((x) => x.personId === u.person_id);
      if (e) userEntry.set(u.id, e);
      continue;
    }
    const words = nameTokens(u.display_name);
    if (words.length < 2) continue;
    const e: Entry = {
      personId: null,
      userId: u.id,
      first: words.slice(0, 1),
      last: words.slice(-1),
      name: u.display_name,
      title: null,
      titleText: "  ",
    };
    entries.push(e);
    userEntry.set(u.id, e);
  }
  const rolesByEntry = new Map<Entry, string[]>();
  for (const r of roles) {
    const e = userEntry.get(r.user_id);
    if (e) rolesByEntry.set(e, [...(rolesByEntry.get(e) ?? []), r.role]);
  }
  const rolesOf = (e: Entry) => rolesByEntry.get(e) ?? [];
  return { entries, rolesOf };
}

const sameAt = (words: string[], at: number, want: string[], similar = false) =>
  want.length > 0 &&
  want.every((w, k) => {
    const got = words[at + k];
    return got !== undefined && (similar ? isSimilar(got, w) : got === w);
  });

type Match = { certainty: Certainty; how: string };
const stronger = (a: Match | null, b: Match | null) =>
  !a || (b && a.certainty === "probable" && b.certainty === "certain") ? b : a;

/**
 * How a text names one person, if it does: the strongest of full name, initial and surname,
 * similar spelling and surname alone. `loose` texts (the involved list) name a surname even
 * uncapitalised; free text needs the capital a proper noun is written with.
 */
function matchPerson(e: Entry, toks: Token[], loose: boolean): Match | null {
  const words = toks.map((t) => t.text);
  const first = e.first[0];
  if (!first || e.last.length === 0) return null;
  const lastText = e.last.join(" ");
  const isWordLike = lastText.length < 3 || NAME_STOP_WORDS.has(lastText);
  let best: Match | null = null;
  for (let i = 0; i < words.length; i++) {
    const exact = sameAt(words, i, e.last);
    if (!exact && !sameAt(words, i, e.last, true)) continue;
    const before = words[i - 1];
    const after = words[i + e.last.length];
    // "First Last", "First X. Last", "Last First", "Last, First".
    const exactFirst =
      before === first || (before?.length === 1 && words[i - 2] === first) || after === first;
    const similarFirst =
      exactFirst ||
      (before !== undefined && isSimilar(before, first)) ||
      (after !== undefined && isSimilar(after, first));
    let m: Match | null = null;
    if (exact && exactFirst) m = { certainty: "certain", how: "full name" };
    else if (similarFirst) m = { certainty: "probable", how: "a similar spelling of the name" };
    else if ((before?.length === 1 && before === first[0]) || (after?.length === 1 && after === first[0]))
      m = { certainty: "probable", how: "initial and surname" };
    else if (!isWordLike && (loose || toks[i]?.isCapitalised))
      m = { certainty: "probable", how: exact ? "surname only" : "a similar spelling of the surname" };
    best = stronger(best, m);
  }
  return best;
}

/**
 * A quick test of whether a surname could appear in the report: as a word, as the same spelling
 * key, or close to a word that starts with the same letter. Keeps filing fast with a large directory.
 */
function mightMention(all: readonly Token[]) {
  const words = new Set(all.map((t) => t.text));
  const keys = new Set([...words].map(spellingKey));
  const byFirst = new Map<string, string[]>();
  for (const w of words) byFirst.set(w[0]!, [...(byFirst.get(w[0]!) ?? []), w]);
  return (last: string | undefined) =>
    last !== undefined &&
    (words.has(last) ||
      keys.has(spellingKey(last)) ||
      (byFirst.get(last[0]!) ?? []).some((w) => isSimilar(w, last)));
}

/** Whether the folded text names an office, by any of its phrases. */
const namesOffice = (text: string, office: (typeof OFFICES)[number]) =>
  office.phrases.some((p) => text.includes(` ${p} `) || text.includes(` ${p}s `));

/**
 * Finds everyone a report names, in the directory as it is now. `involved` are the names the
 * reporter listed, `texts` the free text; `pickedIds` people chosen from the directory.
 */
export async function findNamedPeople(
  ctx: Ctx,
  report: {
    involved: readonly string[];
    texts: readonly (string | null | undefined)[];
    pickedIds: readonly string[];
  },
): Promise<NamedPeople> {
  const { entries, rolesOf } = await loadDirectory(ctx);
  const involved = report.involved.map(tokens);
  const free = report.texts.filter((t): t is string => Boolean(t)).map(tokens);
  const mentions = mightMention([...involved, ...free].flat());
  const found = new Map<Entry, Match>();
  const keep = (e: Entry, m: Match | null) => {
    const best = stronger(found.get(e) ?? null, m);
    if (best) found.set(e, best);
  };
  for (const e of entries) {
    if (e.personId && report.pickedIds.includes(e.personId)) {
      keep(e, { certainty: "certain", how: "picked from the directory" });
      continue;
    }
    // Most of the directory is not mentioned at all: skip it before matching word by word.
    if (!mentions(e.last[0])) continue;
    for (const toks of involved) keep(e, matchPerson(e, toks, true));
    for (const toks of free) keep(e, matchPerson(e, toks, false));
  }
  const allText = ` ${[...involved, ...free].map((toks) => toks.map((t) => t.text).join(" ")).join(" | ")} `;
  let namesSeniorOffice = false;
  for (const office of OFFICES) {
    if (!namesOffice(allText, office)) continue;
    if (office.senior) namesSeniorOffice = true;
    // The office's holder is whoever has the title or the role; "Assistant Chief Financial
    // Officer" or "Deputy General Counsel" only probably is the one the reporter means.
    const holds = (e: Entry) =>
      office.phrases.some((p) => e.titleText.startsWith(` ${p} `)) ||
      rolesOf(e).some((r) => office.roles.includes(r));
    const holders = entries.filter(holds);
    const near = entries.filter((e) => !holds(e) && namesOffice(e.titleText, office));
    for (const e of holders)
      keep(e, {
        certainty: holders.length === 1 ? "certain" : "probable",
        how: `title: ${office.label}${holders.length > 1 ? ` (${holders.length} people hold it)` : ""}`,
      });
    for (const e of near) keep(e, { certainty: "probable", how: `title: close to ${office.label}` });
  }
  const matches = [...found].map(([e, m]) => ({
    personId: e.personId,
    userId: e.userId,
    name: e.name,
    title: e.title,
    ...m,
  }));
  return { matches, namesSeniorOffice, isUncertain: matches.some((m) => m.certainty === "probable") };
}

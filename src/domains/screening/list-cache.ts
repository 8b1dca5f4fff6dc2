import type { Ctx } from "../../kernel/context.ts";
import { screeningDb } from "./db.ts";
import { type EntryKind, entryKindOf, type ListEntry } from "./lists/parse-ofac.ts";
import {
  buildIndex,
  type Hit,
  type NameIndex,
  type ScreenOptions,
  type ScreenQuery,
} from "./matcher/name-index.ts";

/** The index over the current version of one list. */
export type ListIndex = {
  source: string;
  versionId: string;
  index: NameIndex;
  hashes: Map<string, string>;
  entries: Map<string, ListEntry>;
};

/** A match with the list it came from and what kind of hit it is (a sanction or a PEP). */
export type ListHit = Hit & { source: string; kind: EntryKind; entry: ListEntry };

export type CurrentList = {
  /** The current version of each list, SDN first. */
  versionIds: string[];
  /** The SDN version when there is one (what a screening records), else the first list's. */
  versionId: string;
  lists: ListIndex[];
  /** The lists among `sources` that have a current version (every list when `sources` is absent). */
  select(sources?: readonly string[]): ListIndex[];
  /** Screens against the chosen lists; each list gives its best matches, merged by score. */
  screen(query: ScreenQuery, options?: ScreenOptions & { sources?: readonly string[] }): ListHit[];
};

// One index per list version per process; several servers each build their own.
const built = new Map<string, ListIndex>();

const order = (a: string, b: string) => (a === "ofac-sdn" ? -1 : b === "ofac-sdn" ? 1 : a.localeCompare(b));

/**
 * The indexes over the current version of every list (OFAC's SDN and consolidated lists, the EU,
 * UK, UN and OpenSanctions lists), each built once per version (about 0.5 s for the SDN list).
 */
export async function currentList(ctx: Ctx): Promise<CurrentList | null> {
  const db = screeningDb(ctx);
  const versions = await db
    .selectFrom("screening_list_versions")
    .select(["id", "source"])
    .where("is_current", "=", 1)
    .execute();
  if (!versions.length) return null;
  versions.sort((a, b) => order(a.source, b.source));
  const lists: ListIndex[] = [];
  for (const v of versions) {
    let list = built.get(v.id);
    if (!list) {
      const rows = await db
        .selectFrom("screening_list_entries")
        .select(["entity_id", "hash", "data"])
        .where("version_id", "=", v.id)
        .execute();
      const entries = new Map<string, ListEntry>();
      const hashes = new Map<string, string>();
      for (const r of rows) {
        entries.set(r.entity_id, JSON.parse(r.data) as ListEntry);
        hashes.set(r.entity_id, r.hash);
      }
      list = { source: v.source, versionId: v.id, index: buildIndex([...entries.values()]), hashes, entries };
      built.set(v.id, list);
    }
    lists.push(list);
  }
  for (const id of built.keys()) if (!versions.some((v) => v.id === id)) built.delete(id);
  const versionIds = versions.map((v) => v.id);
  const select = (sources?: readonly string[]) =>
    sources ? lists.filter((l) => sources.includes(l.source)) : lists;
  return {
    versionIds,
    versionId: versionIds[0]!,
    lists,
    select,
    screen(query, options = {}) {
      const hits: ListHit[] = [];
      for (const l of select(options.sources))
        for (const h of l.index.screen(query, options)) {
          const entry = l.entries.get(h.entityId)!;
          hits.push({ ...h, source: l.source, kind: entryKindOf(entry), entry });
        }
      hits.sort((a, b) => b.score - a.score || order(a.source, b.source));
      return hits.slice(0, options.limit ?? 10);
    },
  };
}

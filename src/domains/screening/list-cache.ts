import type { Ctx } from "../../kernel/context.ts";
import { screeningDb } from "./db.ts";
import type { ListEntry } from "./lists/parse-ofac.ts";
import { buildIndex, type NameIndex } from "./matcher/name-index.ts";

export type CurrentList = {
  versionId: string;
  index: NameIndex;
  hashes: Map<string, string>;
};

// One index per process for the current version; several servers each build their own.
let cached: CurrentList | undefined;

/** The current list version's index, built once per version (about 0.5 s for the SDN list). */
export async function currentList(ctx: Ctx): Promise<CurrentList | null> {
  const db = screeningDb(ctx);
  const version = await db
    .selectFrom("screening_list_versions")
    .select("id")
    .where("is_current", "=", 1)
    .orderBy("seq", "desc")
    .executeTakeFirst();
  if (!version) return null;
  if (cached?.versionId === version.id) return cached;
  const rows = await db
    .selectFrom("screening_list_entries")
    .select(["entity_id", "hash", "data"])
    .where("version_id", "=", version.id)
    .execute();
  const entries = rows.map((r) => JSON.parse(r.data) as ListEntry);
  cached = {
    versionId: version.id,
    index: buildIndex(entries),
    hashes: new Map(rows.map((r) => [r.entity_id, r.hash])),
  };
  return cached;
}

import type { Ctx } from "../../kernel/context.ts";
import { notFound } from "../../kernel/errors.ts";
import { screeningDb } from "./db.ts";
import { toVersion } from "./import-list.ts";
import type { ListEntry } from "./lists/parse-ofac.ts";
import { authorize, screeningAbilities } from "./policy.ts";

export async function listVersions(ctx: Ctx) {
  authorize(ctx.actor, "screening.read");
  const rows = await screeningDb(ctx)
    .selectFrom("screening_list_versions")
    .selectAll()
    .orderBy("seq", "desc")
    .execute();
  return { items: rows.map(toVersion), can: screeningAbilities(ctx.actor) };
}

/** One version with the names of its added, removed and changed entries (the first 50 of each). */
export async function getVersion(ctx: Ctx, id: string) {
  authorize(ctx.actor, "screening.read");
  const db = screeningDb(ctx);
  const row = await db
    .selectFrom("screening_list_versions")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw notFound("The list version");
  const v = toVersion(row);
  const ids = [...v.diff.sample.added, ...v.diff.sample.changed, ...v.diff.sample.removed];
  const names = new Map<string, string>();
  if (ids.length) {
    for (const r of await db
      .selectFrom("screening_list_entries")
      .select(["entity_id", "name"])
      .where("entity_id", "in", ids)
      .execute())
      names.set(r.entity_id, r.name);
  }
  const named = (xs: string[]) => xs.map((entityId) => ({ entityId, name: names.get(entityId) ?? null }));
  return {
    ...v,
    entries: {
      added: named(v.diff.sample.added),
      changed: named(v.diff.sample.changed),
      removed: named(v.diff.sample.removed),
    },
  };
}

export async function getEntry(ctx: Ctx, entityId: string): Promise<ListEntry> {
  authorize(ctx.actor, "screening.read");
  const row = await screeningDb(ctx)
    .selectFrom("screening_list_entries as e")
    .innerJoin("screening_list_versions as v", "v.id", "e.version_id")
    .select("e.data")
    .where("e.entity_id", "=", entityId)
    .orderBy("v.seq", "desc")
    .executeTakeFirst();
  if (!row) throw notFound("The list entry");
  return JSON.parse(row.data) as ListEntry;
}

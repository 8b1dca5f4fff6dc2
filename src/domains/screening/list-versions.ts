import type { Ctx } from "../../kernel/context.ts";
import { toCsv } from "../../kernel/csv.ts";
import { contains } from "../../kernel/db.ts";
import { notFound } from "../../kernel/errors.ts";
import { screeningDb } from "./db.ts";
import { toVersion } from "./import-list.ts";
import type { ListEntry } from "./lists/parse-ofac.ts";
import { authorize, screeningAbilities } from "./policy.ts";
import type { listChangesView, listVersionsView, View, versionEntryView } from "./views.ts";

export async function listVersions(ctx: Ctx): Promise<View<typeof listVersionsView>> {
  authorize(ctx.actor, "screening.read");
  const rows = await screeningDb(ctx)
    .selectFrom("screening_list_versions")
    .selectAll()
    .orderBy("seq", "desc")
    .execute();
  return { items: rows.map(toVersion), can: screeningAbilities(ctx.actor) };
}

export type ChangeKind = "added" | "changed" | "removed";
export type ChangesFilter = { kind: ChangeKind; page: number; pageSize: number; q?: string | undefined };

async function loadVersion(ctx: Ctx, id: string) {
  const db = screeningDb(ctx);
  const row = await db
    .selectFrom("screening_list_versions")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw notFound("The list version");
  // Versions of other sources (ofac-sdn, ofac-cons …) are separate lists: compare within the source.
  const previous = await db
    .selectFrom("screening_list_versions")
    .select(["id", "seq"])
    .where("source", "=", row.source)
    .where("seq", "<", row.seq)
    .orderBy("seq", "desc")
    .executeTakeFirst();
  return { version: toVersion(row), previous: previous ?? null };
}

/**
 * One page of a version's change set against the previous version of the same source, computed
 * from the stored entries (entity id and hash) rather than the 50-entry sample kept with the
 * version. Without a previous version every entry counts as added.
 */
function changesQuery(
  ctx: Ctx,
  versionId: string,
  previousId: string | null,
  filter: Pick<ChangesFilter, "kind" | "q">,
) {
  const prevId = previousId ?? "";
  // "removed" rows live in the previous version and are missing from this one; the others live here.
  const [hereId, otherId] = filter.kind === "removed" ? [prevId, versionId] : [versionId, prevId];
  let base = screeningDb(ctx)
    .selectFrom("screening_list_entries as e")
    .leftJoin("screening_list_entries as o", (join) =>
      join.onRef("o.entity_id", "=", "e.entity_id").on("o.version_id", "=", otherId),
    )
    .where("e.version_id", "=", hereId);
  base =
    filter.kind === "changed"
      ? base.where("o.entity_id", "is not", null).whereRef("o.hash", "<>", "e.hash")
      : base.where("o.entity_id", "is", null);
  if (filter.q) {
    const q = filter.q;
    base = base.where((eb) => eb.or([contains(eb.ref("e.name"), q), eb("e.entity_id", "=", q)]));
  }
  return base;
}

export async function listVersionChanges(
  ctx: Ctx,
  id: string,
  filter: ChangesFilter,
): Promise<View<typeof listChangesView>> {
  authorize(ctx.actor, "screening.read");
  const { version, previous } = await loadVersion(ctx, id);
  const base = changesQuery(ctx, version.id, previous?.id ?? null, filter);
  const [{ total }] = (await base.select((eb) => eb.fn.countAll<number>().as("total")).execute()) as [
    { total: number },
  ];
  const rows = await base
    .select(["e.entity_id", "e.name", "e.type", "o.name as other_name"])
    .orderBy("e.name")
    .orderBy("e.entity_id")
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return {
    version,
    previousVersionId: previous?.id ?? null,
    kind: filter.kind,
    items: rows.map((r) => ({
      entityId: r.entity_id,
      name: r.name,
      type: r.type,
      ...(filter.kind === "changed" && { previousName: r.other_name }),
    })),
    total: Number(total),
    page: filter.page,
    pageSize: filter.pageSize,
  };
}

/** The whole change set of one kind as CSV, for the file kept with a compliance review. */
export async function exportVersionChangesCsv(
  ctx: Ctx,
  id: string,
  filter: Pick<ChangesFilter, "kind" | "q">,
) {
  authorize(ctx.actor, "screening.read");
  const { version, previous } = await loadVersion(ctx, id);
  const rows = await changesQuery(ctx, version.id, previous?.id ?? null, filter)
    .select(["e.entity_id", "e.name", "e.type", "o.name as other_name"])
    .orderBy("e.name")
    .orderBy("e.entity_id")
    .execute();
  return {
    filename: `${version.source}-${version.seq}-${filter.kind}.csv`,
    csv: toCsv(
      rows.map((r) => [
        filter.kind,
        r.entity_id,
        r.name,
        r.type,
        filter.kind === "changed" ? r.other_name : null,
      ]),
      { header: true, columns: ["change", "entity_id", "name", "type", "previous_name"] },
    ),
  };
}

/**
 * An entry as this version publishes it, beside the previous version's data for the same entity,
 * so a changed entry shows old against new. `change` says what the version did to it.
 */
export async function getVersionEntry(
  ctx: Ctx,
  id: string,
  entityId: string,
): Promise<View<typeof versionEntryView>> {
  authorize(ctx.actor, "screening.read");
  const { version, previous } = await loadVersion(ctx, id);
  const db = screeningDb(ctx);
  const dataIn = async (versionId: string | undefined) =>
    versionId
      ? await db
          .selectFrom("screening_list_entries")
          .select(["data", "hash"])
          .where("version_id", "=", versionId)
          .where("entity_id", "=", entityId)
          .executeTakeFirst()
      : undefined;
  const now = await dataIn(version.id);
  const before = await dataIn(previous?.id);
  if (!now && !before) throw notFound("The list entry");
  const change: ChangeKind | "unchanged" = !before
    ? "added"
    : !now
      ? "removed"
      : now.hash !== before.hash
        ? "changed"
        : "unchanged";
  return {
    version,
    previousVersionId: previous?.id ?? null,
    change,
    entry: now ? (JSON.parse(now.data) as ListEntry) : null,
    previous: before && change !== "unchanged" ? (JSON.parse(before.data) as ListEntry) : null,
  };
}

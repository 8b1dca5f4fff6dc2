import type { Ctx } from "../../kernel/context.ts";
import { contains } from "../../kernel/db.ts";
import { notFound } from "../../kernel/errors.ts";
import { screeningDb } from "./db.ts";
import { toVersion } from "./import-list.ts";

export type ChangeKind = "added" | "changed" | "removed";
export type ChangesFilter = { kind: ChangeKind; page: number; pageSize: number; q?: string | undefined };

export async function loadVersion(ctx: Ctx, id: string) {
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
export function changesQuery(
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

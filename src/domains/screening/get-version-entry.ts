import type { Ctx } from "../../kernel/context.ts";
import { notFound } from "../../kernel/errors.ts";
import { screeningDb } from "./db.ts";
import type { ListEntry } from "./lists/parse-ofac.ts";
import { authorize } from "./policy.ts";
import { type ChangeKind, loadVersion } from "./version-changes.ts";
import type { View, versionEntryView } from "./views.ts";

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

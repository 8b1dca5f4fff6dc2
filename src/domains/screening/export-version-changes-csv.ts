import type { Ctx } from "../../kernel/context.ts";
import { toCsv } from "../../kernel/csv.ts";
import { authorize } from "./policy.ts";
import { type ChangesFilter, changesQuery, loadVersion } from "./version-changes.ts";

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

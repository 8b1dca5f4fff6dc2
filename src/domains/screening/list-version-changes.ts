import type { Ctx } from "../../kernel/context.ts";
import { authorize } from "./policy.ts";
import { type ChangesFilter, changesQuery, loadVersion } from "./version-changes.ts";
import type { listChangesView, View } from "./views.ts";

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

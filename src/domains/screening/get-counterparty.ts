import type { Ctx } from "../../kernel/context.ts";
import { load, toCounterparty, toHit } from "./counterparties.ts";
import { screeningDb } from "./db.ts";
import { getEnabledLists, listsOf } from "./enabled-lists.ts";
import { authorize, screeningAbilities } from "./policy.ts";
import type { CounterpartyDetail } from "./views.ts";

/** A counterparty with its latest screening, its hits (with explanations) and what the user may do. */
export async function getCounterparty(ctx: Ctx, id: string): Promise<CounterpartyDetail> {
  authorize(ctx.actor, "screening.read");
  const db = screeningDb(ctx);
  const row = await load(ctx, id);
  const screening = row.last_screening_id
    ? await db
        .selectFrom("screenings as s")
        .leftJoin("screening_list_versions as v", "v.id", "s.list_version_id")
        .select(["s.id", "s.trigger", "s.status", "s.hit_count", "s.screened_at", "v.seq", "v.source"])
        .where("s.id", "=", row.last_screening_id)
        .executeTakeFirst()
    : undefined;
  const hits = await db
    .selectFrom("screening_hits")
    .selectAll()
    .where("counterparty_id", "=", id)
    .orderBy("score", "desc")
    .orderBy("entity_id")
    .execute();
  return {
    ...toCounterparty(row),
    screening: screening
      ? {
          id: screening.id,
          trigger: screening.trigger,
          status: screening.status,
          openHits: screening.hit_count,
          screenedAt: screening.screened_at,
          listVersion: screening.seq ? `${screening.source} #${screening.seq}` : null,
        }
      : null,
    hits: hits.map(toHit),
    lists: listsOf(await getEnabledLists(ctx), row.legal_entity_id),
    requiresEdd: hits.some((h) => h.kind === "pep" && h.status === "true_match"),
    owners: (
      await db
        .selectFrom("screening_ownerships")
        .selectAll()
        .where("counterparty_id", "=", id)
        .orderBy("percentage", "desc")
        .orderBy("id")
        .execute()
    ).map((o) => ({
      id: o.id,
      ownerName: o.owner_name,
      ownerEntityId: o.owner_entity_id,
      ownerCounterpartyId: o.owner_counterparty_id,
      percentage: Number(o.percentage),
      createdBy: o.created_by,
      createdAt: o.created_at,
    })),
    can: screeningAbilities(ctx.actor),
  };
}

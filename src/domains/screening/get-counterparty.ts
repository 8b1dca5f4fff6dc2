import type { Ctx } from "../../kernel/context.ts";
import { load, toCounterparty, toHit } from "./counterparties.ts";
import { screeningDb } from "./db.ts";
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
    can: screeningAbilities(ctx.actor),
  };
}

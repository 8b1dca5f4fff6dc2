import type { Ctx } from "../../kernel/context.ts";
import { toCsv } from "../../kernel/csv.ts";
import { filtered } from "./counterparties.ts";
import { authorize } from "./policy.ts";
import type { CounterpartyFilter } from "./schemas.ts";

export async function exportCounterpartiesCsv(ctx: Ctx, filter: CounterpartyFilter): Promise<string> {
  authorize(ctx.actor, "screening.read");
  const rows = await filtered(ctx, filter).orderBy("name").orderBy("id").execute();
  return toCsv(
    rows.map((r) => [
      r.id,
      r.name,
      (JSON.parse(r.aliases) as string[]).join("; "),
      r.kind,
      r.party_type,
      r.country,
      r.region,
      r.status,
      r.updated_at,
    ]),
    {
      header: true,
      columns: ["id", "name", "aliases", "kind", "type", "country", "region", "status", "updated_at"],
    },
  );
}

import type { Ctx } from "../../kernel/context.ts";
import { screeningDb } from "./db.ts";
import { authorize, screeningAbilities } from "./policy.ts";
import { getCountryChart, getJurisdictions } from "./rules.ts";
import type { exportControlsView, View } from "./views.ts";

/** Items, licences and exceptions on record, the country chart and the sanctioned jurisdictions (COC-19.1, COC-18.2). */
export async function getExportControls(ctx: Ctx): Promise<View<typeof exportControlsView>> {
  authorize(ctx.actor, "screening.read");
  const db = screeningDb(ctx);
  const items = await db.selectFrom("export_items").selectAll().orderBy("sku").execute();
  const licences = await db
    .selectFrom("export_licences")
    .selectAll()
    .orderBy("eccn")
    .orderBy("country")
    .execute();
  return {
    items: items.map((i) => ({
      id: i.id,
      sku: i.sku,
      name: i.name,
      eccn: i.eccn,
      reasons: JSON.parse(i.reasons) as string[],
    })),
    licences: licences.map((l) => ({
      id: l.id,
      kind: l.kind,
      reference: l.reference,
      eccn: l.eccn,
      country: l.country,
      validUntil: l.valid_until,
    })),
    chart: await getCountryChart(ctx),
    jurisdictions: await getJurisdictions(ctx),
    can: screeningAbilities(ctx.actor),
  };
}

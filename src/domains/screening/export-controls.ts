import type { z } from "zod";
import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { putSetting } from "../../kernel/settings.ts";
import { screeningDb } from "./db.ts";
import { authorize, screeningAbilities } from "./policy.ts";
import {
  CHART_KEY,
  type CountryChart,
  getCountryChart,
  getJurisdictions,
  JURISDICTIONS_KEY,
  type Jurisdiction,
} from "./rules.ts";
import type { exportItemInput, licenceInput } from "./schemas.ts";
import type {
  countryChartView,
  exportControlsView,
  exportItemView,
  exportLicenceView,
  jurisdictionsView,
  View,
} from "./views.ts";

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

export async function createExportItem(
  ctx: Ctx,
  input: z.infer<typeof exportItemInput>,
): Promise<View<typeof exportItemView>> {
  authorize(ctx.actor, "export.manage");
  return withTransaction(ctx, async (tx) => {
    const db = screeningDb(tx);
    if (await db.selectFrom("export_items").select("id").where("sku", "=", input.sku).executeTakeFirst())
      throw conflict(`An item with SKU ${input.sku} already exists.`);
    const row = {
      id: newId(),
      sku: input.sku,
      name: input.name,
      eccn: input.eccn,
      reasons: JSON.stringify(input.eccn === "EAR99" ? [] : input.reasons),
      created_at: isoNow(tx.clock),
    };
    await db.insertInto("export_items").values(row).execute();
    await record(tx, "export.item.create", { type: "export_item", id: row.id }, { ...row });
    return {
      id: row.id,
      sku: row.sku,
      name: row.name,
      eccn: row.eccn,
      reasons: JSON.parse(row.reasons) as string[],
    };
  });
}

export async function createLicence(
  ctx: Ctx,
  input: z.infer<typeof licenceInput>,
): Promise<View<typeof exportLicenceView>> {
  authorize(ctx.actor, "export.manage");
  return withTransaction(ctx, async (tx) => {
    const row = {
      id: newId(),
      kind: input.kind,
      reference: input.reference,
      eccn: input.eccn,
      country: input.country,
      valid_until: input.validUntil ?? null,
      created_at: isoNow(tx.clock),
    };
    await screeningDb(tx).insertInto("export_licences").values(row).execute();
    await record(tx, "export.licence.create", { type: "export_licence", id: row.id }, { ...row });
    return {
      id: row.id,
      kind: row.kind,
      reference: row.reference,
      eccn: row.eccn,
      country: row.country,
      validUntil: row.valid_until,
    };
  });
}

export async function updateCountryChart(
  ctx: Ctx,
  chart: CountryChart,
): Promise<View<typeof countryChartView>> {
  authorize(ctx.actor, "export.manage");
  return withTransaction(ctx, async (tx) => {
    const before = await getCountryChart(tx);
    await putSetting(tx, CHART_KEY, chart);
    await record(tx, "export.chart.update", { type: "setting", id: CHART_KEY }, { before, after: chart });
    return chart;
  });
}

/**
 * Replaces the comprehensively sanctioned jurisdictions (COC-18.2): configuration, because the
 * list changes with US policy. Transactions are checked against it when approved.
 */
export async function updateJurisdictions(
  ctx: Ctx,
  list: Jurisdiction[],
): Promise<View<typeof jurisdictionsView>> {
  authorize(ctx.actor, "export.manage");
  return withTransaction(ctx, async (tx) => {
    const before = await getJurisdictions(tx);
    await putSetting(tx, JURISDICTIONS_KEY, list);
    await record(
      tx,
      "screening.jurisdictions.update",
      { type: "setting", id: JURISDICTIONS_KEY },
      { before, after: list },
    );
    return list;
  });
}

import { record } from "../../kernel/audit.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { putSetting } from "../../kernel/settings.ts";
import { authorize } from "./policy.ts";
import { CHART_KEY, type CountryChart, getCountryChart } from "./rules.ts";
import type { countryChartView, View } from "./views.ts";

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

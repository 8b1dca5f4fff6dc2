import { z } from "zod";
import type { Ctx } from "../../kernel/context.ts";
import { getSetting } from "../../kernel/settings.ts";

/** Comprehensively sanctioned jurisdictions (COC-18.2): configuration, with the Code's list as default. */
export const jurisdiction = z.object({
  country: z.string().regex(/^[A-Z]{2}$/, "must be a two-letter country code"),
  region: z.string().trim().min(1).max(100).nullable().default(null),
  label: z.string().trim().min(1).max(200),
});
export type Jurisdiction = z.infer<typeof jurisdiction>;
export const DEFAULT_JURISDICTIONS: Jurisdiction[] = [
  { country: "CU", region: null, label: "Cuba" },
  { country: "IR", region: null, label: "Iran" },
  { country: "KP", region: null, label: "North Korea" },
  { country: "SY", region: null, label: "Syria" },
  { country: "UA", region: "Crimea", label: "the Crimea region of Ukraine" },
  { country: "UA", region: "Donetsk", label: "the so-called Donetsk People's Republic region of Ukraine" },
  { country: "UA", region: "Luhansk", label: "the so-called Luhansk People's Republic region of Ukraine" },
];
/** The list as it is edited: each country/region once. */
export const jurisdictionList = z
  .array(jurisdiction)
  .max(100)
  .superRefine((list, issue) => {
    const seen = new Set<string>();
    list.forEach((j, i) => {
      const key = `${j.country}/${(j.region ?? "").toLowerCase()}`;
      if (seen.has(key))
        issue.addIssue({
          code: "custom",
          path: [i, "region"],
          message: `${j.country}${j.region ? ` (${j.region})` : ""} is on the list twice`,
        });
      seen.add(key);
    });
  });
export const JURISDICTIONS_KEY = "screening.jurisdictions";
export const getJurisdictions = (ctx: Ctx) =>
  getSetting(ctx, JURISDICTIONS_KEY, z.array(jurisdiction), DEFAULT_JURISDICTIONS);

export function sanctionedJurisdiction(
  list: readonly Jurisdiction[],
  country: string | null,
  region: string | null,
): Jurisdiction | null {
  if (!country) return null;
  return (
    list.find(
      (j) =>
        j.country === country &&
        (j.region === null || (region ?? "").toLowerCase().includes(j.region.toLowerCase())),
    ) ?? null
  );
}

/**
 * The export-control country chart (COC-19.1): for each destination, the reasons for control
 * (EAR Supplement 1 to Part 738: NS1, MT1, AT1 …) that need a licence; "*" means every item,
 * EAR99 included. Countries not listed use "default". A simplified chart, edited by compliance.
 */
export const countryChart = z.record(z.string(), z.array(z.string().min(1).max(10)));
export type CountryChart = z.infer<typeof countryChart>;
export const DEFAULT_CHART: CountryChart = {
  default: ["NS1", "MT1", "NP1", "CB1", "CB2", "RS1"],
  CA: [],
  CU: ["*"],
  IR: ["*"],
  KP: ["*"],
  SY: ["*"],
  RU: ["NS1", "NS2", "MT1", "NP1", "NP2", "CB1", "CB2", "RS1", "RS2", "CC1", "AT1"],
  BY: ["NS1", "NS2", "MT1", "NP1", "NP2", "CB1", "CB2", "RS1", "RS2", "CC1", "AT1"],
  CN: ["NS1", "NS2", "MT1", "NP1", "CB1", "CB2", "RS1", "RS2", "CC1"],
};
export const CHART_KEY = "screening.country_chart";
export const getCountryChart = (ctx: Ctx) => getSetting(ctx, CHART_KEY, countryChart, DEFAULT_CHART);

/** Which of the item's reasons for control need a licence to `country`; null when none. */
export function licenceReasons(
  chart: CountryChart,
  country: string,
  eccn: string,
  reasons: readonly string[],
): string[] | null {
  const row = chart[country] ?? chart.default ?? [];
  if (row.includes("*")) return ["embargo"];
  if (eccn === "EAR99") return null;
  const needed = reasons.filter((r) => row.includes(r));
  return needed.length ? needed : null;
}

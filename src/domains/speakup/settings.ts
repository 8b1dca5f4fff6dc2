import { z } from "zod";
import { record } from "../../kernel/audit.ts";
import { type Ctx, hasPermission, withTransaction } from "../../kernel/context.ts";
import { forbidden } from "../../kernel/errors.ts";
import { getSetting, putSetting } from "../../kernel/settings.ts";
import { CATEGORY_IDS, TEAMS } from "./vocabulary.ts";

export const routingRule = z.object({
  label: z.string().trim().min(1).max(200),
  categories: z.array(z.enum(CATEGORY_IDS)).default([]),
  namesSeniorPeople: z.boolean().default(false),
  team: z.enum(TEAMS),
  rule: z.string().max(100).default(""),
});
export type RoutingRule = z.infer<typeof routingRule>;

export const speakupSettings = z.object({
  /** Evaluated in order; the first rule that matches decides; otherwise the Compliance Office. */
  routing: z.array(routingRule).max(50),
  /** EU Directive 2019/1937: acknowledge within 7 days, feedback within 3 months. */
  acknowledgeWithinDays: z.number().int().min(1).max(90),
  feedbackWithinDays: z.number().int().min(7).max(365),
  /** Retaliation watch for identified reporters (COC-21.2). */
  checkInDays: z.array(z.number().int().min(1).max(3650)).max(10),
  /**
   * Retention (COC-15.1): a closed case's sealed content is purged this many years after closure,
   * unless a legal hold covers it. Settings saved before this existed read as the default.
   */
  retentionYearsAfterClosure: z.number().int().min(1).max(100).default(7),
});
export type SpeakupSettings = z.infer<typeof speakupSettings>;

export const DEFAULT_SPEAKUP_SETTINGS: SpeakupSettings = {
  routing: [
    {
      label: "Accounting, internal-control or auditing concern",
      categories: ["accounting"],
      namesSeniorPeople: false,
      team: "audit_committee",
      rule: "SOC-4, SOC-5",
    },
    {
      label: "Names the CEO, a senior officer, the General Counsel or a director",
      categories: [],
      namesSeniorPeople: true,
      team: "audit_committee",
      rule: "SOC-4",
    },
  ],
  acknowledgeWithinDays: 7,
  feedbackWithinDays: 91,
  checkInDays: [30, 90, 180],
  retentionYearsAfterClosure: 7,
};

export const getSpeakupSettings = (ctx: Ctx) =>
  getSetting(ctx, "speakup", speakupSettings, DEFAULT_SPEAKUP_SETTINGS);

export async function updateSpeakupSettings(ctx: Ctx, input: SpeakupSettings): Promise<SpeakupSettings> {
  if (!hasPermission(ctx.actor, "speakup.configure"))
    throw forbidden("You may not configure speak-up (speakup.configure).");
  return withTransaction(ctx, async (tx) => {
    const before = await getSpeakupSettings(tx);
    await putSetting(tx, "speakup", input);
    await record(tx, "speakup.configure", { type: "settings", id: "speakup" }, { before, after: input });
    return input;
  });
}

import { addCalendarDays } from "../../kernel/calendar.ts";
import type { Ctx } from "../../kernel/context.ts";
import { certDb, todayOf } from "./db.ts";
import { launchCampaign } from "./launch-campaign.ts";

export const RECERTIFICATION_DAYS = 30;

/**
 * A new published version of a code launches a re-certification of every template on that code
 * (the standing joiner campaigns move to the new version by themselves).
 */
export async function launchRecertification(
  ctx: Ctx,
  input: { policyVersionId: string; dueDate: string | null },
): Promise<{ campaigns: number }> {
  const db = certDb(ctx);
  const version = await db
    .selectFrom("policy_versions as v")
    .innerJoin("policies as p", "p.id", "v.policy_id")
    .select(["v.id", "v.number", "v.policy_id", "v.status", "p.short_title"])
    .where("v.id", "=", input.policyVersionId)
    .executeTakeFirst();
  if (version?.status !== "published") return { campaigns: 0 };
  const templates = await db
    .selectFrom("cert_templates")
    .select(["id", "name"])
    .where("policy_id", "=", version.policy_id)
    .execute();
  const dueDate = input.dueDate ?? addCalendarDays(todayOf(ctx), RECERTIFICATION_DAYS);
  for (const t of templates) {
    await launchCampaign(
      ctx,
      {
        name: `${t.name}: re-certification of version ${version.number}`,
        templateId: t.id,
        policyVersionId: version.id,
        dueDate,
      },
      "recertification",
    );
  }
  return { campaigns: templates.length };
}

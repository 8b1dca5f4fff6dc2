import { sql } from "kysely";
import { record } from "../../kernel/audit.ts";
import { addCalendarDays } from "../../kernel/calendar.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import type { PolicyAudience } from "../policies/index.ts";
import { audienceWhere } from "./audience.ts";
import { certDb, todayOf } from "./db.ts";
import { insertCampaign, notifyNewAssignments, publishedVersionOf } from "./launch-campaign.ts";
import type { AudienceRule } from "./tables.ts";

/**
 * COC-23.1 / SOC-7: every joiner signs a Certificate of Compliance on joining. A recurring job
 * enrols people hired since the template's joiner programme started into a standing "joiner"
 * campaign of the current published version, due `joiner_days` after their hire date.
 */
export async function enrolJoiners(ctx: Ctx): Promise<{ enrolled: number }> {
  return withTransaction(ctx, async (tx) => {
    const db = certDb(tx);
    const today = todayOf(tx);
    const now = isoNow(tx.clock);
    const templates = await db
      .selectFrom("cert_templates")
      .selectAll()
      .where("joiner_days", "is not", null)
      .execute();
    let enrolled = 0;
    for (const t of templates) {
      const version = await publishedVersionOf(tx, t.policy_id);
      if (!version || !t.joiners_since) continue;
      let campaign = await db
        .selectFrom("cert_campaigns")
        .select(["id"])
        .where("template_id", "=", t.id)
        .where("policy_version_id", "=", version.id)
        .where("kind", "=", "joiner")
        .where("status", "=", "active")
        .executeTakeFirst();
      const audience: AudienceRule = { groups: JSON.parse(t.audience) as PolicyAudience[] };
      const candidates = await db
        .selectFrom("persons as p")
        .leftJoin("users as u", (j) => j.onRef("u.person_id", "=", "p.id").on("u.disabled", "=", 0))
        .select([
          "p.id",
          "p.hire_date",
          "p.legal_entity_id",
          "p.department",
          "p.location_country",
          "p.supervisor_id",
          "u.id as user_id",
        ])
        .where(audienceWhere(audience, today))
        .where("p.hire_date", ">=", t.joiners_since)
        // Anyone already asked to sign this certificate since their hire date is covered.
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom("cert_assignments as a")
                .innerJoin("cert_campaigns as c", "c.id", "a.campaign_id")
                .select(sql.lit(1).as("one"))
                .where("c.template_id", "=", t.id)
                .whereRef("a.person_id", "=", "p.id")
                .whereRef("a.created_at", ">=", "p.hire_date"),
            ),
          ),
        )
        .execute();
      if (candidates.length === 0) continue;
      if (!campaign) {
        campaign = {
          id: await insertCampaign(tx, t, version.id, {
            name: `${t.name}: joiners (version ${version.number})`,
            kind: "joiner",
            audience,
            dueDate: null,
            now,
          }),
        };
      }
      const campaignId = campaign.id;
      const rows = candidates.map((p) => ({
        id: `${campaignId}.${p.id}`,
        campaign_id: campaignId,
        person_id: p.id,
        user_id: p.user_id ?? null,
        legal_entity_id: p.legal_entity_id,
        department: p.department,
        country: p.location_country,
        supervisor_id: p.supervisor_id,
        due_date: addCalendarDays(p.hire_date!, Number(t.joiner_days)),
        status: "pending" as const,
        signed_at: null,
        last_reminder_on: today,
        reminders_sent: 0,
        escalated_at: null,
        created_at: now,
      }));
      for (let i = 0; i < rows.length; i += 200)
        await db
          .insertInto("cert_assignments")
          .values(rows.slice(i, i + 200))
          .execute();
      await db
        .updateTable("cert_campaigns")
        .set((eb) => ({ assigned: eb("assigned", "+", rows.length) }))
        .where("id", "=", campaignId)
        .execute();
      await notifyNewAssignments(tx, { campaignId, title: t.name, dueDate: null, createdAt: now });
      await record(
        tx,
        "certification.joiners",
        { type: "cert_campaign", id: campaignId },
        {
          templateId: t.id,
          enrolled: rows.length,
          personIds: rows.slice(0, 100).map((r) => r.person_id),
        },
      );
      enrolled += rows.length;
    }
    return { enrolled };
  });
}

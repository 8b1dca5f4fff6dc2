import { addCalendarDays } from "../../kernel/calendar.ts";
import { isoDate } from "../../kernel/clock.ts";
import type { Ctx } from "../../kernel/context.ts";
import { seedDemoPolicies } from "../policies/index.ts";
import { DEFAULT_QUESTIONS, defaultStatements } from "./default-template.ts";
import { launchCampaign } from "./launch-campaign.ts";
import { createTemplate } from "./templates.ts";

/**
 * The demo's policy library and certification programme: the two codes, their certificate
 * templates (joiners within 30 days, COC-23.1 / SOC-7) and last year's certificate for the
 * procurement staff, left unsigned so the dashboards show overdue people and the reminder job
 * escalates them to their supervisors. The yearly campaign is left for the compliance officer.
 */
export async function seedCertificationsDemo(ctx: Ctx, log: (line: string) => void = console.log) {
  const policies = await seedDemoPolicies(ctx, log);
  if (!policies) return null;
  const code = await createTemplate(ctx, {
    name: "Certificate of Compliance with the Code of Business Conduct and Ethics",
    policyId: policies.codeId,
    addressedTo: null,
    audience: ["everyone"],
    statements: defaultStatements("Code of Business Conduct and Ethics"),
    questions: DEFAULT_QUESTIONS,
    joinerDays: 30,
  });
  const senior = await createTemplate(ctx, {
    name: "Certificate of Compliance with the Senior Officers Code",
    policyId: policies.seniorId,
    addressedTo: "Audit Committee",
    audience: ["senior_officers", "finance_accounting"],
    statements: defaultStatements("Senior Officers Code"),
    questions: DEFAULT_QUESTIONS.map((q) =>
      q.kind === "violation"
        ? { ...q, text: "Are you aware of any violation of the Senior Officers Code or the Code?" }
        : q,
    ),
    joinerDays: 30,
  });
  // Launched 45 days ago with a 30-day deadline: overdue today.
  const past = new Date(ctx.clock.now().getTime() - 45 * 86_400_000);
  const then = { ...ctx, clock: { now: () => past } };
  const overdue = await launchCampaign(then, {
    name: "Procurement certificate refresh",
    templateId: code.id,
    audience: { groups: ["everyone"], departments: ["Procurement"] },
    dueDate: addCalendarDays(isoDate(past), 30),
  });
  return { codeTemplateId: code.id, seniorTemplateId: senior.id, overdueCampaignId: overdue.id };
}

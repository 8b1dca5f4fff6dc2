import { randomUUID } from "node:crypto";
import { manualClock } from "../../kernel/clock.ts";
import type { Ctx } from "../../kernel/context.ts";
import { acknowledgeCase } from "./acknowledge-case.ts";
import { speakupDb } from "./db.ts";
import { fileReport } from "./file-report.ts";
import { postHandlerMessage } from "./post-handler-message.ts";
import { reportInput } from "./schemas.ts";
import { transitionCase } from "./transition-case.ts";
import {
  type Category,
  type Channel,
  type IdentityMode,
  isPhoneChannel,
  type Outcome,
} from "./vocabulary.ts";

type DemoCase = {
  daysAgo: number;
  category: Category;
  channel: Channel;
  identity: IdentityMode;
  summary: string;
  details: string;
  country: string;
  involved?: string[];
  /** How far the handlers have taken it. */
  stage: "new" | "acknowledged" | "investigation" | "closed";
  outcome?: Outcome;
};

const CASES: DemoCase[] = [
  {
    daysAgo: 2,
    category: "health_safety",
    channel: "web",
    identity: "anonymous",
    summary: "Guard removed from the slitter on line 2",
    details: "The safety guard on the slitter has been off for a week to speed up changeovers.",
    country: "US",
    stage: "new",
  },
  {
    daysAgo: 5,
    category: "accounting",
    channel: "web",
    identity: "anonymous",
    summary: "Quarter-end inventory adjustments without support",
    details:
      "Large manual adjustments to scrap inventory were posted on the last day of the quarter with no count sheets.",
    country: "US",
    involved: ["Thomas Brennan"],
    stage: "acknowledged",
  },
  {
    daysAgo: 9,
    category: "discrimination_harassment",
    channel: "phone_domestic",
    identity: "confidential",
    summary: "Supervisor mocks an employee's accent",
    details: "Repeated comments in shift meetings.",
    country: "US",
    stage: "acknowledged",
  },
  {
    daysAgo: 20,
    category: "bribery",
    channel: "phone_international",
    identity: "anonymous",
    summary: "Customs broker asks for a 'speed fee'",
    details: "A broker in Monterrey asked for cash to release a shipment faster.",
    country: "MX",
    stage: "investigation",
  },
  {
    daysAgo: 34,
    category: "conflicts",
    channel: "web",
    identity: "open",
    summary: "Buyer's brother-in-law owns a scrap supplier",
    details: "The supplier's prices are above market and it was added without a tender.",
    country: "DE",
    stage: "investigation",
  },
  {
    daysAgo: 47,
    category: "environment",
    channel: "web",
    identity: "anonymous",
    summary: "Oily water drained into the storm sewer",
    details: "Happened twice at night near the Koblenz cold mill.",
    country: "DE",
    stage: "closed",
    outcome: "substantiated",
  },
  {
    daysAgo: 61,
    category: "fraud_theft",
    channel: "letter",
    identity: "confidential",
    summary: "Copper cathodes missing from the yard",
    details: "Weigh tickets do not match the receipts.",
    country: "US",
    stage: "closed",
    outcome: "partially_substantiated",
  },
  {
    daysAgo: 75,
    category: "antitrust",
    channel: "web",
    identity: "anonymous",
    summary: "Sales manager discussed price increases with a competitor",
    details: "At a trade association dinner.",
    country: "BE",
    stage: "closed",
    outcome: "unsubstantiated",
  },
  {
    daysAgo: 88,
    category: "health_safety",
    channel: "phone_domestic",
    identity: "anonymous",
    summary: "Forklift with faulty brakes still in use",
    details: "Reported to the shift lead twice.",
    country: "US",
    stage: "closed",
    outcome: "substantiated",
  },
  {
    daysAgo: 103,
    category: "retaliation",
    channel: "web",
    identity: "confidential",
    summary: "Moved to night shift after raising a safety concern",
    details: "Two weeks after my report about the furnace.",
    country: "US",
    stage: "investigation",
  },
  {
    daysAgo: 120,
    category: "insider_trading",
    channel: "web",
    identity: "anonymous",
    summary: "Employee bragging about buying shares before the announcement",
    details: "Heard in the canteen.",
    country: "US",
    stage: "closed",
    outcome: "unsubstantiated",
  },
  {
    daysAgo: 150,
    category: "health_safety",
    channel: "web",
    identity: "anonymous",
    summary: "Emergency exit blocked by coils",
    details: "East exit of the warehouse.",
    country: "CA",
    stage: "closed",
    outcome: "substantiated",
  },
  {
    daysAgo: 170,
    category: "discrimination_harassment",
    channel: "web",
    identity: "anonymous",
    summary: "Offensive messages in the shift group chat",
    details: "Screenshots available.",
    country: "BR",
    stage: "closed",
    outcome: "substantiated",
  },
  {
    daysAgo: 200,
    category: "sanctions_export",
    channel: "web",
    identity: "anonymous",
    summary: "Order shipped via a reseller to a sanctioned country",
    details: "The end user on the invoice looks like a front company.",
    country: "DE",
    stage: "closed",
    outcome: "partially_substantiated",
  },
  {
    daysAgo: 230,
    category: "confidentiality_ip",
    channel: "web",
    identity: "open",
    summary: "Former engineer took alloy recipes to a competitor",
    details: "Files were copied to a USB stick before leaving.",
    country: "CN",
    stage: "closed",
    outcome: "substantiated",
  },
  {
    daysAgo: 260,
    category: "health_safety",
    channel: "phone_international",
    identity: "anonymous",
    summary: "No hearing protection issued to contractors",
    details: "At the Zhenjiang rolling mill.",
    country: "CN",
    stage: "closed",
    outcome: "substantiated",
  },
  {
    daysAgo: 290,
    category: "fraud_theft",
    channel: "web",
    identity: "anonymous",
    summary: "Overtime claimed for shifts not worked",
    details: "Three operators on C shift.",
    country: "US",
    stage: "closed",
    outcome: "substantiated",
  },
  {
    daysAgo: 320,
    category: "other",
    channel: "web",
    identity: "anonymous",
    summary: "Question about accepting a supplier's holiday gift",
    details: "A bottle of wine delivered to my home.",
    country: "US",
    stage: "closed",
    outcome: "unsubstantiated",
  },
  {
    daysAgo: 12,
    category: "conflicts",
    channel: "web",
    identity: "anonymous",
    summary: "CFO's relative hired as a consultant",
    details: "The consulting contract was signed without a tender.",
    country: "US",
    involved: ["Daniel Okafor"],
    stage: "acknowledged",
  },
];

/**
 * The demo's speak-up history: a year of reports across channels, categories and states, so the
 * case list, statistics and the Audit Committee report have something to show.
 */
export async function seedSpeakupDemo(ctx: Ctx): Promise<number> {
  const now = ctx.clock.now().getTime();
  for (const c of CASES) {
    const at = manualClock(new Date(now - c.daysAgo * 86_400_000));
    const dated: Ctx = { ...ctx, clock: at };
    const input = reportInput.parse({
      channel: c.channel,
      category: c.category,
      summary: c.summary,
      details: c.details,
      country: c.country,
      involved: (c.involved ?? []).map((name) => ({ name })),
      identityMode: c.identity,
      identity: c.identity === "anonymous" ? null : { name: "Demo reporter", email: null, phone: null },
      // A caller sets their own password with the one-time code; the demo's callers never did.
      password: isPhoneChannel(c.channel) ? undefined : "demo-reporter",
      idempotencyKey: randomUUID(),
    });
    const filed = await fileReport(dated, input);
    if (c.stage === "new") continue;
    at.advance(2 * 86_400_000);
    await acknowledgeCase(dated, filed.caseId);
    if (c.stage === "acknowledged") continue;
    at.advance(3 * 86_400_000);
    await postHandlerMessage(
      dated,
      filed.caseId,
      "Thank you. Can you tell us when you first noticed this, and who else was present?",
    );
    await transitionCase(dated, filed.caseId, { to: "triage" });
    await transitionCase(dated, filed.caseId, { to: "investigation" });
    if (c.stage === "investigation") continue;
    at.advance(Math.min(c.daysAgo - 6, 30 + (c.daysAgo % 25)) * 86_400_000);
    await transitionCase(dated, filed.caseId, { to: "findings", outcome: c.outcome ?? "unsubstantiated" });
    if (c.outcome !== "unsubstantiated")
      await transitionCase(dated, filed.caseId, { to: "remediation", remediation: ["training"] });
    await transitionCase(dated, filed.caseId, {
      to: "closed",
      closingMessage:
        c.outcome === "unsubstantiated"
          ? "We looked into your report: we interviewed the people concerned and reviewed the records, and could not confirm it. The case is closed; if you learn more, tell us here."
          : "We looked into your report and confirmed it. The people responsible were dealt with and the team was retrained. Thank you for speaking up.",
    });
  }
  // The demo's tasks are about the live cases only.
  const closed = (
    await speakupDb(ctx).selectFrom("speakup_cases").select("id").where("status", "=", "closed").execute()
  ).map((r) => `/speakup/cases/${r.id}`);
  if (closed.length) await speakupDb(ctx).deleteFrom("tasks").where("href", "in", closed).execute();
  return CASES.length;
}

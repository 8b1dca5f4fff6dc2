import { fakerEN_US } from "@faker-js/faker";
import { addBusinessDays, addCalendarDays } from "../../kernel/calendar.ts";
import { isoToday } from "../../kernel/clock.ts";
import type { Ctx } from "../../kernel/context.ts";
import { createUser } from "../people/index.ts";
import { addInvestorUser } from "./add-investor-user.ts";
import { createOffering } from "./create-offering.ts";
import { rxDb } from "./db.ts";
import { recordElection } from "./record-election.ts";
import { recordPayment } from "./record-payment.ts";
import { importRegister } from "./register.ts";
import { updateFacts } from "./update-facts.ts";

export const DEMO_RESTRUCTURING_PASSWORD = "Aleris-demo-2026";
/** Demo accounts of the rights offering (not on the sign-in page, which lists the company's own). */
export const DEMO_RESTRUCTURING_ACCOUNTS = [
  {
    email: "agent@aleris.example",
    name: "Kurtzman Carson (subscription agent)",
    roles: ["subscription_agent"],
    investor: null,
  },
  {
    email: "oaktree@investor.example",
    name: "Scott Graves (Oaktree)",
    roles: ["investor"],
    investor: "oaktree",
  },
  { email: "apollo@investor.example", name: "Eric Press (Apollo)", roles: ["investor"], investor: "apollo" },
  {
    email: "sankaty@investor.example",
    name: "Jeff Robinson (Sankaty)",
    roles: ["investor"],
    investor: "sankaty",
  },
] as const;

// The funds named on the agreement's signature pages hold the investors' Eligible Claims.
const AFFILIATES: [string, string, number][] = [
  ["oaktree", "OCM Opportunities ALS Holdings, L.P.", 61_000_000],
  ["oaktree", "OCM High Yield Plus ALS Holdings, L.P.", 24_500_000],
  ["oaktree", "Oaktree European Credit Opportunities Holdings, Ltd.", 18_250_000],
  ["apollo", "Apollo Investment Fund VII, L.P.", 38_000_000],
  ["apollo", "Apollo Overseas Partners VII, L.P.", 12_400_000],
  ["apollo", "Apollo Investment Fund (PB) VII, L.P.", 3_100_000],
  ["sankaty", "Sankaty Credit Opportunities IV, L.P.", 21_700_000],
];

/**
 * The Aleris rights offering with an illustrative register: the agreement's own figures (3.5% fee,
 * $5,000,000 deduction, 5,000 preferred shares at $1,000, 90% maximum cutback, the investors and
 * their funds) and invented holders, units, prices and backstop percentages where the agreement's
 * schedules are not public. The exercise period runs around today so the portal, the elections and
 * the progress reports can be tried.
 */
export async function seedRestructuringDemo(ctx: Ctx): Promise<void> {
  const exists = await rxDb(ctx).selectFrom("rx_offerings").select("id").limit(1).executeTakeFirst();
  if (exists) return;
  const today = isoToday(ctx.clock);
  const offering = await createOffering(ctx, {
    name: "Aleris rights offering (Plan of Reorganization)",
    unitsOffered: 690_000,
    pricePerUnit: "1000.00",
    sharesPerUnit: 40,
    unitComposition:
      "Each Unit: 40 shares of ACH1 Holding Co. common stock and $65.22 of IntermediateCo Notes ($45,000,000 in aggregate)",
    threshold: "0.6000",
    maximumCutback: "0.90",
    structuringFeeRate: "0.035",
    terminationFeeDeduction: "5000000.00",
    preferredShares: 5000,
    preferredPricePerShare: "1000.00",
    exerciseStart: addCalendarDays(today, -14),
    exerciseEnd: addBusinessDays(today, 8),
    certifyingOfficer: "Sean M. Stack, Executive Vice President and Chief Financial Officer",
    investors: [
      {
        code: "oaktree",
        name: "Oaktree Capital Management, L.P.",
        backstopPercentage: "0.45",
        isThresholdGroup: true,
      },
      {
        code: "apollo",
        name: "Apollo Management VII, L.P.",
        backstopPercentage: "0.40",
        isThresholdGroup: true,
      },
      { code: "sankaty", name: "Sankaty Advisors, LLC", backstopPercentage: "0.15", isThresholdGroup: false },
    ],
  });
  // The agreement's dates follow this offering's own calendar, in the Aleris agreement's intervals
  // (signed 5 February; order by 1 April, final by 15 April; Termination Date 30 June, or 31 October).
  const signed = addCalendarDays(today, -40);
  await updateFacts(ctx, offering.id, {
    signingDate: signed,
    orderDeadline: addCalendarDays(signed, 55),
    finalOrderDeadline: addCalendarDays(signed, 69),
    terminationDate: addCalendarDays(signed, 145),
    extendedTerminationDate: addCalendarDays(signed, 268),
  });

  const f = fakerEN_US;
  f.seed(2010);
  const lines = ["holder_id,name,email,investor,class,amount,plan_shares,rights"];
  let n = 1;
  const id = () => `H${String(n++).padStart(4, "0")}`;
  // The investors' funds hold explicit rights (one per $1,000 of claims), so a later import of more
  // holders only reshares the other holders' rights and never undercuts an investor's election.
  for (const [investor, name, amount] of AFFILIATES) {
    const code = id();
    const euro = investor === "sankaty" ? 0 : Math.round(amount * 0.3);
    const rights = Math.round((amount + euro) / 1000);
    lines.push(`${code},"${name}",,${investor},us_rollup,${amount}.00,${amount / 10},${rights}`);
    if (euro) lines.push(`${code},"${name}",,${investor},eu_rollup,${euro}.00,,${rights}`);
  }
  const kinds = [
    "Credit Fund",
    "Loan Fund",
    "Credit Opportunities",
    "Senior Loan Fund",
    "CLO 2007-1",
    "Distressed Partners",
  ];
  for (let i = 0; i < 48; i++) {
    const code = id();
    const name = `${f.company.name().replace(/[",]/g, "")} ${f.helpers.arrayElement(kinds)}`;
    const email = i === 0 ? "holder@claims.example" : "";
    const klass = f.helpers.arrayElement(["us_rollup", "us_rollup", "eu_rollup", "eu_term"]);
    const amount = f.number.int({ min: 250, max: 9_000 }) * 1000;
    lines.push(`${code},"${name}",${email},,${klass},${amount}.00,${Math.round(amount / 12)},`);
  }
  await importRegister(ctx, offering.id, { csv: `${lines.join("\n")}\n`, dryRun: false });

  // Elections so far: investors' funds exercise everything (ECA-3(a)); others part of their rights.
  const holders = await rxDb(ctx)
    .selectFrom("rx_holders")
    .select(["id", "code", "rights", "investor_id"])
    .where("offering_id", "=", offering.id)
    .orderBy("code")
    .execute();
  // Payments arrive by wire, each with its date and reference; some holders have not paid yet.
  const pay = (h: { id: string; code: string }, units: number, daysAgo: number) =>
    recordPayment(ctx, h.id, {
      kind: "payment",
      amount: `${units * 1000}.00`,
      receivedOn: addCalendarDays(today, -daysAgo),
      reference: `FED-${h.code}-${f.string.numeric(8)}`,
      note: "",
    });
  for (const [i, h] of holders.entries()) {
    const rights = Number(h.rights);
    if (h.investor_id) {
      await recordElection(ctx, h.id, { exercised: rights });
      await pay(h, rights, 3);
      continue;
    }
    if (i % 5 === 4) continue; // not elected yet
    // At most half of the rights, so importing more holders later (which reshares rights) keeps
    // every election within its holder's rights.
    const exercised = Math.floor((rights * f.number.int({ min: 10, max: 50 })) / 100);
    await recordElection(ctx, h.id, { exercised });
    if (i % 3 !== 0 && exercised > 0) await pay(h, i % 7 === 1 ? Math.floor(exercised / 2) : exercised, 2);
  }

  for (const a of DEMO_RESTRUCTURING_ACCOUNTS) {
    const user = await createUser(ctx, {
      email: a.email,
      displayName: a.name,
      personId: null,
      password: DEMO_RESTRUCTURING_PASSWORD,
      roles: [...a.roles],
    });
    const investor = offering.investors.find((x) => x.code === a.investor);
    if (investor) await addInvestorUser(ctx, investor.id, user.id);
  }
}

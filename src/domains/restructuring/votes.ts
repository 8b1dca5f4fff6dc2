import { Decimal } from "decimal.js";
import type { Ctx } from "../../kernel/context.ts";
import { notFound } from "../../kernel/errors.ts";
import { rxDb } from "./db.ts";
import { effectiveBackstops, investorOfActor, loadInvestors } from "./offerings.ts";
import type { VoteStatus } from "./tables.ts";
import type { VoteView } from "./views.ts";

/** ECA-1(aa): Requisite Investors hold 50% or more of the backstop percentage. */
export const REQUISITE = new Decimal("0.5");

export type { VoteView } from "./views.ts";

/** ECA-20: amendments need Oaktree (and the Company, which proposes); section 25 Sankaty's, 26 Apollo's consent. */
export function consentRequired(kind: "waiver" | "amendment", subject: string): string[] {
  const out = new Set<string>();
  if (kind === "amendment") out.add("oaktree");
  if (/^25\b/.test(subject)) out.add("sankaty");
  if (/^26\b/.test(subject)) out.add("apollo");
  return [...out];
}

/**
 * The outcome as soon as it is certain: passed once investors in favour hold ≥ 50% of the backstop
 * percentage (and everyone whose consent is required agreed); refused once that can no longer happen.
 */
export function tally(
  investors: { code: string; backstop: string }[],
  ballots: Map<string, boolean>,
  consentOf: string[],
): { status: VoteStatus; inFavour: Decimal; against: Decimal; outstanding: Decimal; explanation: string } {
  let inFavour = new Decimal(0);
  let against = new Decimal(0);
  let outstanding = new Decimal(0);
  for (const i of investors) {
    const b = ballots.get(i.code);
    if (b === true) inFavour = inFavour.plus(i.backstop);
    else if (b === false) against = against.plus(i.backstop);
    else outstanding = outstanding.plus(i.backstop);
  }
  const refusedConsent = consentOf.filter((c) => ballots.get(c) === false);
  const missingConsent = consentOf.filter((c) => ballots.get(c) !== true);
  const pct = (d: Decimal) => `${d.times(100).toFixed(2)}%`;
  if (inFavour.gte(REQUISITE) && missingConsent.length === 0)
    return {
      status: "passed",
      inFavour,
      against,
      outstanding,
      explanation: `Passed: investors holding ${pct(inFavour)} of the backstop percentage voted in favour, at least the 50% of the Requisite Investors (ECA-1(aa), ECA-20).`,
    };
  if (inFavour.plus(outstanding).lt(REQUISITE) || refusedConsent.length)
    return {
      status: "refused",
      inFavour,
      against,
      outstanding,
      explanation: refusedConsent.length
        ? `Refused: ${refusedConsent.join(", ")} must consent and did not (ECA-20).`
        : `Refused: investors in favour hold ${pct(inFavour)} of the backstop percentage and at most ${pct(inFavour.plus(outstanding))} could; the Requisite Investors need 50% or more (ECA-1(aa)).`,
    };
  return {
    status: "open",
    inFavour,
    against,
    outstanding,
    explanation: `Open: ${pct(inFavour)} in favour; the Requisite Investors need 50% or more of the backstop percentage (ECA-1(aa))${missingConsent.length ? `, with the consent of ${missingConsent.join(", ")} (ECA-20)` : ""}.`,
  };
}

export async function view(ctx: Ctx, voteId: string): Promise<VoteView> {
  const db = rxDb(ctx);
  const v = await db.selectFrom("rx_votes").selectAll().where("id", "=", voteId).executeTakeFirst();
  if (!v) throw notFound("The vote");
  const investors = await loadInvestors(ctx, v.offering_id);
  const effective = effectiveBackstops(investors);
  const ballots = await db.selectFrom("rx_ballots").selectAll().where("vote_id", "=", voteId).execute();
  const byInvestor = new Map(ballots.map((b) => [b.investor_id, b.in_favour === 1]));
  const consentOf = consentRequired(v.kind, v.subject);
  const t = tally(
    investors.map((i) => ({ code: i.code, backstop: effective.get(i.id)! })),
    new Map(investors.filter((i) => byInvestor.has(i.id)).map((i) => [i.code, byInvestor.get(i.id)!])),
    consentOf,
  );
  const mine = await investorOfActor(ctx, v.offering_id);
  return {
    id: v.id,
    kind: v.kind,
    subject: v.subject,
    description: v.description,
    status: v.status,
    createdAt: v.created_at,
    decidedAt: v.decided_at,
    inFavour: t.inFavour.toString(),
    against: t.against.toString(),
    outstanding: t.outstanding.toString(),
    consentOf,
    ballots: investors.map((i) => ({
      investorCode: i.code,
      investorName: i.name,
      backstop: effective.get(i.id)!,
      inFavour: byInvestor.has(i.id) ? byInvestor.get(i.id)! : null,
    })),
    explanation: t.explanation,
    myInvestorCode: mine?.code ?? null,
  };
}

import { Decimal } from "decimal.js";
import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict, forbidden, notFound } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { rxDb } from "./db.ts";
import { effectiveBackstops, investorOfActor, loadInvestors } from "./offerings.ts";
import { authorize, seesAll } from "./policy.ts";
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

async function view(ctx: Ctx, voteId: string): Promise<VoteView> {
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

export async function listVotes(ctx: Ctx, offeringId: string): Promise<VoteView[]> {
  authorize(ctx.actor, "offering.read");
  if (!seesAll(ctx.actor) && !(await investorOfActor(ctx, offeringId))) throw notFound("The offering");
  const rows = await rxDb(ctx)
    .selectFrom("rx_votes")
    .select("id")
    .where("offering_id", "=", offeringId)
    .orderBy("created_at", "desc")
    .execute();
  return Promise.all(rows.map((r) => view(ctx, r.id)));
}

/** The Company proposes a waiver (ECA-11, ECA-20(a)) or an amendment for the investors' vote. */
export async function proposeVote(
  ctx: Ctx,
  offeringId: string,
  input: { kind: "waiver" | "amendment"; subject: string; description: string },
): Promise<VoteView> {
  authorize(ctx.actor, "vote.propose");
  return withTransaction(ctx, async (tx) => {
    const id = newId();
    await rxDb(tx)
      .insertInto("rx_votes")
      .values({
        id,
        offering_id: offeringId,
        kind: input.kind,
        subject: input.subject,
        description: input.description,
        status: "open",
        created_at: isoNow(tx.clock),
        created_by: tx.actor.label,
        decided_at: null,
      })
      .execute();
    await record(tx, "vote.propose", { type: "vote", id }, { offeringId, ...input });
    return view(tx, id);
  });
}

/** An investor casts its ballot; the vote is decided as soon as the outcome is certain. */
export async function castBallot(ctx: Ctx, voteId: string, inFavour: boolean): Promise<VoteView> {
  authorize(ctx.actor, "vote.cast");
  return withTransaction(ctx, async (tx) => {
    const db = rxDb(tx);
    const v = await db.selectFrom("rx_votes").selectAll().where("id", "=", voteId).executeTakeFirst();
    if (!v) throw notFound("The vote");
    const mine = await investorOfActor(tx, v.offering_id);
    if (!mine) throw forbidden("Only an investor in this offering votes.");
    if (v.status !== "open") throw conflict(`This vote is already ${v.status}.`);
    if (mine.withdrawn_at)
      throw conflict(`${mine.name} withdrew its commitment and holds no backstop percentage (ECA-26).`);
    const now = isoNow(tx.clock);
    const existing = await db
      .selectFrom("rx_ballots")
      .select("vote_id")
      .where("vote_id", "=", voteId)
      .where("investor_id", "=", mine.id)
      .executeTakeFirst();
    if (existing) throw conflict(`${mine.name} has already voted.`);
    await db
      .insertInto("rx_ballots")
      .values({
        vote_id: voteId,
        investor_id: mine.id,
        in_favour: inFavour ? 1 : 0,
        cast_by: tx.actor.label,
        cast_at: now,
      })
      .execute();
    const after = await view(tx, voteId);
    const t = tally(
      after.ballots.map((b) => ({ code: b.investorCode, backstop: b.backstop })),
      new Map(after.ballots.filter((b) => b.inFavour !== null).map((b) => [b.investorCode, b.inFavour!])),
      after.consentOf,
    );
    if (t.status !== "open") {
      await db
        .updateTable("rx_votes")
        .set({ status: t.status, decided_at: now })
        .where("id", "=", voteId)
        .execute();
      // A passed waiver of a condition precedent marks it waived (ECA-11).
      const cond = /^11\(([a-n])\)$/.exec(v.subject);
      if (t.status === "passed" && v.kind === "waiver" && cond)
        await db
          .updateTable("rx_conditions")
          .set({
            status: "waived",
            evidence: `Waived by the Requisite Investors: ${t.explanation}`,
            updated_at: now,
            updated_by: tx.actor.label,
          })
          .where("offering_id", "=", v.offering_id)
          .where("code", "=", cond[1]!)
          .execute();
    }
    await record(
      tx,
      "vote.cast",
      { type: "vote", id: voteId },
      { investor: mine.code, inFavour, outcome: t.status },
    );
    return view(tx, voteId);
  });
}

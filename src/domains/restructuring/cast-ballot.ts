import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict, forbidden, notFound } from "../../kernel/errors.ts";
import { rxDb } from "./db.ts";
import { investorOfActor } from "./offerings.ts";
import { authorize } from "./policy.ts";
import type { VoteView } from "./views.ts";
import { tally, view } from "./votes.ts";

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

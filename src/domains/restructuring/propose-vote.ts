import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { newId } from "../../kernel/ids.ts";
import { rxDb } from "./db.ts";
import { authorize } from "./policy.ts";
import type { VoteView } from "./views.ts";
import { view } from "./votes.ts";

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

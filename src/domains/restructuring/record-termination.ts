// Conditions precedent, deadlines, termination events, use of proceeds and progress reports:
// the read-and-record use cases around the allocation.
import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict, invalid } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { centsText } from "./allocate-offering.ts";
import { col, rxDb } from "./db.ts";
import { TERMINATION_EVENTS, terminationFeeOwed } from "./deadlines.ts";
import { feesOf, loadOffering } from "./offerings.ts";
import { auditMoney } from "./payment-match.ts";
import { authorize } from "./policy.ts";
import type { Facts } from "./schemas.ts";
import type { TerminationView } from "./views.ts";

/** Records a termination event and whether it owes the Termination Fee (ECA-19, ECA-2(d)). */
export async function recordTermination(
  ctx: Ctx,
  offeringId: string,
  input: { event: string; occurredOn: string; note: string; minimumBackstopPartiesReady: boolean },
): Promise<TerminationView> {
  authorize(ctx.actor, "termination.record");
  const known = TERMINATION_EVENTS.find((t) => t.code === input.event);
  if (!known)
    throw invalid(`"${input.event}" is not a termination event of section 19.`, [
      { path: "event", message: `use one of ${TERMINATION_EVENTS.map((t) => t.code).join(", ")}` },
    ]);
  return withTransaction(ctx, async (tx) => {
    const o = await loadOffering(tx, offeringId);
    const earlier = await rxDb(tx)
      .selectFrom("rx_terminations")
      .select(["event", "occurred_on"])
      .where("offering_id", "=", offeringId)
      .executeTakeFirst();
    if (earlier)
      throw conflict(
        `The agreement was already terminated under section ${earlier.event} on ${earlier.occurred_on} (ECA-19).`,
      );
    const facts = JSON.parse(o.facts) as Facts;
    const owed = terminationFeeOwed(
      input.event,
      input.minimumBackstopPartiesReady,
      Boolean(facts.disclosureStatementOrderDate),
    );
    const fee = owed ? feesOf(o).terminationCents : 0n;
    const id = newId();
    const now = isoNow(tx.clock);
    await rxDb(tx)
      .insertInto("rx_terminations")
      .values({
        id,
        offering_id: offeringId,
        event: input.event,
        occurred_on: input.occurredOn,
        fee_owed: owed ? 1 : 0,
        fee_cents: col(fee),
        note: input.note,
        recorded_by: tx.actor.label,
        recorded_at: now,
      })
      .execute();
    await record(
      tx,
      "termination.record",
      { type: "offering", id: offeringId },
      { ...input, feeOwed: owed, fee: auditMoney(fee) },
    );
    return {
      id,
      event: input.event,
      label: known.label,
      occurredOn: input.occurredOn,
      feeOwed: owed,
      fee: centsText(fee),
      note: input.note,
      recordedAt: now,
    };
  });
}

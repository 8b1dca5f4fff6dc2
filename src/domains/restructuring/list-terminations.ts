import type { Ctx } from "../../kernel/context.ts";
import { centsText } from "./allocate-offering.ts";
import { big, rxDb } from "./db.ts";
import { TERMINATION_EVENTS } from "./deadlines.ts";
import { readable } from "./oversight.ts";
import type { TerminationsView, TerminationView } from "./views.ts";

export async function listTerminations(ctx: Ctx, offeringId: string): Promise<TerminationsView> {
  await readable(ctx, offeringId);
  const rows = await rxDb(ctx)
    .selectFrom("rx_terminations")
    .selectAll()
    .where("offering_id", "=", offeringId)
    .orderBy("recorded_at")
    .execute();
  return {
    events: TERMINATION_EVENTS,
    recorded: rows.map(
      (r): TerminationView => ({
        id: r.id,
        event: r.event,
        label: TERMINATION_EVENTS.find((t) => t.code === r.event)?.label ?? r.event,
        occurredOn: r.occurred_on,
        feeOwed: r.fee_owed === 1,
        fee: centsText(big(r.fee_cents)),
        note: r.note,
        recordedAt: r.recorded_at,
      }),
    ),
  };
}

import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { load, toCounterparty, toFields } from "./counterparties.ts";
import { screeningDb } from "./db.ts";
import { getCounterparty } from "./get-counterparty.ts";
import { checkLegalEntities } from "./legal-entities.ts";
import { authorize } from "./policy.ts";
import type { CounterpartyInput, CounterpartyPatch } from "./schemas.ts";
import { fingerprintOf, screenCounterparty } from "./screen-counterparty.ts";
import type { CounterpartyDetail } from "./views.ts";

/** Changes a counterparty; a change to a screened field re-screens it. */
export async function updateCounterparty(
  ctx: Ctx,
  id: string,
  patch: CounterpartyPatch,
): Promise<CounterpartyDetail> {
  authorize(ctx.actor, "counterparty.update");
  return withTransaction(ctx, async (tx) => {
    if (patch.legalEntityId) await checkLegalEntities(tx, [patch.legalEntityId], "legalEntityId");
    const current = toCounterparty(await load(tx, id));
    const merged = {
      ...current,
      ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
    } as CounterpartyInput;
    const fields = toFields(merged);
    const before = await load(tx, id);
    const changes = Object.fromEntries(
      Object.entries(fields)
        .filter(([k, v]) => (before as Record<string, unknown>)[k] !== v)
        .map(([k, v]) => [k, { from: (before as Record<string, unknown>)[k], to: v }]),
    );
    if (!Object.keys(changes).length) return getCounterparty(tx, id);
    const fingerprint = fingerprintOf(fields);
    await screeningDb(tx)
      .updateTable("counterparties")
      .set({ ...fields, fingerprint, updated_at: isoNow(tx.clock) })
      .where("id", "=", id)
      .execute();
    await record(tx, "counterparty.update", { type: "counterparty", id }, { changes });
    // Another legal entity screens other lists (COC-18.1).
    if (fingerprint !== before.fingerprint || fields.legal_entity_id !== before.legal_entity_id)
      await screenCounterparty(tx, await load(tx, id), "change");
    return getCounterparty(tx, id);
  });
}

import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { newId } from "../../kernel/ids.ts";
import { toFields } from "./counterparties.ts";
import { screeningDb } from "./db.ts";
import { getCounterparty } from "./get-counterparty.ts";
import { checkLegalEntities } from "./legal-entities.ts";
import { authorize } from "./policy.ts";
import type { CounterpartyInput } from "./schemas.ts";
import { fingerprintOf, screenCounterparty } from "./screen-counterparty.ts";
import type { CounterpartiesTable } from "./tables.ts";
import type { CounterpartyDetail } from "./views.ts";

/** Creates a counterparty and screens it at once (COC-18.1). */
export async function createCounterparty(ctx: Ctx, input: CounterpartyInput): Promise<CounterpartyDetail> {
  authorize(ctx.actor, "counterparty.create");
  return withTransaction(ctx, async (tx) => {
    if (input.legalEntityId) await checkLegalEntities(tx, [input.legalEntityId], "legalEntityId");
    const id = newId();
    const now = isoNow(tx.clock);
    const fields = toFields(input);
    const row: CounterpartiesTable = {
      id,
      ...fields,
      status: "unscreened",
      fingerprint: fingerprintOf(fields),
      last_screening_id: null,
      created_at: now,
      updated_at: now,
    };
    await screeningDb(tx).insertInto("counterparties").values(row).execute();
    await record(tx, "counterparty.create", { type: "counterparty", id }, { ...fields });
    await screenCounterparty(tx, row, "create");
    return getCounterparty(tx, id);
  });
}

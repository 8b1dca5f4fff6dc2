import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { invalid, notFound } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { load } from "./counterparties.ts";
import { screeningDb } from "./db.ts";
import { getCounterparty } from "./get-counterparty.ts";
import { authorize } from "./policy.ts";
import { rescreenOwned } from "./rescreen-owned.ts";
import type { OwnershipInput } from "./schemas.ts";
import { screenCounterparty } from "./screen-counterparty.ts";
import type { CounterpartyDetail } from "./views.ts";

/**
 * Records that a list entry or another counterparty owns `percentage` % of a counterparty, and
 * screens it again: owned 50 % or more by blocked persons, alone or together, it is blocked
 * (OFAC 50 % rule; EU ownership and control; COC-18.1), and so is what it owns in turn.
 */
export async function addOwnership(ctx: Ctx, id: string, input: OwnershipInput): Promise<CounterpartyDetail> {
  authorize(ctx.actor, "counterparty.update");
  return withTransaction(ctx, async (tx) => {
    const db = screeningDb(tx);
    const party = await load(tx, id);
    if (input.ownerCounterpartyId) {
      if (input.ownerCounterpartyId === id)
        throw invalid("A counterparty cannot own itself.", [
          { path: "ownerCounterpartyId", message: "is this counterparty" },
        ]);
      const owner = await db
        .selectFrom("counterparties")
        .select("id")
        .where("id", "=", input.ownerCounterpartyId)
        .executeTakeFirst();
      if (!owner)
        throw invalid("The owner is not a known counterparty.", [
          { path: "ownerCounterpartyId", message: "is not a known counterparty" },
        ]);
    }
    const existing = await db
      .selectFrom("screening_ownerships")
      .select("percentage")
      .where("counterparty_id", "=", id)
      .execute();
    const total = existing.reduce((n, r) => n + Number(r.percentage), 0) + input.percentage;
    if (total > 100.0001)
      throw invalid(
        `The owners would hold ${Math.round(total * 100) / 100} % of ${party.name}: at most 100 %.`,
        [{ path: "percentage", message: "makes the owners hold more than 100 %" }],
      );
    const row = {
      id: newId(),
      counterparty_id: id,
      owner_counterparty_id: input.ownerCounterpartyId ?? null,
      owner_entity_id: input.ownerEntityId ?? null,
      owner_name: input.ownerName,
      percentage: input.percentage,
      created_by: tx.actor.label,
      created_at: isoNow(tx.clock),
    };
    await db.insertInto("screening_ownerships").values(row).execute();
    await record(
      tx,
      "counterparty.owner.add",
      { type: "counterparty", id },
      { ...row, id: undefined, ownershipId: row.id },
    );
    await screenCounterparty(tx, await load(tx, id), "change");
    await rescreenOwned(tx, id, "change");
    return getCounterparty(tx, id);
  });
}

/** Removes an ownership a user entered, and screens the counterparty (and what it owns) again. */
export async function removeOwnership(
  ctx: Ctx,
  id: string,
  ownershipId: string,
): Promise<CounterpartyDetail> {
  authorize(ctx.actor, "counterparty.update");
  return withTransaction(ctx, async (tx) => {
    const db = screeningDb(tx);
    const row = await db
      .selectFrom("screening_ownerships")
      .selectAll()
      .where("id", "=", ownershipId)
      .where("counterparty_id", "=", id)
      .executeTakeFirst();
    if (!row) throw notFound("The ownership");
    await db.deleteFrom("screening_ownerships").where("id", "=", ownershipId).execute();
    await record(
      tx,
      "counterparty.owner.remove",
      { type: "counterparty", id },
      { ownershipId, ...row, id: undefined },
    );
    await screenCounterparty(tx, await load(tx, id), "change");
    await rescreenOwned(tx, id, "change");
    return getCounterparty(tx, id);
  });
}

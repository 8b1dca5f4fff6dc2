import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { invalid, notFound } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { formatMoney, parseMoney } from "../../kernel/money.ts";
import { centsText } from "./allocate-offering.ts";
import { big, col, int, rxDb } from "./db.ts";
import { today } from "./elections.ts";
import { allottedUnits } from "./get-allocation.ts";
import { loadOffering } from "./offerings.ts";
import { auditMoney, matchPayment } from "./payment-match.ts";
import { authorize } from "./policy.ts";
import { toHolderView } from "./register.ts";
import type { PaymentInput } from "./schemas.ts";
import type { HolderView, PaymentView } from "./views.ts";

/**
 * The subscription agent records a payment received from a holder (or a refund sent to it), with
 * its amount, the day it arrived and the wire reference. The holder's paid amount is the ledger's
 * sum; it is matched against what the holder owes (ECA-3(a)), so partial, over- and under-payments
 * and the refund of a cut-back amount (ECA-2(b)) show on the register.
 */
export async function recordPayment(ctx: Ctx, holderId: string, input: PaymentInput): Promise<HolderView> {
  authorize(ctx.actor, "payment.record");
  return withTransaction(ctx, async (tx) => {
    const db = rxDb(tx);
    const h = await db.selectFrom("rx_holders").selectAll().where("id", "=", holderId).executeTakeFirst();
    if (!h) throw notFound("The holder");
    const o = await loadOffering(tx, h.offering_id);
    const amount = parseMoney(input.amount);
    if (amount <= 0n)
      throw invalid("A payment is more than zero.", [{ path: "amount", message: "must be more than zero" }]);
    const d = today(tx);
    if (input.receivedOn > d)
      throw invalid(`A payment cannot be dated after today (${d}).`, [
        { path: "receivedOn", message: `is after today (${d})` },
      ]);
    const paid = big(h.payment_cents);
    if (input.kind === "refund" && amount > paid)
      throw invalid(
        `Holder ${h.code} has paid ${formatMoney(paid)}; a refund of ${formatMoney(amount)} would be more than that.`,
        [{ path: "amount", message: `is more than the ${formatMoney(paid)} paid` }],
      );
    const now = isoNow(tx.clock);
    await db
      .insertInto("rx_payments")
      .values({
        id: newId(),
        offering_id: h.offering_id,
        holder_id: h.id,
        kind: input.kind,
        amount_cents: col(amount),
        received_on: input.receivedOn,
        reference: input.reference,
        note: input.note,
        recorded_by: tx.actor.label,
        recorded_at: now,
      })
      .execute();
    const net = input.kind === "refund" ? paid - amount : paid + amount;
    await db
      .updateTable("rx_holders")
      .set({ payment_cents: col(net), updated_at: now })
      .where("id", "=", h.id)
      .execute();
    const allotted = await allottedUnits(tx, o.id);
    const finalUnits = allotted?.get(h.code) ?? null;
    const price = big(o.price_per_unit_cents);
    const m = matchPayment({ exercised: int(h.exercised), finalUnits, priceCents: price, paidCents: net });
    await record(
      tx,
      "payment.record",
      { type: "holder", id: h.id },
      {
        holder: h.code,
        kind: input.kind,
        amount: auditMoney(amount),
        receivedOn: input.receivedOn,
        reference: input.reference,
        paid: auditMoney(net),
        owed: auditMoney(m.owedCents),
        refund: auditMoney(m.refundCents),
        status: m.status,
      },
    );
    const row = await db
      .selectFrom("rx_holders as h")
      .leftJoin("rx_investors as i", "i.id", "h.investor_id")
      .selectAll("h")
      .select("i.code as investor_code")
      .where("h.id", "=", h.id)
      .executeTakeFirstOrThrow();
    return toHolderView(row, row.investor_code, price, finalUnits);
  });
}

/** A holder's payments and refunds, oldest first. */
export async function listPayments(ctx: Ctx, holderId: string): Promise<PaymentView[]> {
  authorize(ctx.actor, "register.read");
  const rows = await rxDb(ctx)
    .selectFrom("rx_payments")
    .selectAll()
    .where("holder_id", "=", holderId)
    .orderBy("received_on")
    .orderBy("recorded_at")
    .execute();
  return rows.map((p) => ({
    id: p.id,
    kind: p.kind,
    amount: centsText(big(p.amount_cents)),
    receivedOn: p.received_on,
    reference: p.reference,
    note: p.note,
    recordedBy: p.recorded_by,
    recordedAt: p.recorded_at,
  }));
}

import type { Ctx } from "../../kernel/context.ts";
import { discDb } from "./db.ts";
import { can } from "./policy.ts";
import type { HoldList } from "./views.ts";

/** Legal's list of holds, or a custodian's own holds. */
export async function listHolds(ctx: Ctx): Promise<HoldList> {
  const a = ctx.actor;
  const manager = can(a, "legal_hold.manage");
  let q = discDb(ctx)
    .selectFrom("legal_holds as h")
    .selectAll("h")
    .select((eb) => [
      eb
        .selectFrom("legal_hold_custodians as c")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("c.hold_id", "=", "h.id")
        .as("custodians"),
      eb
        .selectFrom("legal_hold_custodians as c")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("c.hold_id", "=", "h.id")
        .where("c.acknowledged_at", "is not", null)
        .as("acknowledged"),
    ]);
  if (!manager) {
    const personId = a.kind === "user" ? (a.personId ?? "") : "";
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom("legal_hold_custodians as c")
          .select("c.hold_id")
          .whereRef("c.hold_id", "=", "h.id")
          .where("c.person_id", "=", personId),
      ),
    );
  }
  const rows = await q.orderBy("h.issued_at", "desc").limit(500).execute();
  return {
    items: rows.map((h) => ({
      id: h.id,
      number: h.number,
      matter: h.matter,
      status: h.status,
      issuedAt: h.issued_at,
      releasedAt: h.released_at,
      nextRenoticeOn: h.next_renotice_at.slice(0, 10),
      custodians: Number(h.custodians ?? 0),
      acknowledged: Number(h.acknowledged ?? 0),
    })),
    can: { issue: manager },
  };
}

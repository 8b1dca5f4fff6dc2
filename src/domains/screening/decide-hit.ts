import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict, notFound } from "../../kernel/errors.ts";
import { ensureTask } from "../../kernel/tasks.ts";
import { recipients } from "../people/index.ts";
import { toHit } from "./counterparties.ts";
import { screeningDb } from "./db.ts";
import { listLabel } from "./lists/read-list.ts";
import { authorize } from "./policy.ts";
import { rescreenOwned } from "./rescreen-owned.ts";
import type { HitDecision } from "./schemas.ts";
import type { hitDecisionView, View } from "./views.ts";

/**
 * A reviewer's decision on a hit. A false positive is remembered for this party and list entry
 * until either changes; a true match of a sanctions or ownership hit blocks the counterparty and
 * escalates to Legal (a task for every General Counsel), and what the party owns is screened again
 * (50 % rule) — COC-18.1. A confirmed PEP is not blocked: the party needs enhanced due diligence,
 * a task for every compliance officer.
 */
export async function decideHit(
  ctx: Ctx,
  hitId: string,
  input: HitDecision,
): Promise<View<typeof hitDecisionView>> {
  authorize(ctx.actor, "hit.decide");
  return withTransaction(ctx, async (tx) => {
    const db = screeningDb(tx);
    const hit = await db.selectFrom("screening_hits").selectAll().where("id", "=", hitId).executeTakeFirst();
    if (!hit) throw notFound("The hit");
    if (hit.status !== "open")
      throw conflict(`This hit was already decided (${hit.status.replace("_", " ")}).`);
    const party = await db
      .selectFrom("counterparties")
      .selectAll()
      .where("id", "=", hit.counterparty_id)
      .executeTakeFirstOrThrow();
    const now = isoNow(tx.clock);
    const by = tx.actor.label;
    await db
      .updateTable("screening_hits")
      .set({ status: input.decision, reason: input.reason, decided_by: by, decided_at: now })
      .where("id", "=", hitId)
      .execute();
    if (input.decision === "false_positive") {
      await db
        .deleteFrom("screening_decisions")
        .where("counterparty_id", "=", party.id)
        .where("entity_id", "=", hit.entity_id)
        .execute();
      await db
        .insertInto("screening_decisions")
        .values({
          counterparty_id: party.id,
          entity_id: hit.entity_id,
          counterparty_fingerprint: party.fingerprint,
          entry_hash: hit.entry_hash,
          reason: input.reason,
          decided_by: by,
          decided_at: now,
        })
        .execute();
    }
    const remaining = await db
      .selectFrom("screening_hits")
      .select(["id", "status", "kind", "list_source"])
      .where("counterparty_id", "=", party.id)
      .where("status", "in", ["open", "true_match"])
      .execute();
    const open = remaining.filter((h) => h.status === "open");
    // Blocked by a confirmed sanctions or ownership match, or by the ownership users entered.
    const blocked = remaining.some(
      (h) =>
        (h.status === "true_match" && h.kind !== "pep") ||
        (h.status === "open" && h.kind === "ownership" && h.list_source === "ownership"),
    );
    const status = blocked ? "blocked" : open.length ? "review" : "clear";
    await db.updateTable("counterparties").set({ status }).where("id", "=", party.id).execute();
    if (party.last_screening_id) {
      await db
        .updateTable("screenings")
        .set({
          status: status === "blocked" ? "blocked" : open.length ? "hits" : "clear",
          hit_count: open.length,
        })
        .where("id", "=", party.last_screening_id)
        .execute();
    }
    if (input.decision === "true_match" && hit.kind === "pep") {
      for (const u of await recipients(tx, { roles: ["compliance_officer"] })) {
        await ensureTask(
          tx,
          {
            userId: u.userId,
            kind: "screening.edd",
            title: `Enhanced due diligence: ${party.name} is a politically exposed person (${hit.list_name}, ${listLabel(hit.list_source)} entry ${hit.entity_id}); not a block (COC-18.1)`,
            href: `/screening/counterparties/${party.id}`,
          },
          { dedupe: "none" },
        );
      }
    } else if (input.decision === "true_match") {
      // The General Counsel's enabled accounts: a disabled one gets no task.
      for (const u of await recipients(tx, { roles: ["general_counsel"] })) {
        await ensureTask(
          tx,
          {
            userId: u.userId,
            kind: "screening.escalation",
            title:
              hit.kind === "ownership"
                ? `Blocked by ownership: ${party.name} is owned 50 % or more by blocked persons (${hit.list_name}); counterparty blocked (COC-18.1)`
                : `Sanctions true match: ${party.name} is ${hit.list_name} (${hit.list_source === "ofac-sdn" ? "SDN" : listLabel(hit.list_source)} entry ${hit.entity_id}); counterparty blocked (COC-18.1)`,
            href: `/screening/counterparties/${party.id}`,
          },
          { dedupe: "none" },
        );
      }
    }
    await record(
      tx,
      "hit.decide",
      { type: "counterparty", id: party.id },
      {
        hitId,
        entityId: hit.entity_id,
        list: hit.list_source,
        kind: hit.kind,
        decision: input.decision,
        reason: input.reason,
        status,
      },
    );
    // What the party owns may now be blocked by ownership, or no longer be.
    if (status !== party.status) await rescreenOwned(tx, party.id, "change");
    return {
      ...toHit({ ...hit, status: input.decision, reason: input.reason, decided_by: by, decided_at: now }),
      counterpartyStatus: status,
    };
  });
}

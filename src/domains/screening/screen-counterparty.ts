import { createHash } from "node:crypto";
import { recordMany } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { newId } from "../../kernel/ids.ts";
import { screeningDb } from "./db.ts";
import { currentList } from "./list-cache.ts";
import type { CounterpartiesTable, CounterpartyStatus } from "./tables.ts";

export type Trigger = "create" | "change" | "list" | "manual";

/** The fields that screening looks at: a false positive is remembered until one of them changes. */
export function fingerprintOf(
  c: Pick<
    CounterpartiesTable,
    "name" | "aliases" | "party_type" | "country" | "date_of_birth" | "identifiers"
  >,
): string {
  return createHash("sha256")
    .update(JSON.stringify([c.name, c.aliases, c.party_type, c.country, c.date_of_birth, c.identifiers]))
    .digest("hex")
    .slice(0, 32);
}

/**
 * Screens one counterparty against the current list, inside the caller's transaction. Hits that a
 * reviewer already dismissed for the same party fields and the same list entry are kept as
 * "remembered" and do not alert; a party confirmed as a true match stays blocked.
 */
export async function screenCounterparty(
  ctx: Ctx,
  party: CounterpartiesTable,
  trigger: Trigger,
): Promise<{ status: CounterpartyStatus; hits: number }> {
  const db = screeningDb(ctx);
  const list = await currentList(ctx);
  const now = isoNow(ctx.clock);
  const screeningId = newId();
  if (!list) {
    await db.updateTable("counterparties").set({ status: "unscreened" }).where("id", "=", party.id).execute();
    return { status: "unscreened", hits: 0 };
  }
  const hits = list.index.screen({
    name: party.name,
    aliases: JSON.parse(party.aliases) as string[],
    type: party.party_type as "person",
    country: party.country,
    dateOfBirth: party.date_of_birth,
    identifiers: JSON.parse(party.identifiers) as { type: string; number: string }[],
  });
  const decisions = await db
    .selectFrom("screening_decisions")
    .selectAll()
    .where("counterparty_id", "=", party.id)
    .execute();
  const wasBlocked = party.status === "blocked";
  let open = 0;
  const rows = hits.map((h) => {
    const entryHash = list.hashes.get(h.entityId) ?? "";
    const d = decisions.find((x) => x.entity_id === h.entityId);
    const remembered = d && d.counterparty_fingerprint === party.fingerprint && d.entry_hash === entryHash;
    if (!remembered) open++;
    return {
      id: newId(),
      screening_id: screeningId,
      counterparty_id: party.id,
      entity_id: h.entityId,
      entry_hash: entryHash,
      list_name: h.name,
      matched_name: h.matchedName,
      programs: JSON.stringify(h.programs),
      score: h.score,
      explanation: JSON.stringify(h.explanation),
      status: remembered ? ("remembered" as const) : ("open" as const),
      reason: remembered ? d.reason : null,
      decided_by: remembered ? d.decided_by : null,
      decided_at: remembered ? d.decided_at : null,
      created_at: now,
    };
  });
  // Earlier open hits are superseded by this screening's.
  await db
    .deleteFrom("screening_hits")
    .where("counterparty_id", "=", party.id)
    .where("status", "=", "open")
    .execute();
  const status: CounterpartyStatus = wasBlocked ? "blocked" : open ? "review" : "clear";
  await db
    .insertInto("screenings")
    .values({
      id: screeningId,
      counterparty_id: party.id,
      list_version_id: list.versionId,
      trigger,
      status: wasBlocked ? "blocked" : open ? "hits" : "clear",
      hit_count: open,
      screened_at: now,
    })
    .execute();
  if (rows.length) await db.insertInto("screening_hits").values(rows).execute();
  await db
    .updateTable("counterparties")
    .set({ status, last_screening_id: screeningId })
    .where("id", "=", party.id)
    .execute();
  await recordMany(ctx, [
    {
      action: "counterparty.screen",
      subject: { type: "counterparty", id: party.id },
      payload: {
        trigger,
        listVersionId: list.versionId,
        status,
        openHits: rows
          .filter((r) => r.status === "open")
          .map((r) => ({ entityId: r.entity_id, score: r.score })),
        remembered: rows.filter((r) => r.status === "remembered").map((r) => r.entity_id),
      },
    },
  ]);
  return { status, hits: open };
}

/** The `screening.rescreen` job: every counterparty against the new list version (COC-18.1). */
export async function rescreenAll(ctx: Ctx): Promise<number> {
  const db = screeningDb(ctx);
  const parties = await db.selectFrom("counterparties").selectAll().orderBy("id").execute();
  for (let i = 0; i < parties.length; i += 200) {
    const batch = parties.slice(i, i + 200);
    await withTransaction(ctx, async (tx) => {
      for (const p of batch) await screenCounterparty(tx, p, "list");
    });
  }
  return parties.length;
}

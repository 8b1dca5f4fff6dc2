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
      list_source: list.sources.get(h.entityId) ?? "ofac-sdn",
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
      list_version_ids: list.versionIds.join(","),
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
        listVersionIds: list.versionIds,
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

/**
 * The `screening.rescreen` job: every counterparty against the current lists (COC-18.1), in
 * batches of 200 parties per transaction, read by keyset so memory stays flat however many there
 * are. A party already screened against the current versions (by a newer import's job, or on
 * change) is skipped, so a retried job resumes where it stopped.
 */
export async function rescreenAll(
  ctx: Ctx,
  options: {
    batchSize?: number /** Screen everyone, even those already screened against the current lists. */;
    force?: boolean;
  } = {},
): Promise<number> {
  const batchSize = options.batchSize ?? 200;
  const db = screeningDb(ctx);
  let after = "";
  let screened = 0;
  for (;;) {
    const batch = await db
      .selectFrom("counterparties as c")
      .leftJoin("screenings as s", "s.id", "c.last_screening_id")
      .selectAll("c")
      .select("s.list_version_ids")
      .where("c.id", ">", after)
      .orderBy("c.id")
      .limit(batchSize)
      .execute();
    if (!batch.length) return screened;
    after = batch[batch.length - 1]!.id;
    await withTransaction(ctx, async (tx) => {
      const list = await currentList(tx);
      const current = list?.versionIds.join(",");
      for (const { list_version_ids, ...party } of batch) {
        if (!options.force && current && list_version_ids === current) continue;
        await screenCounterparty(tx, party, "list");
        screened++;
      }
    });
  }
}

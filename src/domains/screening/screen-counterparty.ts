import { createHash } from "node:crypto";
import { recordMany } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { newId } from "../../kernel/ids.ts";
import { screeningDb } from "./db.ts";
import { getEnabledLists, listsOf } from "./enabled-lists.ts";
import { type CurrentList, currentList } from "./list-cache.ts";
import { ownershipOf } from "./ownership-of-party.ts";
import type { CounterpartiesTable, CounterpartyStatus, HitKind } from "./tables.ts";

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

/** The current versions of the lists a party's legal entity screens against, as a screening records them. */
export const versionsFor = (list: CurrentList, sources: readonly string[]) =>
  list
    .select(sources)
    .map((l) => l.versionId)
    .join(",");

/**
 * Screens one counterparty against the current version of every list its legal entity screens
 * (all lists when none is chosen), inside the caller's transaction. Each hit names its list and
 * programmes and is a sanctions match, a PEP (enhanced due diligence, not a block) or a block
 * through ownership: a party that the ownership users entered shows as owned 50 % or more by
 * blocked persons is blocked at once (OFAC 50 % rule; EU ownership and control), with the chain.
 * Hits that a reviewer already dismissed for the same party fields and the same list entry are
 * kept as "remembered" and do not alert; a party confirmed as a true match stays blocked.
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
  const sources = listsOf(await getEnabledLists(ctx), party.legal_entity_id);
  const lists = list?.select(sources) ?? [];
  if (!list || !lists.length) {
    await db.updateTable("counterparties").set({ status: "unscreened" }).where("id", "=", party.id).execute();
    return { status: "unscreened", hits: 0 };
  }
  const hits = list.screen(
    {
      name: party.name,
      aliases: JSON.parse(party.aliases) as string[],
      type: party.party_type as "person",
      country: party.country,
      dateOfBirth: party.date_of_birth,
      identifiers: JSON.parse(party.identifiers) as { type: string; number: string }[],
    },
    { sources },
  );
  const decisions = await db
    .selectFrom("screening_decisions")
    .selectAll()
    .where("counterparty_id", "=", party.id)
    .execute();
  const confirmed = await db
    .selectFrom("screening_hits")
    .select("id")
    .where("counterparty_id", "=", party.id)
    .where("status", "=", "true_match")
    .where("kind", "!=", "pep")
    .execute();
  const wasBlocked = confirmed.length > 0;
  let open = 0;
  let blockedByOwnership = false;
  const row = (h: {
    entityId: string;
    entryHash: string;
    kind: HitKind;
    name: string;
    source: string;
    matchedName: string;
    programs: string[];
    score: number;
    explanation: unknown;
  }) => {
    const d = decisions.find((x) => x.entity_id === h.entityId);
    const remembered = d && d.counterparty_fingerprint === party.fingerprint && d.entry_hash === h.entryHash;
    if (!remembered) open++;
    return {
      id: newId(),
      screening_id: screeningId,
      counterparty_id: party.id,
      entity_id: h.entityId,
      entry_hash: h.entryHash,
      kind: h.kind,
      list_name: h.name,
      list_source: h.source,
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
  };
  const rows = hits.map((h) =>
    row({
      ...h,
      entryHash: lists.find((l) => l.source === h.source)?.hashes.get(h.entityId) ?? "",
      // A list entry blocked through its owners (OpenSanctions' Ownership) says so, with the chain.
      kind: h.entry.ownership ? "ownership" : h.kind,
      explanation: h.entry.ownership ? { ...h.explanation, ownership: h.entry.ownership } : h.explanation,
    }),
  );
  const owned = await ownershipOf(ctx, party.id, lists);
  if (owned) {
    const { programs, ...finding } = owned;
    const r = row({
      entityId: "ownership",
      entryHash: createHash("sha256").update(JSON.stringify(finding)).digest("hex").slice(0, 32),
      kind: "ownership",
      name: finding.owners.map((o) => o.name).join("; "),
      source: "ownership",
      matchedName: party.name,
      programs,
      score: 1,
      explanation: {
        queryName: party.name,
        tokens: [],
        extraListTokens: [],
        adjustments: [],
        summary: finding.chain[0]!,
        ownership: finding,
      },
    });
    if (r.status === "open") blockedByOwnership = true;
    rows.push(r);
  }
  // Earlier open hits are superseded by this screening's.
  await db
    .deleteFrom("screening_hits")
    .where("counterparty_id", "=", party.id)
    .where("status", "=", "open")
    .execute();
  const blocked = wasBlocked || blockedByOwnership;
  const status: CounterpartyStatus = blocked ? "blocked" : open ? "review" : "clear";
  await db
    .insertInto("screenings")
    .values({
      id: screeningId,
      counterparty_id: party.id,
      list_version_id: lists[0]!.versionId,
      list_version_ids: lists.map((l) => l.versionId).join(","),
      trigger,
      status: blocked ? "blocked" : open ? "hits" : "clear",
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
        listVersionIds: lists.map((l) => l.versionId),
        lists: lists.map((l) => l.source),
        status,
        openHits: rows
          .filter((r) => r.status === "open")
          .map((r) => ({ entityId: r.entity_id, list: r.list_source, kind: r.kind, score: r.score })),
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
      const enabled = await getEnabledLists(tx);
      for (const { list_version_ids, ...party } of batch) {
        // A party is stale when any list its legal entity screens has a new current version.
        const current = list && versionsFor(list, listsOf(enabled, party.legal_entity_id));
        if (!options.force && current && list_version_ids === current) continue;
        await screenCounterparty(tx, party, "list");
        screened++;
      }
    });
  }
}

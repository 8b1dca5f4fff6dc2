import type { Ctx } from "../../kernel/context.ts";
import { screeningDb } from "./db.ts";
import type { ListIndex } from "./list-cache.ts";
import { blockedByOwnership, type OwnershipEdge, type OwnershipNode } from "./lists/ownership.ts";
import { entryKindOf, type OwnershipFinding } from "./lists/parse-ofac.ts";
import { listLabel } from "./lists/read-list.ts";

const party = (id: string) => `counterparty:${id}`;
const entry = (id: string) => `entry:${id}`;

/**
 * The ownership users entered, as the 50 % rule reads it (OFAC; the EU's ownership and control):
 * is this counterparty owned 50 % or more, directly or through other parties, alone or together, by
 * persons on one of `lists` (the lists its legal entity screens) or by counterparties confirmed as
 * a true match? Returns the finding with its chain, and the owners' programmes; null when not.
 */
export async function ownershipOf(
  ctx: Ctx,
  counterpartyId: string,
  lists: readonly ListIndex[],
): Promise<(OwnershipFinding & { programs: string[] }) | null> {
  const db = screeningDb(ctx);
  const rows = await db.selectFrom("screening_ownerships").selectAll().execute();
  if (!rows.some((r) => r.counterparty_id === counterpartyId)) return null;
  const ids = [
    ...new Set(rows.flatMap((r) => [r.counterparty_id, r.owner_counterparty_id ?? r.counterparty_id])),
  ];
  const parties = await db
    .selectFrom("counterparties")
    .select(["id", "name"])
    .where("id", "in", ids)
    .execute();
  const confirmed = await db
    .selectFrom("screening_hits")
    .select(["counterparty_id", "list_source", "entity_id", "list_name"])
    .where("counterparty_id", "in", ids)
    .where("status", "=", "true_match")
    .where("kind", "=", "sanction")
    .execute();
  const nodes = new Map<string, OwnershipNode>();
  for (const p of parties) {
    const hit = confirmed.find((h) => h.counterparty_id === p.id);
    nodes.set(party(p.id), {
      id: party(p.id),
      name: p.name,
      blockedBecause: hit
        ? `a counterparty confirmed as a true match with ${listLabel(hit.list_source)} entry ${hit.entity_id} ${hit.list_name}`
        : null,
    });
  }
  const programsOf = new Map<string, string[]>();
  for (const r of rows) {
    if (!r.owner_entity_id) continue;
    const listed = lists
      .map((l) => ({ l, e: l.entries.get(r.owner_entity_id!) }))
      .find((x) => x.e && entryKindOf(x.e) === "sanction");
    if (listed) programsOf.set(entry(r.owner_entity_id), listed.e!.programs);
    nodes.set(entry(r.owner_entity_id), {
      id: entry(r.owner_entity_id),
      name: listed?.e?.name ?? r.owner_name,
      blockedBecause: listed
        ? `listed on ${listLabel(listed.l.source)} as ${r.owner_entity_id}${listed.e!.programs.length ? ` (${listed.e!.programs.join(", ")})` : ""}`
        : null,
    });
  }
  const edges: OwnershipEdge[] = rows.map((r) => ({
    owner: r.owner_counterparty_id ? party(r.owner_counterparty_id) : entry(r.owner_entity_id ?? r.id),
    asset: party(r.counterparty_id),
    percentage: Number(r.percentage),
  }));
  const all = blockedByOwnership(nodes, edges);
  const finding = all.get(party(counterpartyId));
  if (!finding) return null;
  // The programmes of the listed persons at the top of the chain.
  const programs = new Set<string>();
  const seen = new Set<string>();
  const collect = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const p of programsOf.get(id) ?? []) programs.add(p);
    for (const o of all.get(id)?.owners ?? []) collect(o.entityId);
  };
  collect(party(counterpartyId));
  return { ...finding, programs: [...programs] };
}

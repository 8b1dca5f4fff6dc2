import type { OwnershipFinding } from "./parse-ofac.ts";

/** A node of an ownership graph: a list entry, a counterparty or a company a list only mentions. */
export type OwnershipNode = {
  id: string;
  name: string;
  /** Blocked in its own right: on a sanctions list, or confirmed as a true match. */
  blockedBecause: string | null;
};
export type OwnershipEdge = { owner: string; asset: string; percentage: number };

/** The share named by a list or a user: "51", "51%", "50.5", "50-75" (the lower bound) or null. */
export function percentageOf(value: unknown): number | null {
  const m = String(value ?? "").match(/(\d+(?:[.,]\d+)?)/);
  if (!m) return null;
  const n = Number(m[1]!.replace(",", "."));
  return Number.isFinite(n) && n >= 0 && n <= 100 ? n : null;
}

const pct = (n: number) => `${Math.round(n * 100) / 100} %`;

/**
 * OFAC's 50 % rule and the EU's ownership-and-control test: an entity owned 50 % or more, directly
 * or indirectly, alone or together, by blocked persons is itself blocked. Iterates to a fixed point
 * so that an entity blocked through its owners counts as a blocked owner of what it owns in turn.
 * Returns, for each entity blocked this way, the blocked share, its blocked owners and the chain.
 */
export function blockedByOwnership(
  nodes: ReadonlyMap<string, OwnershipNode>,
  edges: readonly OwnershipEdge[],
): Map<string, OwnershipFinding> {
  const found = new Map<string, OwnershipFinding>();
  const isBlocked = (id: string) => !!nodes.get(id)?.blockedBecause || found.has(id);
  const byAsset = new Map<string, OwnershipEdge[]>();
  for (const e of edges) {
    if (e.owner === e.asset) continue;
    byAsset.set(e.asset, [...(byAsset.get(e.asset) ?? []), e]);
  }
  const nameOf = (id: string) => nodes.get(id)?.name ?? id;
  for (let changed = true; changed; ) {
    changed = false;
    for (const [asset, owning] of byAsset) {
      if (isBlocked(asset)) continue;
      // One owner named twice (by a list and by a user) counts once, with the larger share.
      const shares = new Map<string, number>();
      for (const e of owning)
        if (isBlocked(e.owner)) shares.set(e.owner, Math.max(shares.get(e.owner) ?? 0, e.percentage));
      const total = [...shares.values()].reduce((a, b) => a + b, 0);
      if (total < 50) continue;
      const owners = [...shares]
        .sort((a, b) => b[1] - a[1])
        .map(([id, percentage]) => ({ entityId: id, name: nameOf(id), percentage }));
      const chain = [
        `${nameOf(asset)} is owned ${pct(total)} by blocked persons${owners.length > 1 ? " together" : ""} (50 % or more: blocked by ownership, OFAC 50 % rule / EU ownership and control; COC-18.1)`,
      ];
      for (const o of owners) {
        const node = nodes.get(o.entityId);
        if (node?.blockedBecause) chain.push(`${pct(o.percentage)} by ${o.name}: ${node.blockedBecause}`);
        else {
          const inner = found.get(o.entityId)!;
          chain.push(`${pct(o.percentage)} by ${o.name}, itself blocked by ownership:`);
          chain.push(...inner.chain.slice(1).map((line) => `  ${line}`));
        }
      }
      found.set(asset, { percentage: Math.min(100, total), owners, chain });
      changed = true;
    }
  }
  return found;
}

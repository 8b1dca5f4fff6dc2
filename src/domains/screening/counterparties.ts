import type { Ctx } from "../../kernel/context.ts";
import { contains } from "../../kernel/db.ts";
import { notFound } from "../../kernel/errors.ts";
import { screeningDb } from "./db.ts";
import { listLabel } from "./lists/read-list.ts";
import type { CounterpartyFilter, CounterpartyInput } from "./schemas.ts";
import type { CounterpartiesTable, HitsTable } from "./tables.ts";
import type { CounterpartyView, HitView } from "./views.ts";

export type Counterparty = CounterpartyView;

export const toCounterparty = (r: CounterpartiesTable): Counterparty => ({
  id: r.id,
  name: r.name,
  aliases: JSON.parse(r.aliases),
  kind: r.kind,
  partyType: r.party_type,
  country: r.country,
  region: r.region,
  address: r.address,
  dateOfBirth: r.date_of_birth,
  identifiers: JSON.parse(r.identifiers),
  isForeign: r.is_foreign === 1,
  legalEntityId: r.legal_entity_id,
  status: r.status,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const toHit = (r: HitsTable & { counterparty_name?: string }): HitView => ({
  id: r.id,
  counterpartyId: r.counterparty_id,
  ...(r.counterparty_name !== undefined && { counterpartyName: r.counterparty_name }),
  entityId: r.entity_id,
  listName: r.list_name,
  listSource: r.list_source,
  listLabel: listLabel(r.list_source),
  kind: r.kind,
  matchedName: r.matched_name,
  programs: JSON.parse(r.programs),
  score: Number(r.score),
  explanation: JSON.parse(r.explanation),
  status: r.status,
  reason: r.reason,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  createdAt: r.created_at,
});

type Fields = Omit<
  CounterpartiesTable,
  "id" | "status" | "fingerprint" | "last_screening_id" | "created_at" | "updated_at"
>;
export const toFields = (i: CounterpartyInput): Fields => ({
  name: i.name,
  aliases: JSON.stringify(i.aliases),
  kind: i.kind,
  party_type: i.partyType,
  country: i.country ?? null,
  region: i.region ?? null,
  address: i.address ?? null,
  date_of_birth: i.dateOfBirth ?? null,
  identifiers: JSON.stringify(i.identifiers),
  is_foreign: i.isForeign ? 1 : 0,
  legal_entity_id: i.legalEntityId ?? null,
});

export async function load(ctx: Ctx, id: string): Promise<CounterpartiesTable> {
  const row = await screeningDb(ctx)
    .selectFrom("counterparties")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw notFound("The counterparty");
  return row;
}

export function filtered(ctx: Ctx, f: Omit<CounterpartyFilter, "page" | "pageSize" | "sort">) {
  let q = screeningDb(ctx).selectFrom("counterparties").selectAll();
  if (f.status) q = q.where("status", "=", f.status);
  if (f.kind) q = q.where("kind", "=", f.kind);
  if (f.country) q = q.where("country", "=", f.country.toUpperCase());
  if (f.q)
    for (const word of f.q.split(/\s+/).filter(Boolean))
      q = q.where((eb) => eb.or([contains(eb.ref("name"), word), contains(eb.ref("aliases"), word)]));
  return q;
}

import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { toCsv } from "../../kernel/csv.ts";
import { contains } from "../../kernel/db.ts";
import { notFound } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { screeningDb } from "./db.ts";
import { listLabel } from "./lists/read-list.ts";
import { authorize, screeningAbilities } from "./policy.ts";
import type { CounterpartyFilter, CounterpartyInput, CounterpartyPatch } from "./schemas.ts";
import { fingerprintOf, screenCounterparty } from "./screen-counterparty.ts";
import type { CounterpartiesTable, HitsTable } from "./tables.ts";
import type { CounterpartyDetail, CounterpartyView, counterpartyPage, HitView, View } from "./views.ts";

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
const toFields = (i: CounterpartyInput): Fields => ({
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
});

async function load(ctx: Ctx, id: string): Promise<CounterpartiesTable> {
  const row = await screeningDb(ctx)
    .selectFrom("counterparties")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw notFound("The counterparty");
  return row;
}

/** Creates a counterparty and screens it at once (COC-18.1). */
export async function createCounterparty(ctx: Ctx, input: CounterpartyInput): Promise<CounterpartyDetail> {
  authorize(ctx.actor, "counterparty.create");
  return withTransaction(ctx, async (tx) => {
    const id = newId();
    const now = isoNow(tx.clock);
    const fields = toFields(input);
    const row: CounterpartiesTable = {
      id,
      ...fields,
      status: "unscreened",
      fingerprint: fingerprintOf(fields),
      last_screening_id: null,
      created_at: now,
      updated_at: now,
    };
    await screeningDb(tx).insertInto("counterparties").values(row).execute();
    await record(tx, "counterparty.create", { type: "counterparty", id }, { ...fields });
    await screenCounterparty(tx, row, "create");
    return getCounterparty(tx, id);
  });
}

/** Changes a counterparty; a change to a screened field re-screens it. */
export async function updateCounterparty(
  ctx: Ctx,
  id: string,
  patch: CounterpartyPatch,
): Promise<CounterpartyDetail> {
  authorize(ctx.actor, "counterparty.update");
  return withTransaction(ctx, async (tx) => {
    const current = toCounterparty(await load(tx, id));
    const merged = {
      ...current,
      ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
    } as CounterpartyInput;
    const fields = toFields(merged);
    const before = await load(tx, id);
    const changes = Object.fromEntries(
      Object.entries(fields)
        .filter(([k, v]) => (before as Record<string, unknown>)[k] !== v)
        .map(([k, v]) => [k, { from: (before as Record<string, unknown>)[k], to: v }]),
    );
    if (!Object.keys(changes).length) return getCounterparty(tx, id);
    const fingerprint = fingerprintOf(fields);
    await screeningDb(tx)
      .updateTable("counterparties")
      .set({ ...fields, fingerprint, updated_at: isoNow(tx.clock) })
      .where("id", "=", id)
      .execute();
    await record(tx, "counterparty.update", { type: "counterparty", id }, { changes });
    if (fingerprint !== before.fingerprint) await screenCounterparty(tx, await load(tx, id), "change");
    return getCounterparty(tx, id);
  });
}

export async function rescreenCounterparty(ctx: Ctx, id: string): Promise<CounterpartyDetail> {
  authorize(ctx.actor, "counterparty.update");
  return withTransaction(ctx, async (tx) => {
    await screenCounterparty(tx, await load(tx, id), "manual");
    return getCounterparty(tx, id);
  });
}

/** A counterparty with its latest screening, its hits (with explanations) and what the user may do. */
export async function getCounterparty(ctx: Ctx, id: string): Promise<CounterpartyDetail> {
  authorize(ctx.actor, "screening.read");
  const db = screeningDb(ctx);
  const row = await load(ctx, id);
  const screening = row.last_screening_id
    ? await db
        .selectFrom("screenings as s")
        .leftJoin("screening_list_versions as v", "v.id", "s.list_version_id")
        .select(["s.id", "s.trigger", "s.status", "s.hit_count", "s.screened_at", "v.seq", "v.source"])
        .where("s.id", "=", row.last_screening_id)
        .executeTakeFirst()
    : undefined;
  const hits = await db
    .selectFrom("screening_hits")
    .selectAll()
    .where("counterparty_id", "=", id)
    .orderBy("score", "desc")
    .orderBy("entity_id")
    .execute();
  return {
    ...toCounterparty(row),
    screening: screening
      ? {
          id: screening.id,
          trigger: screening.trigger,
          status: screening.status,
          openHits: screening.hit_count,
          screenedAt: screening.screened_at,
          listVersion: screening.seq ? `${screening.source} #${screening.seq}` : null,
        }
      : null,
    hits: hits.map(toHit),
    can: screeningAbilities(ctx.actor),
  };
}

function filtered(ctx: Ctx, f: Omit<CounterpartyFilter, "page" | "pageSize" | "sort">) {
  let q = screeningDb(ctx).selectFrom("counterparties").selectAll();
  if (f.status) q = q.where("status", "=", f.status);
  if (f.kind) q = q.where("kind", "=", f.kind);
  if (f.country) q = q.where("country", "=", f.country.toUpperCase());
  if (f.q)
    for (const word of f.q.split(/\s+/).filter(Boolean))
      q = q.where((eb) => eb.or([contains(eb.ref("name"), word), contains(eb.ref("aliases"), word)]));
  return q;
}

export async function listCounterparties(
  ctx: Ctx,
  filter: CounterpartyFilter,
): Promise<View<typeof counterpartyPage>> {
  authorize(ctx.actor, "screening.read");
  const base = filtered(ctx, filter);
  const [{ total }] = (await base
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as("total"))
    .execute()) as [{ total: number }];
  const col = filter.sort.replace("-", "") === "updated" ? "updated_at" : "name";
  const rows = await base
    .orderBy(col, filter.sort.startsWith("-") ? "desc" : "asc")
    .orderBy("id")
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return {
    items: rows.map(toCounterparty),
    total: Number(total),
    page: filter.page,
    pageSize: filter.pageSize,
    can: screeningAbilities(ctx.actor),
  };
}

export async function exportCounterpartiesCsv(ctx: Ctx, filter: CounterpartyFilter): Promise<string> {
  authorize(ctx.actor, "screening.read");
  const rows = await filtered(ctx, filter).orderBy("name").orderBy("id").execute();
  return toCsv(
    rows.map((r) => [
      r.id,
      r.name,
      (JSON.parse(r.aliases) as string[]).join("; "),
      r.kind,
      r.party_type,
      r.country,
      r.region,
      r.status,
      r.updated_at,
    ]),
    {
      header: true,
      columns: ["id", "name", "aliases", "kind", "type", "country", "region", "status", "updated_at"],
    },
  );
}

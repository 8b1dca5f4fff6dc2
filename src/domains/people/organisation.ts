import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict, invalid, notFound } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { peopleDb } from "./db.ts";
import { today } from "./person-view.ts";
import { authorize, can } from "./policy.ts";
import type { EntityInput, OrganisationInput } from "./schemas.ts";
import type { LegalEntityList, LegalEntitySavedView, OrganisationView } from "./views.ts";

export async function getOrganisation(ctx: Ctx): Promise<OrganisationView> {
  const row = await peopleDb(ctx)
    .selectFrom("organisation")
    .selectAll()
    .where("id", "=", 1)
    .executeTakeFirst();
  return {
    name: row?.name ?? "Probity",
    website: row?.website ?? null,
    hotlineWeb: row?.hotline_web ?? null,
    hotlineDomestic: row?.hotline_domestic ?? null,
    hotlineInternational: row?.hotline_international ?? null,
    legalContactName: row?.legal_contact_name ?? null,
    legalContactPhone: row?.legal_contact_phone ?? null,
    legalContactAddress: row?.legal_contact_address ?? null,
    can: { update: can(ctx.actor, "organisation.update") },
  };
}

export async function updateOrganisation(ctx: Ctx, input: OrganisationInput) {
  authorize(ctx.actor, "organisation.update");
  return withTransaction(ctx, async (tx) => {
    const db = peopleDb(tx);
    const values = {
      name: input.name,
      website: input.website,
      hotline_web: input.hotlineWeb,
      hotline_domestic: input.hotlineDomestic,
      hotline_international: input.hotlineInternational,
      legal_contact_name: input.legalContactName,
      legal_contact_phone: input.legalContactPhone,
      legal_contact_address: input.legalContactAddress,
      updated_at: isoNow(tx.clock),
    };
    const updated = await db.updateTable("organisation").set(values).where("id", "=", 1).executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0)
      await db
        .insertInto("organisation")
        .values({ id: 1, ...values })
        .execute();
    await record(tx, "organisation.update", { type: "organisation", id: "1" }, { ...input });
    return getOrganisation(tx);
  });
}

export async function listEntities(ctx: Ctx): Promise<LegalEntityList> {
  const db = peopleDb(ctx);
  const now = today(ctx);
  const rows = await db
    .selectFrom("legal_entities as e")
    .leftJoin("legal_entities as parent", "parent.id", "e.parent_id")
    .select(["e.id", "e.code", "e.name", "e.country", "e.parent_id", "parent.name as parent_name"])
    .select((eb) =>
      eb
        .selectFrom("persons as p")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("p.legal_entity_id", "=", "e.id")
        .where((w) => w.or([w("p.end_date", "is", null), w("p.end_date", ">=", now)]))
        .as("headcount"),
    )
    .orderBy("e.name")
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      country: r.country,
      parentId: r.parent_id,
      parentName: r.parent_name,
      headcount: Number(r.headcount ?? 0),
    })),
    can: { manage: can(ctx.actor, "entity.manage") },
  };
}

async function checkEntity(ctx: Ctx, id: string, input: EntityInput) {
  const db = peopleDb(ctx);
  const clash = await db
    .selectFrom("legal_entities")
    .select("id")
    .where("code", "=", input.code)
    .where("id", "!=", id)
    .executeTakeFirst();
  if (clash) throw conflict(`The code ${input.code} is already used by another legal entity.`);
  let cursor = input.parentId ?? null;
  while (cursor) {
    if (cursor === id)
      throw invalid("An entity cannot be its own parent.", [
        { path: "parentId", message: "would create a loop" },
      ]);
    const parent = await db
      .selectFrom("legal_entities")
      .select("parent_id")
      .where("id", "=", cursor)
      .executeTakeFirst();
    if (!parent)
      throw invalid("The parent entity does not exist.", [
        { path: "parentId", message: "is not a known legal entity" },
      ]);
    cursor = parent.parent_id;
  }
}

export async function createEntity(ctx: Ctx, input: EntityInput): Promise<LegalEntitySavedView> {
  authorize(ctx.actor, "entity.manage");
  return withTransaction(ctx, async (tx) => {
    const id = newId();
    await checkEntity(tx, id, input);
    const now = isoNow(tx.clock);
    await peopleDb(tx)
      .insertInto("legal_entities")
      .values({
        id,
        code: input.code,
        name: input.name,
        country: input.country,
        parent_id: input.parentId ?? null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await record(tx, "entity.create", { type: "legal_entity", id }, { ...input });
    return { id, ...input, parentId: input.parentId ?? null };
  });
}

export async function updateEntity(
  ctx: Ctx,
  id: string,
  patch: Partial<EntityInput>,
): Promise<LegalEntitySavedView> {
  authorize(ctx.actor, "entity.manage");
  return withTransaction(ctx, async (tx) => {
    const db = peopleDb(tx);
    const current = await db.selectFrom("legal_entities").selectAll().where("id", "=", id).executeTakeFirst();
    if (!current) throw notFound("The legal entity");
    const next: EntityInput = {
      code: patch.code ?? current.code,
      name: patch.name ?? current.name,
      country: patch.country ?? current.country,
      parentId: patch.parentId === undefined ? current.parent_id : patch.parentId,
    };
    await checkEntity(tx, id, next);
    await db
      .updateTable("legal_entities")
      .set({
        code: next.code,
        name: next.name,
        country: next.country,
        parent_id: next.parentId ?? null,
        updated_at: isoNow(tx.clock),
      })
      .where("id", "=", id)
      .execute();
    await record(tx, "entity.update", { type: "legal_entity", id }, { ...patch });
    return { id, ...next, parentId: next.parentId ?? null };
  });
}

import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { AppError, type FieldError, invalid, notFound } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { peopleDb } from "./db.ts";
import { announcePeopleChanged } from "./people-changed.ts";
import { type Person, selectPeople, today, toPerson } from "./person-view.ts";
import { authorize } from "./policy.ts";
import type { PersonInput, PersonPatch } from "./schemas.ts";
import type { PersonsTable } from "./tables.ts";

type Fields = Omit<PersonsTable, "id" | "created_at" | "updated_at">;

function toFields(input: PersonInput): Fields {
  return {
    external_id: input.externalId ?? null,
    kind: input.kind,
    first_name: input.firstName,
    last_name: input.lastName,
    email: input.email ?? null,
    title: input.title ?? null,
    department: input.department ?? null,
    location_country: input.locationCountry ?? null,
    legal_entity_id: input.legalEntityId ?? null,
    supervisor_id: input.supervisorId ?? null,
    hire_date: input.hireDate ?? null,
    end_date: input.endDate ?? null,
    categories: JSON.stringify([...new Set(input.categories)].sort()),
  };
}

/** Checks references and dates; returns every problem at once. */
async function check(ctx: Ctx, id: string, f: Fields): Promise<void> {
  const db = peopleDb(ctx);
  const errors: FieldError[] = [];
  if (f.legal_entity_id) {
    const entity = await db
      .selectFrom("legal_entities")
      .select("id")
      .where("id", "=", f.legal_entity_id)
      .executeTakeFirst();
    if (!entity) errors.push({ path: "legalEntityId", message: "is not a known legal entity" });
  }
  if (f.supervisor_id) {
    if (f.supervisor_id === id)
      errors.push({ path: "supervisorId", message: "a person cannot supervise themselves" });
    else {
      // Walk up the chain: the new supervisor must not report (directly or not) to this person.
      let cursor: string | null = f.supervisor_id;
      const seen = new Set<string>();
      while (cursor && !seen.has(cursor)) {
        seen.add(cursor);
        const row = await db
          .selectFrom("persons")
          .select(["id", "supervisor_id"])
          .where("id", "=", cursor)
          .executeTakeFirst();
        if (!row) {
          errors.push({ path: "supervisorId", message: "is not a known person" });
          break;
        }
        if (row.supervisor_id === id) {
          errors.push({ path: "supervisorId", message: "would create a reporting loop" });
          break;
        }
        cursor = row.supervisor_id;
      }
    }
  }
  if (f.external_id) {
    const clash = await db
      .selectFrom("persons")
      .select("id")
      .where("external_id", "=", f.external_id)
      .where("id", "!=", id)
      .executeTakeFirst();
    if (clash) errors.push({ path: "externalId", message: `employee id ${f.external_id} is already used` });
  }
  if (f.hire_date && f.end_date && f.end_date < f.hire_date) {
    errors.push({ path: "endDate", message: "must not be before the hire date" });
  }
  if (errors.length) throw invalid(errors.map((e) => `${e.path} ${e.message}`).join("; "), errors);
}

async function load(ctx: Ctx, id: string): Promise<Person> {
  const row = await selectPeople(ctx).where("p.id", "=", id).executeTakeFirst();
  if (!row) throw notFound("The person");
  return toPerson(row, today(ctx));
}

export async function createPerson(ctx: Ctx, input: PersonInput): Promise<Person> {
  authorize(ctx.actor, "person.create");
  return withTransaction(ctx, async (tx) => {
    const id = newId();
    const fields = toFields(input);
    await check(tx, id, fields);
    const now = isoNow(tx.clock);
    await peopleDb(tx)
      .insertInto("persons")
      .values({ id, ...fields, created_at: now, updated_at: now })
      .execute();
    await record(tx, "person.create", { type: "person", id }, { ...fields });
    return load(tx, id);
  });
}

export async function updatePerson(ctx: Ctx, id: string, patch: PersonPatch): Promise<Person> {
  authorize(ctx.actor, "person.update");
  return withTransaction(ctx, async (tx) => {
    const db = peopleDb(tx);
    const current = await db.selectFrom("persons").selectAll().where("id", "=", id).executeTakeFirst();
    if (!current) throw notFound("The person");
    const merged: PersonInput = {
      externalId: current.external_id,
      kind: current.kind,
      firstName: current.first_name,
      lastName: current.last_name,
      email: current.email,
      title: current.title,
      department: current.department,
      locationCountry: current.location_country,
      legalEntityId: current.legal_entity_id,
      supervisorId: current.supervisor_id,
      hireDate: current.hire_date,
      endDate: current.end_date,
      categories: JSON.parse(current.categories),
      ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
    };
    const fields = toFields(merged);
    const changes = diffFields(current, fields);
    if (Object.keys(changes).length === 0) return load(tx, id);
    await check(tx, id, fields);
    await db
      .updateTable("persons")
      .set({ ...fields, updated_at: isoNow(tx.clock) })
      .where("id", "=", id)
      .execute();
    await record(tx, "person.update", { type: "person", id }, { changes });
    await announcePeopleChanged(tx, [{ personId: id, fields: changes }]);
    return load(tx, id);
  });
}

export async function endEmployment(ctx: Ctx, id: string, endDate: string): Promise<Person> {
  authorize(ctx.actor, "person.end");
  return withTransaction(ctx, async (tx) => {
    const db = peopleDb(tx);
    const current = await db.selectFrom("persons").selectAll().where("id", "=", id).executeTakeFirst();
    if (!current) throw notFound("The person");
    if (current.end_date)
      throw new AppError("CONFLICT", `This person's employment already ends on ${current.end_date}.`);
    if (current.hire_date && endDate < current.hire_date) {
      throw invalid("The end date must not be before the hire date.", [
        { path: "endDate", message: "is before the hire date" },
      ]);
    }
    await db
      .updateTable("persons")
      .set({ end_date: endDate, updated_at: isoNow(tx.clock) })
      .where("id", "=", id)
      .execute();
    await record(tx, "person.end", { type: "person", id }, { endDate });
    await announcePeopleChanged(tx, [{ personId: id, fields: { end_date: endDate } }]);
    return load(tx, id);
  });
}

export type FieldChange = { from: unknown; to: unknown };

export function diffFields(current: Partial<Fields>, next: Fields): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const [key, value] of Object.entries(next) as [keyof Fields, unknown][]) {
    if ((current[key] ?? null) !== (value ?? null))
      changes[key] = { from: current[key] ?? null, to: value ?? null };
  }
  return changes;
}

export { toFields };

import { isoToday } from "../../kernel/clock.ts";
import type { Ctx } from "../../kernel/context.ts";
import { peopleDb } from "./db.ts";
import type { PersonCategory } from "./roles.ts";
import type { PersonView } from "./views.ts";

/** A person as the API answers it (views.ts `PersonView`). */
export type Person = PersonView;

/** A person is active until the day after their end date. */
export const statusOf = (endDate: string | null, today: string): "active" | "ended" =>
  endDate !== null && endDate < today ? "ended" : "active";

export const today = (ctx: Ctx) => isoToday(ctx.clock);

export function selectPeople(ctx: Ctx) {
  return peopleDb(ctx)
    .selectFrom("persons as p")
    .leftJoin("legal_entities as e", "e.id", "p.legal_entity_id")
    .leftJoin("persons as s", "s.id", "p.supervisor_id")
    .select([
      "p.id",
      "p.external_id",
      "p.kind",
      "p.first_name",
      "p.last_name",
      "p.email",
      "p.title",
      "p.department",
      "p.location_country",
      "p.legal_entity_id",
      "p.supervisor_id",
      "p.hire_date",
      "p.end_date",
      "p.categories",
      "e.name as entity_name",
      "s.first_name as sup_first",
      "s.last_name as sup_last",
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectPeople>["executeTakeFirstOrThrow"]>>;

export function toPerson(row: Row, todayDate: string): Person {
  return {
    id: row.id,
    externalId: row.external_id,
    kind: row.kind,
    firstName: row.first_name,
    lastName: row.last_name,
    displayName: `${row.first_name} ${row.last_name}`,
    email: row.email,
    title: row.title,
    department: row.department,
    locationCountry: row.location_country,
    legalEntityId: row.legal_entity_id,
    legalEntityName: row.entity_name,
    supervisorId: row.supervisor_id,
    supervisorName: row.sup_first ? `${row.sup_first} ${row.sup_last}` : null,
    hireDate: row.hire_date,
    endDate: row.end_date,
    status: statusOf(row.end_date, todayDate),
    categories: JSON.parse(row.categories) as PersonCategory[],
  };
}

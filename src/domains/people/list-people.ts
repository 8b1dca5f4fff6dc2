import type { Ctx } from "../../kernel/context.ts";
import { toCsv } from "../../kernel/csv.ts";
import { contains } from "../../kernel/db.ts";
import { type Page, readPage } from "../../kernel/paging.ts";
import { peopleDb } from "./db.ts";
import { type Person, selectPeople, today, toPerson } from "./person-view.ts";
import { authorize } from "./policy.ts";
import type { PeopleFilter } from "./schemas.ts";
import type { PeopleFacetsView } from "./views.ts";

function filtered(ctx: Ctx, f: Omit<PeopleFilter, "page" | "pageSize" | "sort">) {
  const now = today(ctx);
  let q = selectPeople(ctx);
  if (f.status === "active")
    q = q.where((eb) => eb.or([eb("p.end_date", "is", null), eb("p.end_date", ">=", now)]));
  if (f.status === "ended") q = q.where("p.end_date", "<", now);
  if (f.kind) q = q.where("p.kind", "=", f.kind);
  if (f.entityId) q = q.where("p.legal_entity_id", "=", f.entityId);
  if (f.department) q = q.where("p.department", "=", f.department);
  if (f.country) q = q.where("p.location_country", "=", f.country.toUpperCase());
  if (f.supervisorId) q = q.where("p.supervisor_id", "=", f.supervisorId);
  if (f.category) q = q.where("p.categories", "like", `%"${f.category}"%`);
  if (f.q) {
    for (const word of f.q.split(/\s+/).filter(Boolean)) {
      q = q.where((eb) =>
        eb.or([
          contains(eb.ref("p.first_name"), word),
          contains(eb.ref("p.last_name"), word),
          contains(eb.ref("p.email"), word),
          contains(eb.ref("p.title"), word),
          contains(eb.ref("p.external_id"), word),
        ]),
      );
    }
  }
  return q;
}

function sorted<Q extends ReturnType<typeof filtered>>(q: Q, sort: PeopleFilter["sort"]) {
  switch (sort) {
    case "-name":
      return q.orderBy("p.last_name", "desc").orderBy("p.first_name", "desc").orderBy("p.id");
    case "hireDate":
      return q.orderBy("p.hire_date", "asc").orderBy("p.id");
    case "-hireDate":
      return q.orderBy("p.hire_date", "desc").orderBy("p.id");
    case "department":
      return q.orderBy("p.department").orderBy("p.last_name").orderBy("p.id");
    default:
      return q.orderBy("p.last_name").orderBy("p.first_name").orderBy("p.id");
  }
}

export async function listPeople(ctx: Ctx, filter: PeopleFilter): Promise<Page<Person>> {
  authorize(ctx.actor, "person.read");
  const now = today(ctx);
  return readPage(
    filtered(ctx, filter),
    filter,
    (q) => sorted(q, filter.sort),
    (r) => toPerson(r, now),
  );
}

export const PEOPLE_CSV_COLUMNS = [
  "employee_id",
  "first_name",
  "last_name",
  "email",
  "kind",
  "title",
  "department",
  "country",
  "legal_entity",
  "supervisor_id",
  "hire_date",
  "end_date",
  "categories",
] as const;

/** The whole filtered list as CSV, in the HR import's own format so it can be edited and re-imported. */
export async function exportPeopleCsv(ctx: Ctx, filter: PeopleFilter): Promise<string> {
  authorize(ctx.actor, "person.read");
  const rows = await sorted(filtered(ctx, filter), filter.sort)
    .leftJoin("persons as sx", "sx.id", "p.supervisor_id")
    .select(["e.code as entity_code", "sx.external_id as sup_external"])
    .execute();
  return toCsv(
    rows.map((r) => [
      r.external_id,
      r.first_name,
      r.last_name,
      r.email,
      r.kind,
      r.title,
      r.department,
      r.location_country,
      r.entity_code,
      r.sup_external,
      r.hire_date,
      r.end_date,
      (JSON.parse(r.categories) as string[]).join(";"),
    ]),
    { header: true, columns: [...PEOPLE_CSV_COLUMNS] },
  );
}

export async function peopleFacets(ctx: Ctx): Promise<PeopleFacetsView> {
  authorize(ctx.actor, "person.read");
  const db = peopleDb(ctx);
  const distinct = async (column: "department" | "location_country" | "title") =>
    (
      await db
        .selectFrom("persons")
        .select(column)
        .distinct()
        .where(column, "is not", null)
        .orderBy(column)
        .execute()
    )
      .map((r) => r[column])
      .filter((v): v is string => v !== null);
  return {
    departments: await distinct("department"),
    countries: await distinct("location_country"),
    titles: await distinct("title"),
  };
}

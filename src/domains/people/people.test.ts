import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../../test/db.ts";
import { actorWith, buildEntity, buildPerson } from "../../../test/factories.ts";
import { auditActionsOn } from "../../../test/records.ts";
import { getPerson } from "./get-person.ts";
import { exportPeopleCsv, listPeople } from "./list-people.ts";
import { createPerson, endEmployment, updatePerson } from "./save-person.ts";
import { peopleFilter } from "./schemas.ts";

const filter = (f: Record<string, unknown> = {}) => peopleFilter.parse(f);

describe(`people directory (${process.env.PROBITY_TEST_DIALECT ?? "sqlite"})`, () => {
  let t: TestDb;
  const admin = actorWith(["admin"]);
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.destroy());

  it("creates people of every kind the Code binds (COC-0.1) with their categories (SOC-1)", async () => {
    const ctx = t.ctx(admin);
    const entity = await buildEntity(ctx, { code: "ACME-US", country: "US" });
    const ceo = await buildPerson(ctx, {
      kind: "officer",
      firstName: "Ada",
      lastName: "Chief",
      title: "Chief Executive Officer",
      legalEntityId: entity.id,
      categories: ["executive_officer", "senior_officer"],
    });
    const director = await buildPerson(ctx, {
      kind: "director",
      firstName: "Dora",
      lastName: "Board",
      categories: ["director"],
    });
    const agent = await buildPerson(ctx, { kind: "external", firstName: "Al", lastName: "Agent" });
    const clerk = await buildPerson(ctx, {
      firstName: "Carl",
      lastName: "Clerk",
      department: "Finance",
      supervisorId: ceo.id,
      locationCountry: "US",
      categories: ["finance_accounting"],
      hireDate: "2020-01-06",
    });
    expect(ceo).toMatchObject({
      kind: "officer",
      legalEntityName: entity.name,
      categories: ["executive_officer", "senior_officer"],
      status: "active",
    });
    expect(clerk).toMatchObject({ supervisorName: "Ada Chief", locationCountry: "US" });
    expect(director.kind).toBe("director");
    expect(agent.kind).toBe("external");

    const seniors = await listPeople(ctx, filter({ category: "senior_officer" }));
    expect(seniors.items.map((p) => p.lastName)).toEqual(["Chief"]);
    const finance = await listPeople(ctx, filter({ category: "finance_accounting", department: "Finance" }));
    expect(finance.total).toBe(1);
  });

  it("searches by name words, case-insensitively, and paginates", async () => {
    const ctx = t.ctx(admin);
    for (let i = 0; i < 30; i++) await buildPerson(ctx, { firstName: `Pat${i}`, lastName: "Paginated" });
    const page1 = await listPeople(ctx, filter({ q: "paginated", pageSize: 25 }));
    const page2 = await listPeople(ctx, filter({ q: "PAGINATED", pageSize: 25, page: 2 }));
    expect(page1.total).toBe(30);
    expect(page1.items).toHaveLength(25);
    expect(page2.items).toHaveLength(5);
    expect(new Set([...page1.items, ...page2.items].map((p) => p.id)).size).toBe(30);
    await buildPerson(ctx, { firstName: "Carla", lastName: "Searchwords" });
    expect((await listPeople(ctx, filter({ q: "carla searchwords" }))).items).toHaveLength(1);
    expect((await listPeople(ctx, filter({ q: "SEARCHWORDS carla" }))).items).toHaveLength(1);
    // LIKE wildcards typed by the user are taken literally.
    expect((await listPeople(ctx, filter({ q: "%" }))).total).toBe(0);
  });

  it("rejects bad references with field errors and writes nothing", async () => {
    const ctx = t.ctx(admin);
    await expect(buildPerson(ctx, { legalEntityId: "nope", supervisorId: "missing" })).rejects.toMatchObject({
      code: "INVALID",
      errors: [
        { path: "legalEntityId", message: "is not a known legal entity" },
        { path: "supervisorId", message: "is not a known person" },
      ],
    });
    const a = await buildPerson(ctx, { lastName: "LoopA" });
    const b = await buildPerson(ctx, { lastName: "LoopB", supervisorId: a.id });
    await expect(updatePerson(ctx, a.id, { supervisorId: b.id })).rejects.toMatchObject({
      errors: [{ path: "supervisorId", message: "would create a reporting loop" }],
    });
    await expect(updatePerson(ctx, a.id, { supervisorId: a.id })).rejects.toMatchObject({ code: "INVALID" });
    await expect(buildPerson(ctx, { hireDate: "2024-01-01", endDate: "2023-01-01" })).rejects.toMatchObject({
      errors: [{ path: "endDate" }],
    });
  });

  it("ends employment once, and the person leaves the active list the day after", async () => {
    const ctx = t.ctx(admin);
    const p = await buildPerson(ctx, { lastName: "Leaver", hireDate: "2020-01-01" });
    const ended = await endEmployment(ctx, p.id, "2026-03-02");
    expect(ended.status).toBe("active");
    await expect(endEmployment(ctx, p.id, "2026-03-03")).rejects.toMatchObject({ code: "CONFLICT" });
    t.clock.advance(24 * 3600_000);
    expect((await listPeople(ctx, filter({ q: "leaver" }))).total).toBe(0);
    expect((await listPeople(ctx, filter({ q: "leaver", status: "ended" }))).total).toBe(1);
    expect(await auditActionsOn(t.database, p.id)).toEqual(["person.create", "person.end"]);
  });

  it("lets an employee read their own record but hides everyone else's as not found", async () => {
    const ctx = t.ctx(admin);
    const me = await buildPerson(ctx, { lastName: "Self" });
    const other = await buildPerson(ctx, { lastName: "Other" });
    const employee = actorWith([], { personId: me.id });
    await expect(getPerson(t.ctx(employee), me.id)).resolves.toMatchObject({
      lastName: "Self",
      can: { update: false },
    });
    await expect(getPerson(t.ctx(employee), other.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listPeople(t.ctx(employee), filter())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      createPerson(t.ctx(employee), { kind: "employee", firstName: "X", lastName: "Y", categories: [] }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("exports the filtered list as CSV in the import format", async () => {
    await buildPerson(t.ctx(admin), {
      firstName: "Cora",
      lastName: "Exported",
      categories: ["finance_accounting"],
    });
    const csv = await exportPeopleCsv(t.ctx(admin), filter({ q: "exported" }));
    const [header, row] = csv.trim().split("\n");
    expect(header).toBe(
      "employee_id,first_name,last_name,email,kind,title,department,country,legal_entity,supervisor_id,hire_date,end_date,categories",
    );
    expect(row).toContain("Cora,Exported");
    expect(row).toContain("finance_accounting");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../src/demo/seed-demo.ts";
import { getOrganisation, listPeople } from "../src/domains/people/index.ts";
import { peopleFilter } from "../src/domains/people/schemas.ts";
import { verifyChain } from "../src/kernel/audit.ts";
import { createTestDb, type TestDb } from "./db.ts";
import { actorWith } from "./factories.ts";

describe(`the Aleris demo (${process.env.PROBITY_TEST_DIALECT ?? "sqlite"})`, () => {
  let t: TestDb;
  const admin = actorWith(["admin"]);
  beforeAll(async () => {
    t = await createTestDb();
    await seedDemo(t.ctx());
  }, 180_000); // seeds the whole demo (thousands of rows, a dozen password hashes): a budget of its own
  afterAll(() => t.destroy());

  const people = (f: Record<string, unknown>) =>
    listPeople(t.ctx(admin), peopleFilter.parse({ pageSize: 200, ...f }));

  it("takes the speak-up channels and the Legal Department's contact from the Code (COC-21.1, COC-0.3)", async () => {
    const org = await getOrganisation(t.ctx(admin));
    expect(org).toMatchObject({
      name: "Aleris International, Inc.",
      hotlineWeb: "www.MySafeWorkplace.com",
      hotlineDomestic: "1-800-461-9330",
      hotlineInternational: expect.stringContaining("1-720-514-4400"),
      legalContactPhone: "216-910-3502",
      legalContactAddress: expect.stringContaining(
        "25825 Science Park Drive, Suite 400, Beachwood, Ohio 44122-7392",
      ),
    });
  });

  it("has the Senior Officers the Senior Officers Code names (SOC-1) and finance & accounting staff", async () => {
    const seniors = await people({ category: "senior_officer" });
    const titles = seniors.items.map((p) => p.title ?? "");
    for (const t of [
      "Chief Executive Officer",
      "Chief Financial Officer",
      "Assistant Chief Financial Officer",
      "Controller",
      "Chief Accounting Officer",
      "Treasurer",
    ]) {
      expect(
        titles.some((title) => title.includes(t)),
        t,
      ).toBe(true);
    }
    expect((await people({ category: "finance_accounting" })).total).toBeGreaterThan(10);
  });

  it("binds directors, officers and employees (COC-0.1) across the group's legal entities", async () => {
    expect((await people({ kind: "director" })).total).toBeGreaterThanOrEqual(6);
    expect((await people({ kind: "officer" })).total).toBeGreaterThanOrEqual(8);
    const all = await people({ status: "all" });
    expect(all.total).toBeGreaterThan(300);
    const countries = new Set(
      (await people({ status: "all", pageSize: 200, page: 2 })).items.map((p) => p.locationCountry),
    );
    expect(countries.size).toBeGreaterThan(1);
    const entities = await t.database.db
      .withTables<{ legal_entities: { name: string } }>()
      .selectFrom("legal_entities")
      .select("name")
      .execute();
    expect(entities.map((e) => e.name)).toContain("Aleris Deutschland Holding GmbH");
  });

  it("has a three-member Compensation Committee (CC-1) and an Audit Committee chair", async () => {
    const board = await people({ kind: "director" });
    expect(board.items.filter((p) => /Compensation/.test(p.title ?? "")).length).toBeGreaterThanOrEqual(3);
    expect(board.items.some((p) => /Chair of the Audit Committee/.test(p.title ?? ""))).toBe(true);
  });

  it("screens its counterparties against the 2021 SDN snapshot: a state exporter's trading arm in review, a clear supplier's payment approved (COC-18.1, COC-20.1)", async () => {
    const db = t.database.db.withTables<{
      counterparties: { name: string; status: string };
      screening_transactions: { description: string; status: string };
    }>();
    const parties = new Map(
      (await db.selectFrom("counterparties").select(["name", "status"]).execute()).map((p) => [
        p.name,
        p.status,
      ]),
    );
    expect(parties.get("Rosoboronexport Trading")).toBe("review");
    expect(parties.get("Hanseatic Scrap Metals GmbH")).toBe("clear");
    const txs = await db.selectFrom("screening_transactions").select(["description", "status"]).execute();
    expect(txs.find((x) => /scrap/.test(x.description))?.status).toBe("approved");
    expect(txs.find((x) => /7075/.test(x.description))?.status).toBe("pending");
  });

  it("is the same every time and leaves a verifiable audit log", async () => {
    const other = await createTestDb();
    try {
      await seedDemo(other.ctx());
      const names = async (db: TestDb) =>
        (
          await listPeople(db.ctx(admin), peopleFilter.parse({ status: "all", pageSize: 200, sort: "name" }))
        ).items.map((p) => `${p.externalId} ${p.displayName}`);
      expect(await names(other)).toEqual(await names(t));
    } finally {
      await other.destroy();
    }
    expect(await verifyChain(t.ctx())).toMatchObject({ ok: true });
  }, 180_000); // seeds the demo a second time: the same budget as the seeding above
});

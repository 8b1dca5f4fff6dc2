import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../../test/db.ts";
import { actorWith, buildPerson } from "../../../test/factories.ts";
import { findNamedPeople } from "./named-people.ts";

/** How a report names people (COC-22.2, SOC-4): certain, probable, or not at all. */
describe(`reading who a report names (${process.env.PROBITY_TEST_DIALECT ?? "sqlite"})`, () => {
  let t: TestDb;
  const admin = actorWith(["admin"]);
  beforeAll(async () => {
    t = await createTestDb();
    await buildPerson(t.ctx(admin), { firstName: "Douglas", lastName: "Bayer", title: "Buyer" });
    await buildPerson(t.ctx(admin), { firstName: "Grace", lastName: "Long", title: "Engineer" });
    await buildPerson(t.ctx(admin), {
      firstName: "Daniel",
      lastName: "Okafor",
      title: "Chief Financial Officer",
    });
    await buildPerson(t.ctx(admin), {
      firstName: "Priya",
      lastName: "Raman",
      title: "Assistant Chief Financial Officer",
    });
  });
  afterAll(() => t.destroy());

  const read = (text: string) => findNamedPeople(t.ctx(), { involved: [], texts: [text], pickedIds: [] });

  it("COC-22.2: ordinary words that look like surnames name nobody", async () => {
    expect((await read("The buyer's brother-in-law owns a scrap supplier.")).matches).toEqual([]);
    expect((await read("It went on for a long time.")).matches).toEqual([]);
  });

  it("COC-22.2: a capitalised surname alone is a probable match, the full name a certain one", async () => {
    expect((await read("Long approved it.")).matches).toEqual([
      expect.objectContaining({ name: "Grace Long", certainty: "probable", how: "surname only" }),
    ]);
    expect((await read("Okafor, Daniel approved it.")).matches).toEqual([
      expect.objectContaining({ name: "Daniel Okafor", certainty: "certain" }),
    ]);
  });

  it("SOC-4: an office names its holder for certain and a near title probably", async () => {
    const r = await read("Our CFO knew.");
    expect(r.namesSeniorOffice).toBe(true);
    expect(r.matches).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "Daniel Okafor", certainty: "certain" }),
        expect.objectContaining({ name: "Priya Raman", certainty: "probable" }),
      ]),
    );
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../../test/db.ts";
import { actorWith, buildEntity } from "../../../test/factories.ts";
import { importPeople } from "./import-people.ts";
import { listPeople } from "./list-people.ts";
import { peopleFilter } from "./schemas.ts";

const HEADER =
  "employee_id,first_name,last_name,email,kind,title,department,country,legal_entity,supervisor_id,hire_date,end_date,categories";

describe(`HR import (${process.env.PROBITY_TEST_DIALECT ?? "sqlite"})`, () => {
  let t: TestDb;
  const admin = actorWith(["admin"]);
  beforeAll(async () => {
    t = await createTestDb();
    await buildEntity(t.ctx(admin), { code: "ACME-US", country: "US" });
  });
  afterAll(() => t.destroy());

  const count = async () => (await listPeople(t.ctx(admin), peopleFilter.parse({ status: "all" }))).total;

  /** Hanna (CEO) and Ivo (her accountant), as the first file an HR system sends. */
  const FIRST_FILE = [
    HEADER,
    "H1,Hanna,Boss,hanna@acme.example,officer,CEO,Executive,US,ACME-US,,2010-01-04,,executive_officer;senior_officer",
    "H2,Ivo,Worker,ivo@acme.example,employee,Accountant,Finance,us,acme-us,H1,2015-05-01,,finance_accounting",
  ].join("\n");

  it("shows the diff on a dry run and writes nothing", async () => {
    const csv = FIRST_FILE;
    const result = await importPeople(t.ctx(admin), { csv, dryRun: true });
    expect(result.summary).toEqual({ created: 2, updated: 0, ended: 0, unchanged: 0, errors: 0 });
    expect(result.changes[1]).toMatchObject({
      row: 3,
      action: "create",
      externalId: "H2",
      name: "Ivo Worker",
      fields: { country: { from: null, to: "US" }, supervisor_id: { to: "H1" } },
    });
    expect(await count()).toBe(0);

    const applied = await importPeople(t.ctx(admin), { csv, dryRun: false });
    expect(applied.applied).toBe(true);
    const people = await listPeople(t.ctx(admin), peopleFilter.parse({ sort: "name" }));
    expect(people.items.find((p) => p.externalId === "H2")).toMatchObject({
      supervisorName: "Hanna Boss",
      legalEntityName: expect.any(String),
      categories: ["finance_accounting"],
    });
  });

  it("updates, ends employment and leaves unchanged rows alone; absent columns keep their values", async () => {
    // Hanna and Ivo exist (a second import of the same file changes nothing when they already do).
    await importPeople(t.ctx(admin), { csv: FIRST_FILE, dryRun: false });
    const csv = ["employee_id,title,end_date", "H1,CEO,", "H2,Senior Accountant,2026-02-27"].join("\n");
    const result = await importPeople(t.ctx(admin), { csv, dryRun: false });
    expect(result.summary).toMatchObject({ created: 0, updated: 0, ended: 1, unchanged: 1 });
    expect(result.changes[1]!.fields).toEqual({
      title: { from: "Accountant", to: "Senior Accountant" },
      end_date: { from: null, to: "2026-02-27" },
    });
    const ended = await listPeople(t.ctx(admin), peopleFilter.parse({ status: "ended" }));
    expect(ended.items.map((p) => [p.externalId, p.department])).toEqual([["H2", "Finance"]]);
    const actions = await t.database.db.selectFrom("audit_events").select("action").orderBy("seq").execute();
    expect(actions.map((a) => a.action).slice(-2)).toEqual(["person.end", "people.import"]);
  });

  it("reports every broken row by row and column, and writes nothing at all", async () => {
    const before = await count();
    const csv = [
      HEADER,
      "N1,Nora,New,nora@acme.example,employee,,,US,ACME-US,,2024-01-01,,",
      "N2,,Nameless,not-an-email,robot,,,XX,NOPE,H9,2024-13-01,,pirate",
      "N1,Nora,Twice,,,,,,,,,,",
      "N3,Short,Row",
      "N4,Loop,Self,,,,,,,N4,,,",
      "N5,Ends,Early,,,,,,,,2024-05-01,2024-04-01,",
    ].join("\n");
    const dry = await importPeople(t.ctx(admin), { csv, dryRun: true });
    const byRow = (row: number) => dry.errors.filter((e) => e.row === row).map((e) => e.column);
    expect(byRow(2)).toEqual([]);
    expect(byRow(3).sort()).toEqual(
      [
        "categories",
        "country",
        "email",
        "first_name",
        "hire_date",
        "kind",
        "legal_entity",
        "supervisor_id",
      ].sort(),
    );
    expect(dry.errors.find((e) => e.row === 4)).toMatchObject({
      column: "employee_id",
      message: "N1 already appears in row 2",
    });
    expect(dry.errors.find((e) => e.row === 5)).toMatchObject({
      column: "-",
      message: "has 3 fields but the header has 13",
    });
    expect(dry.errors.find((e) => e.row === 6)).toMatchObject({
      column: "supervisor_id",
      message: "a person cannot supervise themselves",
    });
    expect(dry.errors.find((e) => e.row === 7)).toMatchObject({
      column: "end_date",
      message: "is before the hire date",
    });

    await expect(importPeople(t.ctx(admin), { csv, dryRun: false })).rejects.toMatchObject({
      code: "INVALID",
      extra: {
        result: { errors: expect.arrayContaining([expect.objectContaining({ row: 3, column: "email" })]) },
      },
    });
    expect(await count()).toBe(before);
  });

  it("refuses a file that would create a reporting loop", async () => {
    const csv = ["employee_id,first_name,last_name,supervisor_id", "L1,Lou,One,L2", "L2,Lee,Two,L1"].join(
      "\n",
    );
    const dry = await importPeople(t.ctx(admin), { csv, dryRun: true });
    expect(dry.errors.map((e) => [e.row, e.message])).toEqual([
      [2, "creates a reporting loop"],
      [3, "creates a reporting loop"],
    ]);
  });

  it("rejects headers it does not know and files that are not CSV", async () => {
    const unknown = await importPeople(t.ctx(admin), {
      csv: "employee_id,first_name,last_name,salary\nZ1,A,B,100",
      dryRun: true,
    });
    expect(unknown.errors).toEqual([expect.objectContaining({ row: 1, column: "salary" })]);
    const missing = await importPeople(t.ctx(admin), { csv: "first_name\nA", dryRun: true });
    expect(missing.errors.map((e) => e.column)).toEqual(["employee_id"]);
    await expect(importPeople(t.ctx(admin), { csv: "first_name\nA", dryRun: false })).rejects.toMatchObject({
      code: "INVALID",
    });
    const newWithoutName = await importPeople(t.ctx(admin), {
      csv: "employee_id,title\nZ9,Clerk",
      dryRun: true,
    });
    expect(newWithoutName.errors.map((e) => e.column)).toEqual(["first_name", "last_name"]);
    await expect(
      importPeople(t.ctx(admin), { csv: 'employee_id,first_name\n"Z1,A', dryRun: true }),
    ).rejects.toMatchObject({ code: "INVALID", message: expect.stringMatching(/not valid CSV/) });
  });

  it("is only for those with people.import", async () => {
    await expect(
      importPeople(t.ctx(actorWith(["compliance_officer"])), { csv: HEADER, dryRun: true }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe(`HR import of files as spreadsheets save them (issue 14, finding 6) (${process.env.PROBITY_TEST_DIALECT ?? "sqlite"})`, () => {
  let t: TestDb;
  const admin = actorWith(["admin"]);
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.destroy());

  const nameOf = async (externalId: string) => {
    const people = await listPeople(t.ctx(admin), peopleFilter.parse({ status: "all", q: externalId }));
    const person = people.items.find((p) => p.externalId === externalId);
    return person && `${person.firstName} ${person.lastName}`;
  };

  it("a Windows-1252, semicolon-separated file keeps François Dürr's name, and the dry run says how it was read", async () => {
    const bytes = Buffer.from(
      "employee_id;first_name;last_name\r\nW1;François;Dürr\r\nW2;Zoë;Ærø\r\n",
      "latin1",
    );
    const dry = await importPeople(t.ctx(admin), { csv: bytes, dryRun: true });
    expect(dry.read).toEqual({ encoding: "Windows-1252", delimiter: "semicolon" });
    expect(dry.errors).toEqual([]);
    expect(dry.changes.map((c) => c.name)).toEqual(["François Dürr", "Zoë Ærø"]);
    const applied = await importPeople(t.ctx(admin), { csv: bytes, dryRun: false });
    expect(applied.summary.created).toBe(2);
    expect(await nameOf("W1")).toBe("François Dürr");
    expect(await nameOf("W2")).toBe("Zoë Ærø");
  });

  it("reads UTF-8 with a BOM and UTF-16 with a BOM, tab-separated", async () => {
    const utf8 = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from("employee_id,first_name,last_name\nU1,Łukasz,Żółć\n", "utf8"),
    ]);
    const first = await importPeople(t.ctx(admin), { csv: utf8, dryRun: false });
    expect(first.read).toEqual({ encoding: "UTF-8 with byte-order mark", delimiter: "comma" });
    expect(await nameOf("U1")).toBe("Łukasz Żółć");
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from("employee_id\tfirst_name\tlast_name\nU2\tSøren\tKierkegård\n", "utf16le"),
    ]);
    const second = await importPeople(t.ctx(admin), { csv: utf16, dryRun: false });
    expect(second.read).toEqual({ encoding: "UTF-16LE with byte-order mark", delimiter: "tab" });
    expect(await nameOf("U2")).toBe("Søren Kierkegård");
  });

  it("refuses a file that is neither UTF-8 nor Windows-1252 with the row and column, writing nothing", async () => {
    const bytes = Buffer.concat([
      Buffer.from("employee_id;first_name;last_name\nX1;Fran\xe7ois;D", "latin1"),
      Buffer.from([0x8d]),
      Buffer.from("rr\n", "latin1"),
    ]);
    await expect(importPeople(t.ctx(admin), { csv: bytes, dryRun: true })).rejects.toThrow(
      /row 2, last_name holds the byte 0x8d/,
    );
    expect(await nameOf("X1")).toBeUndefined();
  });

  it("refuses text with replacement characters (a browser read the file as UTF-8) instead of storing Fran\uFFFDois", async () => {
    const csv = "employee_id,first_name,last_name\nR1,Fran\uFFFDois,D\uFFFDrr\n";
    await expect(importPeople(t.ctx(admin), { csv, dryRun: true })).rejects.toThrow(
      /Row 2, first_name has a character that could not be read/,
    );
    expect(await nameOf("R1")).toBeUndefined();
  });
});

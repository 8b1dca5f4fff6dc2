import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../../test/db.ts";
import { actorWith, buildPerson } from "../../../test/factories.ts";
import { getDashboard } from "./home.ts";

/** Issue 12, finding 15: the dashboard's counts reach only those whose permission reads them. */
describe(`dashboard counts by permission (${process.env.PROBITY_TEST_DIALECT ?? "sqlite"})`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await buildPerson(t.ctx());
  });
  afterAll(() => t.destroy());

  it("an employee or an investor gets no headcount, audit-event, outbox or dead-job count", async () => {
    for (const roles of [[], ["investor"]] as const) {
      const d = await getDashboard(t.ctx(actorWith([...roles])));
      expect(d).toMatchObject({
        people: null,
        auditEvents: null,
        outboxPending: null,
        deadJobs: null,
        headcountByCountry: [],
        headcountByEntity: [],
      });
    }
  });

  it("an administrator sees every count; an auditor headcount and audit events but not the outbox", async () => {
    const admin = await getDashboard(t.ctx(actorWith(["admin"])));
    expect(admin.people?.active).toBeGreaterThan(0);
    expect(admin.auditEvents).toBeGreaterThan(0);
    expect(admin.outboxPending).toEqual(expect.any(Number));
    expect(admin.deadJobs).toEqual(expect.any(Number));
    const auditor = await getDashboard(t.ctx(actorWith(["auditor"])));
    expect(auditor.people?.active).toBeGreaterThan(0);
    expect(auditor.auditEvents).toBeGreaterThan(0);
    expect(auditor.outboxPending).toBeNull();
    expect(auditor.deadJobs).toBeNull();
  });
});

import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileReport, reportInput } from "../src/domains/speakup/index.ts";
import { acknowledgeCase, transitionCase } from "../src/domains/speakup/manage-case.ts";
import { purgeExpiredCases } from "../src/domains/speakup/retention.ts";
import { createTestDb, dialect, type TestDb } from "./db.ts";
import { actorWith, buildUser } from "./factories.ts";

const YEAR = 365 * 86_400_000;

/**
 * Issue 13: the legal-hold check speak-up's retention asks (kernel/holds.ts) is registered where the
 * application is built, not when the disclosures domain happens to load. This file loads only the
 * kernel and speak-up (the hold is written as rows), so it fails if the check depends on import order.
 */
describe(`legal-hold check without the disclosures domain loaded (${dialect})`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.destroy());

  it("COC-15.1: retention refuses to purge a closed case an active legal hold covers, with only the kernel and speak-up loaded", async () => {
    const ccoUser = await buildUser(t.ctx(), ["compliance_officer"]);
    const cco = actorWith(["compliance_officer"], { userId: ccoUser.id });
    const filed = await fileReport(
      t.ctx(),
      reportInput.parse({
        category: "fraud_theft",
        summary: "Stolen scrap",
        details: "Pallets left the yard at night",
        identityMode: "anonymous",
        password: "reporter-pass-1",
        idempotencyKey: randomUUID(),
      }),
    );
    await acknowledgeCase(t.ctx(cco), filed.caseId);
    await transitionCase(t.ctx(cco), filed.caseId, { to: "triage" });
    await transitionCase(t.ctx(cco), filed.caseId, {
      to: "closed",
      note: "Closed",
      closingMessage: "Outcome",
    });
    const now = t.clock.now().toISOString();
    const holdId = randomUUID();
    await sql`insert into legal_holds (id, number, matter, scope, status, reminder_days, renotice_days,
      next_renotice_at, issued_by_label, issued_at, released_by_label, released_at, release_note)
      values (${holdId}, 'LH-1', 'Scrap yard litigation', 'Everything', 'active', 7, 90, ${now}, 'Legal',
      ${now}, null, null, null)`.execute(t.database.db);
    await sql`insert into legal_hold_cases (hold_id, case_id) values (${holdId}, ${filed.caseId})`.execute(
      t.database.db,
    );

    t.clock.advance(10 * YEAR);
    expect(await purgeExpiredCases(t.ctx())).toEqual({ purged: 0, heldBack: 1 });
  });
});

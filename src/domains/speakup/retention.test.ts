import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, dialect, type TestDb } from "../../../test/db.ts";
import { actorWith, buildPerson, buildUser, caseInput } from "../../../test/factories.ts";
import type { Actor } from "../../kernel/context.ts";
import { issueHold, releaseHold } from "../disclosures/index.ts";
import { fileReport } from "./file-report.ts";
import { getCase } from "./get-case.ts";
import { listCases } from "./list-cases.ts";
import { openMailbox } from "./mailbox.ts";
import { acknowledgeCase, mergeCase, postHandlerMessage, transitionCase } from "./manage-case.ts";
import { purgeExpiredCases, yearsBefore } from "./retention.ts";
import { caseFilter, type ReportInput } from "./schemas.ts";
import { getSpeakupSettings, updateSpeakupSettings } from "./settings.ts";
import { ReceiptThrottle } from "./throttle.ts";

const DAY = 86_400_000;

/** COC-15.1: closed speak-up cases are purged after the retention period, unless a legal hold covers them. */
describe(`speak-up retention (${dialect})`, () => {
  let t: TestDb;
  let cco: Actor;
  let gc: Actor;
  let custodian: { id: string };
  const MARKER = `QUOKKA${randomUUID().replace(/-/g, "").slice(0, 10)}`;

  const report = (overrides: Partial<ReportInput> = {}) =>
    caseInput({
      summary: `Stolen scrap ${MARKER}`,
      details: `Pallets left the yard at night ${MARKER}`,
      identityMode: "confidential",
      identity: { name: `Reporter ${MARKER}`, email: "reporter@example.com" },
      attachments: [
        {
          filename: `photo-${MARKER}.txt`,
          contentType: "text/plain",
          base64: Buffer.from(`bytes ${MARKER}`).toString("base64"),
        },
      ],
      ...overrides,
    });

  /** Files a report, writes to the reporter and closes the case; returns its id and receipt. */
  async function closedCase(overrides: Partial<ReportInput> = {}) {
    const filed = await fileReport(t.ctx(), report(overrides));
    const ctx = t.ctx(cco);
    await acknowledgeCase(ctx, filed.caseId);
    await postHandlerMessage(ctx, filed.caseId, `A question ${MARKER}`);
    await transitionCase(ctx, filed.caseId, { to: "triage" });
    await transitionCase(ctx, filed.caseId, {
      to: "closed",
      note: `Closed ${MARKER}`,
      closingMessage: `Outcome ${MARKER}`,
    });
    return filed;
  }

  const row = (id: string) =>
    t.database.db
      .withTables<{
        speakup_cases: {
          id: string;
          number: string;
          category: string;
          status: string;
          content: string;
          data_key: string;
          people: string;
          reporter_identity: string | null;
          receipt_hash: string | null;
          password_hash: string | null;
          received_at: string;
          closed_at: string | null;
          purged_at: string | null;
        };
      }>()
      .selectFrom("speakup_cases")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
  const countRows = async (table: string, caseId: string) =>
    Number(
      (
        await t.database.db
          .withTables<Record<string, { case_id: string }>>()
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number | string>().as("n"))
          .where("case_id", "=", caseId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const events = (caseId: string, action: string) =>
    t.database.db
      .selectFrom("audit_events")
      .select(["payload"])
      .where("subject_id", "=", caseId)
      .where("action", "=", action)
      .execute();

  beforeAll(async () => {
    t = await createTestDb();
    const ccoUser = await buildUser(t.ctx(), ["compliance_officer"]);
    cco = actorWith(["compliance_officer"], { userId: ccoUser.id });
    const gcPerson = await buildPerson(t.ctx());
    const gcUser = await buildUser(t.ctx(), ["general_counsel"], { personId: gcPerson.id });
    gc = actorWith(["general_counsel"], { userId: gcUser.id, personId: gcPerson.id });
    custodian = await buildPerson(t.ctx(), { firstName: "Hollis", lastName: "Verhoeven" });
  });
  afterAll(() => t.destroy());

  it("COC-15.1: seven years after closure by default; a year is a calendar year", async () => {
    expect((await getSpeakupSettings(t.ctx())).retentionYearsAfterClosure).toBe(7);
    expect(yearsBefore(new Date("2033-03-02T14:00:00.000Z"), 7)).toBe("2026-03-02T14:00:00.000Z");
    expect(yearsBefore(new Date("2028-02-29T00:00:00.000Z"), 1)).toBe("2027-02-28T00:00:00.000Z");
  });

  it("COC-15.1: purges a closed case past retention, keeps one under a legal hold (audited once) until the hold is released, never an open case", async () => {
    const expired = await closedCase();
    const heldCase = await closedCase();
    const heldPerson = await closedCase({
      involved: [{ name: "Hollis Verhoeven", personId: custodian.id }],
    });
    const open = await fileReport(t.ctx(), report());
    const hold = await issueHold(t.ctx(gc), {
      matter: "Scrap yard litigation",
      scope: "Everything about the Lewisport yard",
      custodianIds: [custodian.id],
      caseIds: [heldCase.caseId],
    });

    // Within the retention period nothing goes.
    t.clock.advance(365 * DAY);
    expect(await purgeExpiredCases(t.ctx())).toEqual({ purged: 0, heldBack: 0 });

    t.clock.advance(7 * 365 * DAY);
    // One case per page: every page is read, held cases do not stop the run.
    expect(await purgeExpiredCases(t.ctx(), { pageSize: 1 })).toEqual({ purged: 1, heldBack: 2 });

    // The purged case: a tombstone with its number, category, dates and outcome; nothing sealed left.
    const tomb = await row(expired.caseId);
    expect(tomb).toMatchObject({
      number: expired.number,
      category: "fraud_theft",
      status: "closed",
      content: "",
      data_key: "",
      people: "",
      reporter_identity: null,
      receipt_hash: null,
      password_hash: null,
    });
    expect(tomb.purged_at).not.toBeNull();
    expect(tomb.closed_at).not.toBeNull();
    for (const table of [
      "speakup_messages",
      "speakup_attachments",
      "speakup_case_items",
      "speakup_case_people",
      "speakup_watch",
    ])
      expect(await countRows(table, expired.caseId)).toBe(0);

    // The held cases keep everything.
    for (const id of [heldCase.caseId, heldPerson.caseId]) {
      const kept = await row(id);
      expect(kept.purged_at).toBeNull();
      expect(kept.content).not.toBe("");
      expect(await countRows("speakup_messages", id)).toBeGreaterThan(0);
      expect(await events(id, "speakup.retention.hold")).toHaveLength(1);
    }
    // The open case is never purged, however old.
    expect((await row(open.caseId)).purged_at).toBeNull();

    // A second run holds back again without a second audit event.
    expect(await purgeExpiredCases(t.ctx())).toEqual({ purged: 0, heldBack: 2 });
    expect(await events(heldCase.caseId, "speakup.retention.hold")).toHaveLength(1);

    // Released: the next run purges both.
    await releaseHold(t.ctx(gc), hold.id, { note: "Settled" });
    expect(await purgeExpiredCases(t.ctx(), { pageSize: 1 })).toEqual({ purged: 2, heldBack: 0 });
    expect((await row(heldCase.caseId)).purged_at).not.toBeNull();
    expect((await row(heldPerson.caseId)).purged_at).not.toBeNull();
    expect((await row(open.caseId)).purged_at).toBeNull();

    // The audit events name the case, never its content or the reporter.
    const purgeEvent = await events(expired.caseId, "speakup.retention.purge");
    expect(purgeEvent).toHaveLength(1);
    const all = await t.database.db
      .selectFrom("audit_events")
      .select(["action", "payload"])
      .where("action", "like", "speakup.retention.%")
      .execute();
    expect(all.length).toBe(5);
    for (const e of all) {
      expect(e.payload).not.toContain(MARKER);
      expect(e.payload).not.toContain("Hollis");
      expect(e.payload).not.toContain(custodian.id);
      expect(e.payload).toContain("COC-15.1");
    }
  });

  it("COC-15.1: purged content cannot be read back: the case shows as purged, cannot be worked on, the mailbox no longer opens", async () => {
    const filed = await closedCase();
    t.clock.advance(8 * 365 * DAY);
    await purgeExpiredCases(t.ctx());
    const view = await getCase(t.ctx(cco), filed.caseId);
    expect(view).toMatchObject({
      number: filed.number,
      category: "fraud_theft",
      status: "closed",
      content: null,
      reporter: null,
      messages: [],
      attachments: [],
      can: { transitionTo: [], message: false },
    });
    expect(view.purgedAt).not.toBeNull();
    expect(JSON.stringify(view)).not.toContain(MARKER);
    const listed = await listCases(t.ctx(cco), caseFilter.parse({ status: "closed" }));
    const item = listed.items.find((c) => c.id === filed.caseId);
    expect(item).toMatchObject({ summary: null });
    await expect(transitionCase(t.ctx(cco), filed.caseId, { to: "triage" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("COC-15.1"),
    });
    await expect(
      openMailbox(t.ctx(), {
        receipt: filed.receipt,
        password: "reporter-pass-1",
        throttle: new ReceiptThrottle(),
      }),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("COC-15.1: a case merged into an open case stays until the case it joined is purged", async () => {
    const merged = await fileReport(t.ctx(), report());
    const survivor = await fileReport(t.ctx(), report());
    await mergeCase(t.ctx(cco), merged.caseId, survivor.caseId);
    t.clock.advance(8 * 365 * DAY);
    await purgeExpiredCases(t.ctx());
    expect((await row(merged.caseId)).purged_at).toBeNull();
    await acknowledgeCase(t.ctx(cco), survivor.caseId);
    await transitionCase(t.ctx(cco), survivor.caseId, { to: "triage" });
    await postHandlerMessage(t.ctx(cco), survivor.caseId, "We found nothing to act on.", {
      isFeedback: true,
      toCaseId: merged.caseId,
    });
    await transitionCase(t.ctx(cco), survivor.caseId, {
      to: "closed",
      note: "Duplicate reports, no case",
      closingMessage: "We found nothing to act on.",
    });
    t.clock.advance(8 * 365 * DAY);
    expect(await purgeExpiredCases(t.ctx())).toMatchObject({ purged: 2 });
    expect((await row(merged.caseId)).purged_at).not.toBeNull();
    expect((await row(survivor.caseId)).purged_at).not.toBeNull();
  });

  it("COC-15.1: the retention period is a speak-up setting", async () => {
    const settings = await getSpeakupSettings(t.ctx());
    await updateSpeakupSettings(t.ctx(cco), { ...settings, retentionYearsAfterClosure: 10 });
    expect((await getSpeakupSettings(t.ctx())).retentionYearsAfterClosure).toBe(10);
    const filed = await closedCase();
    t.clock.advance(8 * 365 * DAY);
    await purgeExpiredCases(t.ctx());
    expect((await row(filed.caseId)).purged_at).toBeNull();
    t.clock.advance(3 * 365 * DAY);
    await purgeExpiredCases(t.ctx());
    expect((await row(filed.caseId)).purged_at).not.toBeNull();
  });
});

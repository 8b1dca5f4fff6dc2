import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, dialect, type TestDb } from "../../../test/db.ts";
import { actorWith, buildMember } from "../../../test/factories.ts";
import { mailsTo, tasksOf } from "../../../test/records.ts";
import type { Actor } from "../../kernel/context.ts";
import type { RoleName } from "../people/index.ts";
import { fileReport } from "../speakup/index.ts";
import { reportInput } from "../speakup/schemas.ts";
import { logBoycottRequest, purgeExpiredBoycottRecords } from "./boycotts.ts";
import {
  acknowledgeHold,
  addCustodians,
  getHold,
  issueHold,
  isUnderHold,
  listHolds,
  releaseHold,
  remindCustodians,
} from "./legal-holds.ts";

type Who = { personId: string; userId: string; actor: Actor; email: string };
const DAY = 86_400_000;

describe(`legal holds (${dialect})`, () => {
  let t: TestDb;
  let gc: Who;
  let custodian: Who;
  let other: Who;
  let caseId: string;

  const who = (roles: RoleName[]): Promise<Who> =>
    buildMember(t.ctx(), roles, { email: `${Math.random().toString(36).slice(2)}@example.com` });
  const openTasks = (userId: string) => tasksOf(t.database, userId, { open: true });
  const mails = (to: string) => mailsTo(t.database, to);

  beforeAll(async () => {
    t = await createTestDb();
    gc = await who(["general_counsel"]);
    custodian = await who([]);
    other = await who([]);
    const filed = await fileReport(
      t.ctx(),
      reportInput.parse({
        category: "other",
        summary: "Records at the plant",
        password: "long enough password",
        idempotencyKey: "hold-test-0000000001",
      }),
    );
    caseId = filed.caseId;
  });
  afterAll(() => t.destroy());

  it("COC-15.1: only Legal issues a hold; custodians come from the directory", async () => {
    await expect(
      issueHold(t.ctx(custodian.actor), { matter: "x", scope: "y", custodianIds: [custodian.personId] }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("COC-15.1, Code section 15"),
    });
    await expect(
      issueHold(t.ctx(gc.actor), { matter: "x", scope: "y", custodianIds: ["nobody"] }),
    ).rejects.toMatchObject({ code: "INVALID", message: expect.stringContaining("directory") });
  });

  it("COC-15.1: notice, acknowledgment, reminders until acknowledged, re-notice, release; retention skips held records", async () => {
    expect(await isUnderHold(t.ctx(), { personId: custodian.personId })).toBe(false);
    const hold = await issueHold(t.ctx(gc.actor), {
      matter: "Smith v. Aleris",
      scope: "All e-mail about the Q3 scrap contracts.",
      custodianIds: [custodian.personId, other.personId],
      caseIds: [caseId],
      reminderDays: 3,
      renoticeDays: 30,
    });
    expect(hold).toMatchObject({ status: "active", acknowledged: 0 });
    expect(hold.custodians).toHaveLength(2);
    expect(await isUnderHold(t.ctx(), { personId: custodian.personId })).toBe(true);
    expect(await isUnderHold(t.ctx(), { caseId })).toBe(true);
    expect((await openTasks(custodian.userId)).map((x) => x.kind)).toContain("disclosures.hold.acknowledge");
    expect((await mails(custodian.email)).some((m) => m.subject.includes(hold.number))).toBe(true);

    // A custodian sees their own line only; someone else cannot see the hold at all.
    const seen = await getHold(t.ctx(custodian.actor), hold.id);
    expect(seen.custodians).toHaveLength(1);
    expect(seen.can.acknowledge).toBe(true);
    await expect(getHold(t.ctx(actorWith([])), hold.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(acknowledgeHold(t.ctx(gc.actor), hold.id)).rejects.toMatchObject({ code: "FORBIDDEN" });

    const acked = await acknowledgeHold(t.ctx(custodian.actor), hold.id);
    expect(acked.custodians[0]!.acknowledgedAt).not.toBeNull();
    expect((await openTasks(custodian.userId)).map((x) => x.kind)).not.toContain(
      "disclosures.hold.acknowledge",
    );

    // Reminders go to those who have not acknowledged, every reminderDays.
    expect(await remindCustodians(t.ctx())).toEqual({ reminded: 0, renoticed: 0 });
    t.clock.advance(3 * DAY);
    expect(await remindCustodians(t.ctx())).toEqual({ reminded: 1, renoticed: 0 });
    expect(await remindCustodians(t.ctx())).toEqual({ reminded: 0, renoticed: 0 });
    expect((await mails(other.email)).some((m) => m.subject.startsWith("Reminder"))).toBe(true);

    // The periodic re-notice must be acknowledged again.
    t.clock.advance(27 * DAY);
    const r = await remindCustodians(t.ctx());
    expect(r.renoticed).toBe(2);
    expect((await getHold(t.ctx(gc.actor), hold.id)).acknowledged).toBe(0);
    expect((await mails(custodian.email)).some((m) => m.subject.startsWith("Re-notice"))).toBe(true);

    // Retention of my own records (boycott requests, five years) skips people under a hold.
    const ctx = t.ctx(custodian.actor);
    await logBoycottRequest(ctx, {
      receivedOn: "2020-01-15",
      requester: "Buyer",
      documentType: "letter_of_credit",
      requestText: "Certify the goods are not of origin X.",
    });
    t.clock.set("2026-06-01T00:00:00.000Z");
    expect(await purgeExpiredBoycottRecords(t.ctx())).toEqual({ deleted: 0, heldBack: 1 });

    const added = await addCustodians(t.ctx(gc.actor), hold.id, {
      custodianIds: [custodian.personId, gc.personId],
    });
    expect(added.custodians).toHaveLength(3);
    await expect(releaseHold(t.ctx(gc.actor), hold.id, { note: "" })).rejects.toMatchObject({
      code: "INVALID",
    });
    const released = await releaseHold(t.ctx(gc.actor), hold.id, { note: "Case settled." });
    expect(released.status).toBe("released");
    expect(await isUnderHold(t.ctx(), { caseId })).toBe(false);
    expect(await isUnderHold(t.ctx(), { personId: custodian.personId })).toBe(false);
    expect((await openTasks(other.userId)).map((x) => x.kind)).not.toContain("disclosures.hold.acknowledge");
    expect(await purgeExpiredBoycottRecords(t.ctx())).toEqual({ deleted: 1, heldBack: 0 });
    expect((await listHolds(t.ctx(custodian.actor))).items.map((h) => h.id)).toContain(hold.id);
    expect((await listHolds(t.ctx(actorWith([])))).items).toHaveLength(0);
  });
});

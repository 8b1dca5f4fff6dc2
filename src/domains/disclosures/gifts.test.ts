import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAll } from "../../../test/assertions.ts";
import { createTestDb, dialect, type TestDb } from "../../../test/db.ts";
import { actorWith, buildDisclosure, buildPerson, buildUser } from "../../../test/factories.ts";
import type { Actor } from "../../kernel/context.ts";
import type { RoleName } from "../people/index.ts";
import { decideGift, fileGift, getGift, listGifts, recordGift, updateGiftSettings } from "./gifts.ts";

type Who = { personId: string; userId: string; actor: Actor };

describe(`gifts, meals, entertainment and hospitality (${dialect})`, () => {
  let t: TestDb;
  let employee: Who;
  let gc: Who;
  let compliance: Who;

  async function who(roles: RoleName[]): Promise<Who> {
    const person = await buildPerson(t.ctx());
    const user = await buildUser(t.ctx(), roles, { personId: person.id });
    return {
      personId: person.id,
      userId: user.id,
      actor: actorWith(roles, { userId: user.id, personId: person.id }),
    };
  }
  const dinner = {
    direction: "given" as const,
    counterpartyName: "Wei Zhang",
    organisation: "Ministry of Industry (PRC)",
    official: "non_us_government" as const,
    kind: "meal" as const,
    description: "Dinner after the plant visit",
    value: "180.00",
    eventDate: "2026-03-20",
    businessPurpose: "Plant visit for the import licence",
  };

  beforeAll(async () => {
    t = await createTestDb();
    employee = await who([]);
    gc = await who(["general_counsel"]);
    compliance = await who(["compliance_officer"]);
  });
  afterAll(() => t.destroy());

  it("COC-12.1: a gift to a foreign official cannot be recorded as given before Legal's written approval", async () => {
    const g = await fileGift(t.ctx(employee.actor), dinner);
    expect(g).toMatchObject({ status: "pending_approval", isGovernmentOfficial: true });
    expect(g.approvalReasons).toContain("government_official");
    const legalTasks = await t.database.db
      .selectFrom("tasks")
      .select("kind")
      .where("assignee_user_id", "=", gc.userId)
      .where("status", "=", "open")
      .execute();
    expect(legalTasks.map((x) => x.kind)).toContain("disclosures.gift.approve");
    await expect(recordGift(t.ctx(employee.actor), g.id)).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(
        /prior written approval \(COC-12\.1, Code section 12.*not approved .* in writing yet/,
      ),
    });
    await expect(
      decideGift(t.ctx(compliance.actor), g.id, { approve: true, text: "Approved by compliance" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("COC-12.1") });
    await expect(decideGift(t.ctx(gc.actor), g.id, { approve: true, text: "ok" })).rejects.toMatchObject({
      code: "INVALID",
    });
    const approved = await decideGift(t.ctx(gc.actor), g.id, {
      approve: true,
      text: "Approved: modest business meal, within local law. — Legal",
    });
    expect(approved).toMatchObject({
      status: "approved",
      approvalText: "Approved: modest business meal, within local law. — Legal",
      approver: gc.actor.label,
    });
    const recorded = await recordGift(t.ctx(employee.actor), g.id);
    expect(recorded.status).toBe("recorded");
    expect(recorded.recordedAt).not.toBeNull();
    await expect(recordGift(t.ctx(employee.actor), g.id)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("COC-12.1: recording a gift to an official without a prior request, or after the event, is refused", async () => {
    await expect(fileGift(t.ctx(employee.actor), { ...dinner, alreadyHappened: true })).rejects.toMatchObject(
      {
        code: "CONFLICT",
        message: expect.stringContaining(
          "cannot be recorded as given before Legal has approved it in writing",
        ),
      },
    );
    await expect(
      fileGift(t.ctx(employee.actor), { ...dinner, eventDate: "2026-02-01" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("before the event"),
    });
  });

  it("COC-2.2: a gift to US government personnel also needs approval; a refusal cannot be recorded", async () => {
    const g = await fileGift(t.ctx(employee.actor), {
      ...dinner,
      counterpartyName: "J. Smith",
      organisation: "US Department of Energy",
      official: "us_government",
      value: "20.00",
    });
    expect(g.status).toBe("pending_approval");
    await decideGift(t.ctx(gc.actor), g.id, {
      approve: false,
      text: "Refused: federal gift rules do not allow this.",
    });
    await expect(recordGift(t.ctx(employee.actor), g.id)).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("refused"),
    });
  });

  it("COC-6.5: per-item and per-recipient yearly thresholds trigger approval; the running total is shown", async () => {
    const base = {
      ...dinner,
      official: "none" as const,
      counterpartyName: "Anna Berg",
      organisation: "Nordic Metals AB",
      eventDate: "2026-03-10",
    };
    const small = await fileGift(t.ctx(employee.actor), { ...base, value: "90.00", alreadyHappened: true });
    expect(small).toMatchObject({ status: "recorded", approvalReasons: [], recipientYearTotal: "$90.00" });
    const big = await fileGift(t.ctx(employee.actor), { ...base, value: "120.00" });
    expect(big.approvalReasons).toEqual(["per_item"]);
    expect(big.recipientYearTotal).toBe("$210.00");
    const third = await fileGift(t.ctx(employee.actor), { ...base, value: "60.00" });
    expect(third.approvalReasons).toEqual(["per_recipient_year"]);
    expect(third.recipientYearTotal).toBe("$270.00");
    await expect(recordGift(t.ctx(employee.actor), third.id)).rejects.toMatchObject({
      message: expect.stringContaining("COC-6.5"),
    });
    // The same recipient, differently spelled, is the same recipient; another year starts afresh.
    const nextYear = await fileGift(t.ctx(employee.actor), {
      ...base,
      counterpartyName: "  anna  berg ",
      value: "60.00",
      eventDate: "2027-01-15",
    });
    expect(nextYear).toMatchObject({ status: "cleared", recipientYearTotal: "$60.00" });
    // Money is exact cents.
    const cents = await fileGift(t.ctx(employee.actor), {
      ...base,
      organisation: "Other AB",
      value: "0.10",
      alreadyHappened: true,
    });
    expect(cents.valueCents).toBe("10");
  });

  it("thresholds are configuration; a foreign-currency gift states its USD value", async () => {
    await expect(
      updateGiftSettings(t.ctx(employee.actor), { perItem: "50", perRecipientYear: "100" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await updateGiftSettings(t.ctx(compliance.actor), { perItem: "50.00", perRecipientYear: "100.00" });
    await expect(
      fileGift(t.ctx(employee.actor), { ...dinner, official: "none", currency: "EUR" }),
    ).rejects.toMatchObject({ code: "INVALID" });
    const eur = await fileGift(t.ctx(employee.actor), {
      ...dinner,
      official: "none",
      organisation: "Kunde GmbH",
      currency: "EUR",
      value: "55.00",
      usdValue: "60.00",
    });
    expect(eur).toMatchObject({ value: "EUR 55.00", usdValue: "$60.00", approvalReasons: ["per_item"] });
    await updateGiftSettings(t.ctx(compliance.actor), { perItem: "100.00", perRecipientYear: "250.00" });
  });

  it("the register is for Legal and Compliance; employees see their own entries", async () => {
    // Its own entries: gifts to officials awaiting Legal's approval, and recorded lunches.
    for (const official of ["non_us_government", "us_government"] as const)
      await buildDisclosure(t.ctx(), "gift", { by: employee, ...dinner, official, alreadyHappened: false });
    for (let i = 0; i < 2; i++) await buildDisclosure(t.ctx(), "gift", { by: employee });
    const mine = await listGifts(t.ctx(employee.actor));
    expect(mine.items.length).toBeGreaterThan(3);
    await expect(listGifts(t.ctx(employee.actor), { scope: "register" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const approvals = await listGifts(t.ctx(gc.actor), { scope: "approvals" });
    expectAll(approvals.items, (g) => g.status === "pending_approval", "gifts awaiting approval");
    const gov = await listGifts(t.ctx(compliance.actor), { scope: "register", official: "government" });
    expectAll(gov.items, (g) => g.isGovernmentOfficial, "gifts to officials");
    await expect(getGift(t.ctx(actorWith([])), mine.items[0]!.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

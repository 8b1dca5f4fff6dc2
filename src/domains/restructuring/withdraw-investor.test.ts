import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../../test/db.ts";
import { actorWith, buildOffering } from "../../../test/factories.ts";
import type { OfferingView } from "./offerings.ts";
import { updateFacts } from "./update-facts.ts";
import { withdrawInvestor } from "./withdraw-investor.ts";

describe(`ECA-26 withdrawal (${process.env.PROBITY_TEST_DIALECT ?? "sqlite"})`, () => {
  let t: TestDb;
  const admin = actorWith(["restructuring_admin"]);
  const agent = actorWith(["subscription_agent"]);
  const byCode = (o: OfferingView, code: string) => o.investors.find((i) => i.code === code)!;

  beforeAll(async () => {
    t = await createTestDb();
    t.clock.set("2026-06-01T14:00:00.000Z");
  });
  afterAll(() => t.destroy());

  it("records Apollo's election to withdraw; Oaktree assumes its percentage, with an audit event", async () => {
    const { offering: o } = await buildOffering(t.ctx());
    await updateFacts(t.ctx(admin), o.id, { expectedEffectiveDate: "2026-06-20" });
    const apollo = byCode(o, "apollo");
    await expect(
      withdrawInvestor(t.ctx(agent), apollo.id, { basis: "election", withdrawnOn: "2026-05-30", note: "" }),
    ).rejects.toThrow(/investor withdraw/);
    await expect(
      withdrawInvestor(t.ctx(admin), byCode(o, "sankaty").id, {
        basis: "election",
        withdrawnOn: "2026-05-30",
        note: "",
      }),
    ).rejects.toThrow(/Only Apollo's commitment/);
    await expect(
      withdrawInvestor(t.ctx(admin), apollo.id, { basis: "election", withdrawnOn: "2026-06-02", note: "" }),
    ).rejects.toMatchObject({ code: "INVALID", errors: [{ path: "withdrawnOn" }] });

    const after = await withdrawInvestor(t.ctx(admin), apollo.id, {
      basis: "election",
      withdrawnOn: "2026-05-30",
      note: "Letter of May 30",
    });
    expect(byCode(after, "apollo")).toMatchObject({
      withdrawnAt: "2026-05-30",
      effectiveBackstopPercentage: "0",
    });
    expect(byCode(after, "oaktree").effectiveBackstopPercentage).toBe("0.85");
    const events = await t
      .ctx()
      .db.selectFrom("audit_events")
      .selectAll()
      .where("action", "=", "investor.withdraw")
      .where("subject_id", "=", apollo.id)
      .execute();
    expect(events).toHaveLength(1);
    await expect(
      withdrawInvestor(t.ctx(admin), apollo.id, { basis: "election", withdrawnOn: "2026-05-30", note: "" }),
    ).rejects.toThrow(/already withdrew/);
  });

  it("deems the commitment withdrawn only 70 days after the HSR filing and without clearance", async () => {
    const { offering: o } = await buildOffering(t.ctx());
    const apollo = byCode(o, "apollo");
    await expect(
      withdrawInvestor(t.ctx(admin), apollo.id, {
        basis: "no-clearance",
        withdrawnOn: "2026-05-30",
        note: "",
      }),
    ).rejects.toMatchObject({ errors: [{ path: "basis" }] });
    await updateFacts(t.ctx(admin), o.id, { apolloHsrFilingDate: "2026-03-01" });
    await expect(
      withdrawInvestor(t.ctx(admin), apollo.id, {
        basis: "no-clearance",
        withdrawnOn: "2026-05-09",
        note: "",
      }),
    ).rejects.toThrow(/on 2026-05-10 \(ECA-26\)/);
    await expect(
      withdrawInvestor(t.ctx(admin), apollo.id, {
        basis: "no-clearance",
        withdrawnOn: "2026-06-05",
        note: "",
      }),
    ).rejects.toThrow(/after today/);
    await updateFacts(t.ctx(admin), o.id, { apolloCleared: true });
    await expect(
      withdrawInvestor(t.ctx(admin), apollo.id, {
        basis: "no-clearance",
        withdrawnOn: "2026-05-10",
        note: "",
      }),
    ).rejects.toThrow(/clearance is recorded/);
    await updateFacts(t.ctx(admin), o.id, { apolloCleared: false });
    const after = await withdrawInvestor(t.ctx(admin), apollo.id, {
      basis: "no-clearance",
      withdrawnOn: "2026-05-10",
      note: "",
    });
    expect(byCode(after, "oaktree").effectiveBackstopPercentage).toBe("0.85");
  });
});

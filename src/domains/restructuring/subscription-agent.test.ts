// The subscription agent's and the administrator's day (issue 16, first section): payments as a
// ledger, the allocation's gates and supersession, the progress reports caught up and on request.
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { createTestDb, type TestDb } from "../../../test/db.ts";
import { actorWith, buildOffering, type OfferingStage } from "../../../test/factories.ts";
import { computeDeadlines } from "./deadlines.ts";
import { getAllocation } from "./get-allocation.ts";
import { getOffering } from "./get-offering.ts";
import { listHolders } from "./list-holders.ts";
import { listProgressReports } from "./list-progress-reports.ts";
import { purchaseNoticePdf } from "./purchase-notice-pdf.ts";
import { recordElection } from "./record-election.ts";
import { listPayments, recordPayment } from "./record-payment.ts";
import { importRegister } from "./register.ts";
import { runAllocation } from "./run-allocation.ts";
import { requestProgressReport, sendProgressReports } from "./send-progress-reports.ts";

describe(`the subscription agent's day (${process.env.PROBITY_TEST_DIALECT ?? "sqlite"})`, () => {
  let t: TestDb;
  const admin = actorWith(["restructuring_admin"]);
  const agent = actorWith(["subscription_agent"]);
  const story = (stage: OfferingStage) => {
    t.clock.set("2026-03-02T14:00:00.000Z"); // a Monday in the exercise period (to 2026-03-13)
    return buildOffering(t.ctx(), stage);
  };
  const holder = async (offeringId: string, code: string) =>
    (await listHolders(t.ctx(agent), offeringId, { page: 1, pageSize: 50 })).items.find(
      (h) => h.code === code,
    )!;
  const audit = (action: string) =>
    t
      .ctx()
      .db.selectFrom("audit_events")
      .select(["payload", "subject_id"])
      .where("action", "=", action)
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.destroy());

  it("records an election without marking it paid, and payments with amount, date and wire reference (ECA-3(a))", async () => {
    const { offering } = await story("registered");
    const h5 = await holder(offering.id, "H5");
    const elected = await recordElection(t.ctx(agent), h5.id, { exercised: 500 });
    expect(elected).toMatchObject({ paid: "0.00", paymentStatus: "unpaid", owed: "500000.00", paidUnits: 0 });

    const partial = await recordPayment(t.ctx(agent), h5.id, {
      kind: "payment",
      amount: "200000.00",
      receivedOn: "2026-03-02",
      reference: "FED-0001",
      note: "",
    });
    expect(partial).toMatchObject({
      paid: "200000.00",
      owed: "300000.00",
      paymentStatus: "partial",
      paidUnits: 200,
    });
    const over = await recordPayment(t.ctx(agent), h5.id, {
      kind: "payment",
      amount: "350000.00",
      receivedOn: "2026-03-02",
      reference: "FED-0002",
      note: "",
    });
    expect(over).toMatchObject({
      paid: "550000.00",
      refund: "50000.00",
      paymentStatus: "overpaid",
      paidUnits: 500,
    });
    const back = await recordPayment(t.ctx(agent), h5.id, {
      kind: "refund",
      amount: "50000.00",
      receivedOn: "2026-03-02",
      reference: "FED-R-0001",
      note: "overpayment returned",
    });
    expect(back).toMatchObject({ paid: "500000.00", refund: "0.00", owed: "0.00", paymentStatus: "paid" });
    expect(
      (await listPayments(t.ctx(agent), h5.id)).map((p) => `${p.kind} ${p.amount} ${p.reference}`),
    ).toEqual(["payment 200000.00 FED-0001", "payment 350000.00 FED-0002", "refund 50000.00 FED-R-0001"]);
    // Audit: dollars with their unit, and the holder's code (ECA-3(a)).
    const event = await audit("payment.record");
    expect(event.subject_id).toBe(h5.id);
    expect(JSON.parse(event.payload)).toMatchObject({
      holder: "H5",
      kind: "refund",
      amount: { amount: "50000.00", unit: "USD" },
      paid: { amount: "500000.00", unit: "USD" },
    });

    await expect(
      recordPayment(t.ctx(agent), h5.id, {
        kind: "refund",
        amount: "500000.01",
        receivedOn: "2026-03-02",
        reference: "FED-R-2",
        note: "",
      }),
    ).rejects.toThrow(/paid \$500,000\.00; a refund of \$500,000\.01 would be more/);
    await expect(
      recordPayment(t.ctx(agent), h5.id, {
        kind: "payment",
        amount: "1.00",
        receivedOn: "2026-03-03",
        reference: "FED-3",
        note: "",
      }),
    ).rejects.toThrow(/after today/);
    await expect(
      recordPayment(t.ctx(admin), h5.id, {
        kind: "payment",
        amount: "1.00",
        receivedOn: "2026-03-02",
        reference: "FED-4",
        note: "",
      }),
    ).rejects.toThrow(/payment.record/);
  });

  it("refuses to run the allocation before the exercise period ends without a reason, counts only paid units (ECA-2(b), ECA-3(a))", async () => {
    const { offering } = await story("elected");
    await expect(runAllocation(t.ctx(admin), offering.id)).rejects.toMatchObject({
      code: "INVALID",
      errors: [
        {
          path: "reason",
          message: expect.stringMatching(/before the exercise period ends on 2026-03-13 \(ECA-2\(b\)\)/),
        },
      ],
    });
    // After the period: no reason needed. H4 elected 1,200 and paid for 1,000: 1,000 count.
    t.clock.set("2026-03-16T14:00:00.000Z");
    const run = await runAllocation(t.ctx(admin), offering.id);
    expect(run.reason).toBeNull();
    expect(run.allocation.holders.find((h) => h.id === "H4")!.exercised).toBe(1000);
    expect(run.outOfDate).toBe(false);
  });

  it("marks the allocation out of date when its inputs change, and a re-run's notices supersede the earlier ones (ECA-2(f))", async () => {
    const { offering, investors } = await story("allocated");
    const first = (await getAllocation(t.ctx(admin), offering.id))!;
    expect(first).toMatchObject({ outOfDate: false, changes: [], supersededRuns: 0 });
    const h4 = await holder(offering.id, "H4");
    await recordPayment(t.ctx(agent), h4.id, {
      kind: "payment",
      amount: "200000.00",
      receivedOn: "2026-03-02",
      reference: "FED-H4-2",
      note: "",
    });
    const stale = (await getAllocation(t.ctx(admin), offering.id))!;
    expect(stale.outOfDate).toBe(true);
    expect(stale.changes).toEqual(["holder H4's paid exercise changed from 1000 to 1200 units"]);
    expect((await getAllocation(t.ctx(investors.sankaty), offering.id))!).toMatchObject({
      outOfDate: true,
      changes: [],
    });

    await expect(runAllocation(t.ctx(admin), offering.id, {})).rejects.toThrow(
      /with a reason for running early \(ECA-2\(b\)\)/,
    );
    t.clock.set("2026-03-16T14:00:00.000Z");
    // Even after the period, a second run needs a reason: it supersedes the notices sent (ECA-2(f)).
    await expect(runAllocation(t.ctx(admin), offering.id)).rejects.toThrow(/already ran on 2026-03-02/);
    const second = await runAllocation(t.ctx(admin), offering.id, { reason: "H4's second wire arrived" });
    expect(second).toMatchObject({ outOfDate: false, reason: "H4's second wire arrived", supersededRuns: 1 });
    for (const n of second.notices) expect(n.supersedesIssuedAt).toBe("2026-03-02T14:00:00.000Z");
    const mails = await t
      .ctx()
      .db.selectFrom("outbox")
      .select(["subject", "body_text"])
      .where("subject", "like", "Revised Purchase Notice%")
      .execute();
    expect(mails).toHaveLength(3);
    expect(mails[0]!.body_text).toMatch(/supersedes the Purchase Notice issued on 2026-03-02/);
    expect(mails[0]!.body_text).toMatch(/for \$\d{1,3}(,\d{3})*\.\d{2},/);
    const oldNotice = first.notices.find((n) => n.investorCode === "oaktree")!;
    const pdf = await purchaseNoticePdf(t.ctx(admin), oldNotice.id);
    expect(pdf.pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const audited = JSON.parse((await audit("allocation.run")).payload);
    expect(audited).toMatchObject({
      reason: "H4's second wire arrived",
      supersedes: first.id,
      earlyRun: false,
    });
  });

  it("catches up missed Friday reports, flags what was never sent, and sends one on request (ECA-9(g))", async () => {
    // sendProgressReports reports on every offering in its period: this one needs a database of its own.
    const t = await createTestDb();
    onTestFinished(() => t.destroy());
    t.clock.set("2026-03-02T14:00:00.000Z");
    const { offering, investors } = await buildOffering(t.ctx(), "elected");
    // Friday 2026-02-27 passed before anything sent it: listed as missed.
    expect(
      (await listProgressReports(t.ctx(investors.oaktree), offering.id)).map(
        (r) => `${r.reportDate} ${r.status}`,
      ),
    ).toEqual(["2026-02-27 missed"]);
    expect(await sendProgressReports(t.ctx())).toBe(1);
    const [caught] = await listProgressReports(t.ctx(investors.oaktree), offering.id);
    expect(caught).toMatchObject({ reportDate: "2026-02-27", status: "late", kind: "scheduled" });
    expect(caught!.reason).toMatch(/missed on 2026-02-27 and caught up on 2026-03-02/);

    const asked = await requestProgressReport(t.ctx(admin), offering.id, { requestedBy: "Oaktree" });
    expect(asked).toMatchObject({ reportDate: "2026-03-02", status: "on request", rightsExercised: 8473 });
    await expect(requestProgressReport(t.ctx(admin), offering.id, { requestedBy: "Apollo" })).rejects.toThrow(
      /already sent today.*\(ECA-9\(g\)\)/,
    );
    await expect(requestProgressReport(t.ctx(agent), offering.id, { requestedBy: "x" })).rejects.toThrow(
      /progress.request/,
    );
    // The on-request report does not stand in for a scheduled one.
    t.clock.set("2026-03-06T14:00:00.000Z");
    expect(await sendProgressReports(t.ctx())).toBe(1);
  });

  it("shows a mid-exercise import's diff in a dry run and changes rights after the record date only by an audited re-basing (ECA-3(a))", async () => {
    const { offering } = await story("registered");
    await recordElection(t.ctx(agent), (await holder(offering.id, "H5")).id, { exercised: 100 });
    const late =
      "holder_id,name,email,investor,class,amount,plan_shares,rights\nH9,Late Credit Fund,,,us_rollup,1000000.00,0,\n";
    const before = (await listHolders(t.ctx(agent), offering.id, { page: 1, pageSize: 50 })).items;
    const dry = await importRegister(t.ctx(admin), offering.id, { csv: late, dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, recordDate: "2026-02-23", needsRebase: true, rebased: false });
    expect(dry.rightsChanged).toBe(5);
    expect(dry.changes[0]).toMatchObject({
      code: "H1",
      status: "updated",
      rightsBefore: 4091,
      rightsAfter: 3750,
    });
    expect(dry.changes.find((c) => c.code === "H9")).toMatchObject({ status: "new", rightsBefore: null });
    // Without a re-basing nothing is written (ECA-3(a)).
    await expect(importRegister(t.ctx(admin), offering.id, { csv: late, dryRun: false })).rejects.toThrow(
      /fixed on the record date 2026-02-23.*re-base with a reason/,
    );
    const unchanged = (await listHolders(t.ctx(agent), offering.id, { page: 1, pageSize: 50 })).items;
    expect(unchanged.map((h) => h.rights)).toEqual(before.map((h) => h.rights));
    // A late holder whose rights take nothing from anyone is imported without a re-basing.
    const zero =
      "holder_id,name,email,investor,class,amount,plan_shares,rights\nH8,Zero Rights Fund,,,us_rollup,1000.00,0,0\n";
    expect(await importRegister(t.ctx(admin), offering.id, { csv: zero, dryRun: false })).toMatchObject({
      rightsChanged: 0,
      needsRebase: false,
    });
    const done = await importRegister(t.ctx(admin), offering.id, {
      csv: late,
      dryRun: false,
      rebaseReason: "the court allowed a late proof of claim",
    });
    expect(done).toMatchObject({ rebased: true, rightsChanged: 5 });
    const payload = JSON.parse((await audit("register.rebase")).payload);
    expect(payload).toMatchObject({
      reason: "the court allowed a late proof of claim",
      recordDate: "2026-02-23",
    });
    expect(payload.changes[0]).toEqual({ holder: "H1", from: 4091, to: 3750 });
  });

  it("refuses a re-basing that cuts a holder below the rights it exercised, by row (ECA-3(a))", async () => {
    const { offering } = await story("elected");
    const late =
      "holder_id,name,email,investor,class,amount,plan_shares,rights\nH9,Late Credit Fund,,,us_rollup,1000000.00,0,\n";
    const refused = await importRegister(t.ctx(admin), offering.id, {
      csv: late,
      dryRun: true,
      rebaseReason: "a late proof of claim",
    }).catch((e) => e);
    expect(refused.extra.result.errors[0].message).toMatch(
      /H1 has exercised 4091 rights but would have only 3750/,
    );
    expect(refused.extra.result.changes.length).toBeGreaterThan(0);
  });

  it("shows no fixed 2010 dates beside a 2026 period, the Termination Fee as an amount, and why rights differ per $1,000 (ECA-1(ff), ECA-2(d), ECA-3(a))", async () => {
    const d = computeDeadlines({ signingDate: "2026-01-12" }, "2026-03-02");
    for (const key of ["order", "order-final", "termination-date"])
      expect(d.find((x) => x.key === key)).toMatchObject({ date: null, status: "waiting" });
    expect(d.some((x) => x.date?.startsWith("2010"))).toBe(false);
    const { offering } = await story("registered");
    const view = await getOffering(t.ctx(admin), offering.id);
    // 3.5% × $10,000,000 = $350,000, less $5,000,000: no fee (never below zero).
    expect(view).toMatchObject({
      structuringFee: "350000.00",
      terminationFee: "0.00",
      recordDate: "2026-02-23",
    });
    expect(view.rightsBasis).toMatchObject({
      enteredHolders: 0,
      computedHolders: 5,
      computedPerThousand: "0.91",
    });
    expect(view.rightsBasis.explanation[0]).toMatch(/Computed: the 10,000 units offered/);
  });
});

import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { createTestDb, type TestDb } from "../../../test/db.ts";
import {
  actorWith,
  buildOffering,
  OFFERING_REGISTER_CSV,
  type OfferingStage,
} from "../../../test/factories.ts";
import { castBallot } from "./cast-ballot.ts";
import { createOffering } from "./create-offering.ts";
import { computeDeadlines, progressReportReason, terminationFeeOwed } from "./deadlines.ts";
import { getAllocation } from "./get-allocation.ts";
import { getOffering } from "./get-offering.ts";
import { getUseOfProceeds } from "./get-use-of-proceeds.ts";
import { listConditions } from "./list-conditions.ts";
import { listHolders } from "./list-holders.ts";
import { listProgressReports } from "./list-progress-reports.ts";
import { proposeVote } from "./propose-vote.ts";
import { purchaseNoticePdf } from "./purchase-notice-pdf.ts";
import { recordElection } from "./record-election.ts";
import { recordTermination } from "./record-termination.ts";
import { importRegister } from "./register.ts";
import { runAllocation } from "./run-allocation.ts";
import { sendProgressReports } from "./send-progress-reports.ts";
import { updateCondition } from "./update-condition.ts";
import { updateFacts } from "./update-facts.ts";

describe(`restructuring workflow (${process.env.PROBITY_TEST_DIALECT ?? "sqlite"})`, () => {
  let t: TestDb;
  const admin = actorWith(["restructuring_admin"]);
  const agent = actorWith(["subscription_agent"]);
  // Every test has an offering of its own, brought to the stage it starts from (test/factories.ts).
  const story = (stage: OfferingStage) => {
    t.clock.set("2026-03-02T14:00:00.000Z"); // a Monday in the exercise period
    return buildOffering(t.ctx(), stage);
  };

  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.destroy());

  it("refuses backstop percentages that do not add up to 100% (ECA-3(a))", async () => {
    await expect(
      createOffering(t.ctx(admin), {
        ...({} as Parameters<typeof createOffering>[1]),
        name: "x",
        unitsOffered: 1,
        pricePerUnit: "1.00",
        sharesPerUnit: 1,
        unitComposition: "",
        threshold: "0.5",
        maximumCutback: "0.9",
        structuringFeeRate: "0.035",
        terminationFeeDeduction: "0.00",
        preferredShares: 0,
        preferredPricePerShare: "0.00",
        exerciseStart: "2026-01-01",
        exerciseEnd: "2026-01-02",
        certifyingOfficer: "x",
        investors: [{ code: "a", name: "A", backstopPercentage: "0.9", isThresholdGroup: false }],
      }),
    ).rejects.toThrow(/90.0000%, not 100%/);
  });

  it("imports the register with row-level errors, then rights pro rata to claims", async () => {
    const { offering } = await story("created");
    const bad = `${OFFERING_REGISTER_CSV}H6,Bad Fund,,blackrock,junior,12x,,\n`;
    const error = await importRegister(t.ctx(admin), offering.id, { csv: bad, dryRun: false }).catch(
      (e) => e,
    );
    const rows = error.extra.result.errors as { row: number; column: string }[];
    expect(rows.map((e) => `${e.row}:${e.column}`)).toEqual(["8:class", "8:amount", "8:investor"]);
    expect((await listHolders(t.ctx(admin), offering.id, { page: 1, pageSize: 50 })).total).toBe(0);

    const ok = await importRegister(t.ctx(admin), offering.id, { csv: OFFERING_REGISTER_CSV, dryRun: false });
    expect(ok.summary).toMatchObject({ rows: 6, holders: 5, created: 5 });
    const holders = (await listHolders(t.ctx(agent), offering.id, { page: 1, pageSize: 50 })).items;
    // $11,000,000 of claims for 10,000 rights: 4,500,000 → 4,090.9 …; whole rights add up to 10,000.
    expect(holders.map((h) => h.rights)).toEqual([4091, 2273, 909, 1818, 909]);
    expect(holders.reduce((s, h) => s + h.rights, 0)).toBe(10000);
    expect(holders[3]!.claims).toEqual({ us_rollup: "1500000.00", eu_rollup: "500000.00" });
  });

  it("records elections: up to the rights, all of them for investors (ECA-3(a)), in the exercise period", async () => {
    const { offering } = await story("registered");
    const holders = (await listHolders(t.ctx(agent), offering.id, { page: 1, pageSize: 50 })).items;
    const id = (code: string) => holders.find((h) => h.code === code)!.id;
    await expect(recordElection(t.ctx(agent), id("H1"), { exercised: 4000 })).rejects.toThrow(
      /must exercise all its 4091 rights \(ECA-3\(a\)\)/,
    );
    await expect(recordElection(t.ctx(agent), id("H4"), { exercised: 1819 })).rejects.toThrow(
      /has 1818 rights/,
    );
    await expect(recordElection(t.ctx(admin), id("H4"), { exercised: 1 })).rejects.toThrow(/election.record/);
    for (const code of ["H1", "H2", "H3"]) {
      const h = holders.find((x) => x.code === code)!;
      await recordElection(t.ctx(agent), h.id, { exercised: h.rights });
    }
    // An election marks nothing paid: payments are recorded apart (ECA-3(a)).
    const h4 = await recordElection(t.ctx(agent), id("H4"), { exercised: 1000 });
    expect(h4).toMatchObject({
      exercised: 1000,
      paymentDue: "1000000.00",
      paid: "0.00",
      paymentStatus: "unpaid",
    });
    // The holder elects H5 itself in the portal? No: H5 has no e-mail; H4's user may change its own.
    const blue = { ...actorWith([]), label: "blue@example.com" };
    expect((await recordElection(t.ctx(blue), id("H4"), { exercised: 1200 })).exercised).toBe(1200);
    await expect(recordElection(t.ctx(blue), id("H5"), { exercised: 1 })).rejects.toThrow(/not found/);
    t.clock.set("2026-03-16T14:00:00.000Z");
    await expect(recordElection(t.ctx(agent), id("H5"), { exercised: 1 })).rejects.toThrow(
      /from 2026-02-23 to 2026-03-13/,
    );
    t.clock.set("2026-03-02T14:00:00.000Z");
  });

  it("sends progress reports on Fridays and the last 5 business days, once each (ECA-9(g))", async () => {
    // sendProgressReports reports on every offering in its period: this one needs a database of its own.
    const t = await createTestDb();
    onTestFinished(() => t.destroy());
    const { offering, investors } = await buildOffering(t.ctx(), "elected");
    expect(progressReportReason("2026-03-02", "2026-02-23", "2026-03-13")).toBeNull(); // Monday
    expect(progressReportReason("2026-02-27", "2026-02-23", "2026-03-13")).toMatch(/Friday/);
    expect(progressReportReason("2026-03-06", "2026-02-23", "2026-03-13")).toMatch(/last 5 business days/);
    expect(progressReportReason("2026-03-13", "2026-02-23", "2026-03-13")).toMatch(/Friday/);
    // Friday 2026-02-27 passed before the offering existed: caught up, late (ECA-9(g)).
    expect(await sendProgressReports(t.ctx())).toBe(1);
    expect(await sendProgressReports(t.ctx())).toBe(0);
    t.clock.set("2026-03-06T14:00:00.000Z");
    expect(await sendProgressReports(t.ctx())).toBe(1);
    expect(await sendProgressReports(t.ctx())).toBe(0);
    const reports = await listProgressReports(t.ctx(investors.oaktree), offering.id);
    expect(reports[0]).toMatchObject({
      reportDate: "2026-03-06",
      rightsExercised: 4091 + 2273 + 909 + 1200,
      rightsTotal: 10000,
    });
    t.clock.set("2026-03-02T14:00:00.000Z");
  });

  it("runs the allocation and produces each Purchase Notice within 2 business days (ECA-2(f))", async () => {
    const { offering, investors } = await story("elected");
    const run = await runAllocation(t.ctx(admin), offering.id, {
      reason: "a trial run before the period ends",
    });
    const totals = run.allocation.totals;
    // H4 elected 1,200 units but paid for 1,000: only paid units count (ECA-3(a)).
    expect(totals).toMatchObject({ unitsOffered: 10000, subscribedUnits: 8273, residualUnits: 1727 });
    const sold =
      run.allocation.holders.reduce((s, h) => s + h.finalUnits, 0) +
      run.allocation.investors.reduce((s, i) => s + i.residualUnits, 0);
    expect(sold).toBe(10000);
    expect(run.notices).toHaveLength(3);
    for (const n of run.notices) expect(n).toMatchObject({ dueDate: "2026-03-04", onTime: true });
    expect(run.allocation.explanation).toHaveLength(9);

    const mine = await getAllocation(t.ctx(investors.sankaty), offering.id);
    expect(mine!.allocation.investors.map((i) => i.id)).toEqual(["sankaty"]);
    expect(mine!.allocation.holders).toEqual([]);
    expect(mine!.notices).toHaveLength(1);
    const pdf = await purchaseNoticePdf(t.ctx(investors.sankaty), mine!.notices[0]!.id);
    expect(pdf.pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const other = run.notices.find((n) => n.investorCode === "oaktree")!;
    await expect(purchaseNoticePdf(t.ctx(investors.sankaty), other.id)).rejects.toThrow(/not found/);
  });

  it("refuses a waiver by investors holding 45% and passes one by 60% (ECA-1(aa), ECA-11, ECA-20)", async () => {
    const { offering, investors } = await story("created");
    const first = await proposeVote(t.ctx(admin), offering.id, {
      kind: "waiver",
      subject: "11(i)",
      description: "Waive the employment arrangements condition",
    });
    await castBallot(t.ctx(investors.oaktree), first.id, true);
    await castBallot(t.ctx(investors.apollo), first.id, false);
    const refused = await castBallot(t.ctx(investors.sankaty), first.id, false);
    expect(refused.status).toBe("refused");
    expect(refused.inFavour).toBe("0.45");
    expect(refused.explanation).toMatch(/45.00%.*50% or more \(ECA-1\(aa\)\)/);
    await expect(castBallot(t.ctx(investors.sankaty), first.id, true)).rejects.toThrow(/already refused/);

    const second = await proposeVote(t.ctx(admin), offering.id, {
      kind: "waiver",
      subject: "11(i)",
      description: "Waive it again",
    });
    await castBallot(t.ctx(investors.oaktree), second.id, true);
    const passed = await castBallot(t.ctx(investors.sankaty), second.id, true);
    expect(passed.status).toBe("passed");
    expect(passed.inFavour).toBe("0.6");
    const conditions = await listConditions(t.ctx(admin), offering.id);
    expect(conditions.find((c) => c.code === "i")!.status).toBe("waived");

    // ECA-20: an amendment needs Oaktree; Apollo and Sankaty alone (55%) cannot pass it.
    const amendment = await proposeVote(t.ctx(admin), offering.id, {
      kind: "amendment",
      subject: "3(a)",
      description: "Amend",
    });
    await castBallot(t.ctx(investors.apollo), amendment.id, true);
    const open = await castBallot(t.ctx(investors.sankaty), amendment.id, true);
    expect(open.status).toBe("open");
    expect((await castBallot(t.ctx(investors.oaktree), amendment.id, false)).status).toBe("refused");
  });

  it("computes Pro Forma Liquidity and the dollar conditions (ECA-11(e), 11(f), 11(g), ECA-1(y))", async () => {
    const { offering } = await story("created");
    const conditions = await listConditions(t.ctx(admin), offering.id);
    const g = conditions.find((c) => c.code === "g")!;
    const updated = await updateCondition(t.ctx(admin), g.id, {
      inputs: {
        borrowingBase: "300000000.00",
        ablCommitments: "500000000.00",
        ablExposure: "120000000.00",
        bankCash: "90000000.00",
        dipTermBorrowings: "280000000.00",
        overduePayables: "1000000.00",
      },
    });
    // min(180M, 380M) + 90M − (280M − 244M) − 1M = 233M: exactly the floor.
    expect(updated.met).toBe(true);
    expect(updated.status).toBe("satisfied");
    expect(updated.explanation).toContain("$233,000,000.00");
    const e = conditions.find((c) => c.code === "e")!;
    expect(
      (await updateCondition(t.ctx(admin), e.id, { inputs: { usPlanValue: "119999999.99" } })).status,
    ).toBe("failed");
  });

  it("computes deadlines in business days and the Termination Date rule (ECA-9(a), 9(b), 9(h), ECA-1(ff), ECA-26)", async () => {
    const { offering } = await story("created");
    const d = computeDeadlines(
      {
        signingDate: "2010-02-05",
        equityCommitmentOrderDate: "2010-03-11",
        confirmationOrderDate: "2010-06-01",
        confirmationOrderFinal: false,
        dipMaturityDate: "2010-09-30",
        apolloHsrFilingDate: "2010-03-20",
        terminationDate: "2010-06-30",
        extendedTerminationDate: "2010-10-31",
      },
      "2010-02-08",
    );
    const at = (key: string) => d.find((x) => x.key === key)!.date;
    expect(at("motion")).toBe("2010-02-10"); // 3 business days after Friday Feb 5
    expect(at("plan")).toBe("2010-02-09");
    expect(at("antitrust")).toBe("2010-04-10");
    expect(at("termination-date")).toBe("2010-09-30");
    expect(at("apollo-70")).toBe("2010-05-29");
    // Presidents' Day (Feb 15, 2010) is not a business day.
    expect(
      computeDeadlines({ signingDate: "2010-02-11" }, "2010-02-01").find((x) => x.key === "motion")!.date,
    ).toBe("2010-02-17");
    const updated = await updateFacts(t.ctx(admin), offering.id, { signingDate: "2010-02-05" });
    expect(updated.facts.signingDate).toBe("2010-02-05");
  });

  it("records termination events with the Termination Fee where owed (ECA-19, ECA-2(d))", async () => {
    const { offering } = await story("created");
    expect(terminationFeeOwed("19(a)(i)", false, true)).toBe(false);
    expect(terminationFeeOwed("19(a)(ii)", true, true)).toBe(true);
    expect(terminationFeeOwed("19(a)(ii)", false, true)).toBe(false);
    const owed = await recordTermination(t.ctx(admin), offering.id, {
      event: "19(c)(v)",
      occurredOn: "2010-05-01",
      note: "",
      minimumBackstopPartiesReady: false,
    });
    // 3.5% × $10,000,000 = $350,000 < $5,000,000: nothing to pay.
    expect(owed).toMatchObject({ feeOwed: true, fee: "0.00" });
    await expect(
      recordTermination(t.ctx(admin), offering.id, {
        event: "42",
        occurredOn: "2010-05-01",
        note: "",
        minimumBackstopPartiesReady: false,
      }),
    ).rejects.toThrow(/not a termination event/);
    await expect(
      recordTermination(t.ctx(admin), offering.id, {
        event: "19(a)(vi)",
        occurredOn: "2010-06-30",
        note: "",
        minimumBackstopPartiesReady: false,
      }),
    ).rejects.toThrow(/already terminated under section 19\(c\)\(v\) on 2010-05-01/);
  });

  it("computes 11(m) from monthly Underlying EBITDA and refuses figures it cannot read (ECA-11(m))", async () => {
    const { offering } = await story("created");
    const m = (await listConditions(t.ctx(admin), offering.id)).find((c) => c.code === "m")!;
    await expect(
      updateCondition(t.ctx(admin), m.id, { inputs: { months: { "2026-13": "1.00", "2026-01": "ten" } } }),
    ).rejects.toMatchObject({
      code: "INVALID",
      errors: [
        { path: "inputs.months.2026-13", message: '"2026-13" is not a month (YYYY-MM)' },
        { path: "inputs.months.2026-01", message: "is an amount of money, like 12500000.00" },
      ],
    });
    const months = { "2026-01": "10000000.00", "2026-02": "9000000.00", "2026-03": "-500000.00" };
    const below = await updateCondition(t.ctx(admin), m.id, {
      inputs: { months, schedule: { "2026-03": "20000000.00" } },
    });
    expect(below).toMatchObject({ status: "failed", met: false });
    expect(below.explanation).toContain("2026-01…2026-03: $18,500,000.00 < $20,000,000.00");
    const met = await updateCondition(t.ctx(admin), m.id, {
      inputs: { schedule: { "2026-03": "18000000.00" } },
    });
    expect(met).toMatchObject({ status: "satisfied", met: true });
  });

  it("shows the use of proceeds from the allocation (ECA-9(i))", async () => {
    const { offering } = await story("allocated");
    const w = await getUseOfProceeds(t.ctx(admin), offering.id, {
      requiredPayments: "1000000.00",
      clauseDPayments: "0.00",
      liquidityConditionHolds: true,
    });
    expect(w.proceeds).toBe("10000000.00");
    expect(w.lines.map((l) => l.amount)).toEqual(["1000000.00", "9000000.00", "0.00", "0.00", "0.00"]);
  });

  it("lets an investor see the offering but not the register", async () => {
    const { offering, investors } = await story("created");
    const view = await getOffering(t.ctx(investors.apollo), offering.id);
    expect(view.can).toMatchObject({ vote: true, readRegister: false, runAllocation: false });
    await expect(
      listHolders(t.ctx(investors.apollo), offering.id, { page: 1, pageSize: 10 }),
    ).rejects.toThrow(/register read/);
    await expect(getOffering(t.ctx(actorWith([])), offering.id)).rejects.toThrow();
  });
});

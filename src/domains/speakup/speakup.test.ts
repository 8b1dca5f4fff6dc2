import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../../test/db.ts";
import { actorWith, buildPerson, buildUser, caseInput } from "../../../test/factories.ts";
import { auditActionsOn } from "../../../test/records.ts";
import type { AppError } from "../../kernel/errors.ts";
import { createJobRunner } from "../../kernel/jobs.ts";
import { solveChallenge } from "../../kernel/rate-counters.ts";
import { importPeople } from "../people/index.ts";
import { fileReport } from "./file-report.ts";
import { getCase } from "./get-case.ts";
import { checkInsJob, deadlinesJob, peopleChangedJob } from "./jobs.ts";
import { listCases } from "./list-cases.ts";
import { openMailbox, readMailbox, replyInMailbox } from "./mailbox.ts";
import {
  acknowledgeCase,
  addCasePerson,
  assignCase,
  mergeCase,
  postHandlerMessage,
  transitionCase,
} from "./manage-case.ts";
import { caseFilter, type ReportInput } from "./schemas.ts";
import { getStats } from "./stats.ts";
import { ReceiptThrottle } from "./throttle.ts";

const filter = (f: Record<string, unknown> = {}) => caseFilter.parse(f);

describe(`speak-up cases (${process.env.PROBITY_TEST_DIALECT ?? "sqlite"})`, () => {
  let t: TestDb;
  const admin = actorWith(["admin"]);
  let throttle: ReceiptThrottle;
  let cco: ReturnType<typeof actorWith>;
  let chair: ReturnType<typeof actorWith>;
  let cfo: { id: string };
  let ccoPerson: { id: string };

  const report = (overrides: Partial<ReportInput> = {}) =>
    caseInput({ details: "Pallets of scrap left the Lewisport yard at night.", ...overrides });

  beforeAll(async () => {
    t = await createTestDb();
    throttle = new ReceiptThrottle();
    cfo = await buildPerson(t.ctx(admin), {
      firstName: "Daniel",
      lastName: "Okafor",
      title: "Chief Financial Officer",
      kind: "officer",
      categories: ["senior_officer", "finance_accounting"],
    });
    ccoPerson = await buildPerson(t.ctx(admin), {
      firstName: "Nadia",
      lastName: "Sorensen",
      title: "Chief Compliance Officer",
    });
    const ccoUser = await buildUser(t.ctx(admin), ["compliance_officer"], { personId: ccoPerson.id });
    cco = actorWith(["compliance_officer"], { userId: ccoUser.id, personId: ccoPerson.id });
    // Fixed names for accounts without a person (a three-letter surname matches only itself): a
    // random surname such as "Daniel" or "Price" is a probable match for a report's "Dániel OKAFOR"
    // or "Price talk" and would re-route the case (COC-22.2 named-people detection).
    const chairUser = await buildUser(t.ctx(admin), ["audit_committee_chair"], { displayName: "Wanda Zyq" });
    chair = actorWith(["audit_committee_chair"], { userId: chairUser.id });
  });
  afterAll(() => t.destroy());

  it("routes accounting concerns to the Audit Committee chair (SOC-4, SOC-5) and the rest to the Compliance Office", async () => {
    const accounting = await fileReport(
      t.ctx(),
      report({ category: "accounting", summary: "Revenue booked early" }),
    );
    const theft = await fileReport(t.ctx(), report());
    const a = await getCase(t.ctx(chair), accounting.caseId);
    expect(a).toMatchObject({
      team: "audit_committee",
      assignee: { id: chair.kind === "user" ? chair.userId : "" },
      routingReason: expect.stringContaining("SOC-4, SOC-5"),
    });
    const b = await getCase(t.ctx(cco), theft.caseId);
    expect(b).toMatchObject({ team: "compliance", assignee: null, content: { summary: "Stolen scrap" } });
    // Each team sees only its own cases.
    await expect(getCase(t.ctx(cco), accounting.caseId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getCase(t.ctx(chair), theft.caseId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("sends a report naming a senior officer to the Audit Committee and hides it from that officer, even as a handler (SOC-4, COC-22.2)", async () => {
    const filed = await fileReport(
      t.ctx(),
      report({ category: "conflicts", summary: "Side deal", involved: [{ name: "Dániel OKAFOR, the CFO" }] }),
    );
    const c = await getCase(t.ctx(chair), filed.caseId);
    expect(c.team).toBe("audit_committee");
    expect(c.routingReason).toContain("senior officer");
    // Even if the CFO were on the Audit Committee, a case that names him is invisible to him.
    const cfoAsMember = actorWith(["audit_committee_member"], { personId: cfo.id });
    await expect(getCase(t.ctx(cfoAsMember), filed.caseId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const list = await listCases(t.ctx(cfoAsMember), filter());
    expect(list.items.map((i) => i.id)).not.toContain(filed.caseId);
    const chairList = await listCases(t.ctx(chair), filter());
    expect(chairList.items.map((i) => i.id)).toContain(filed.caseId);
  });

  it("keeps a named compliance officer away from a compliance case: no view, no list entry, no task (COC-22.2)", async () => {
    // Another compliance officer may handle it (without one, the case would escalate: see escalate-case.test.ts).
    const other = await buildUser(t.ctx(admin), ["compliance_officer"], { displayName: "Otto Qix" });
    const otherActor = actorWith(["compliance_officer"], { userId: other.id });
    const filed = await fileReport(
      t.ctx(),
      report({
        category: "bribery",
        summary: "Cash to an inspector",
        involved: [{ name: "Sorensen, Nadia" }],
      }),
    );
    await expect(getCase(t.ctx(cco), filed.caseId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listCases(t.ctx(cco), filter())).items.map((i) => i.id)).not.toContain(filed.caseId);
    const tasks = await t.database.db
      .selectFrom("tasks")
      .select("title")
      .where("assignee_user_id", "=", cco.kind === "user" ? cco.userId : "")
      .execute();
    expect(tasks.map((x) => x.title).join("\n")).not.toContain(filed.number);
    // Another compliance officer handles it, and cannot assign it to the named one.
    await expect(getCase(t.ctx(otherActor), filed.caseId)).resolves.toMatchObject({ number: filed.number });
    await expect(
      assignCase(t.ctx(otherActor), filed.caseId, { userId: cco.kind === "user" ? cco.userId : "" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("marks a handler conflicted: the case disappears for them at once", async () => {
    const filed = await fileReport(t.ctx(), report({ summary: "Expense padding" }));
    const other = await buildUser(t.ctx(admin), ["compliance_officer"], { displayName: "Pia Vyx" });
    const otherActor = actorWith(["compliance_officer"], { userId: other.id });
    await assignCase(t.ctx(cco), filed.caseId, { userId: other.id });
    await addCasePerson(t.ctx(cco), filed.caseId, { userId: other.id, role: "conflicted" });
    await expect(getCase(t.ctx(otherActor), filed.caseId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getCase(t.ctx(cco), filed.caseId)).assignee).toBeNull();
  });

  it("runs the whole lifecycle with the reporter in the anonymous mailbox", async () => {
    const filed = await fileReport(t.ctx(), report({ summary: "Falsified inspection record" }));
    expect(filed.receipt).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
    const ctx = t.ctx(cco);
    await acknowledgeCase(ctx, filed.caseId);
    await postHandlerMessage(ctx, filed.caseId, "Which furnace was it?");
    const { token } = await openMailbox(t.ctx(), {
      receipt: filed.receipt,
      password: "reporter-pass-1",
      throttle,
    });
    const view = await readMailbox(t.ctx(), token);
    expect(view.messages.map((m) => m.author)).toEqual(["system", "handler"]);
    expect(view.messages[1]!.body).toBe("Which furnace was it?");
    await replyInMailbox(t.ctx(), token, {
      body: "Furnace 3, night shift.",
      files: [{ filename: "notes.txt", contentType: "text/plain", bytes: Buffer.from("txt-bytes") }],
    });
    const c = await getCase(ctx, filed.caseId);
    expect(c.messages.at(-1)).toMatchObject({ author: "reporter", body: "Furnace 3, night shift." });
    expect(c.attachments).toEqual([expect.objectContaining({ filename: "notes.txt", size: 9 })]);
    // A question is not feedback (art. 9(1)(f)).
    expect(c.feedbackGivenAt).toBeNull();

    await expect(transitionCase(ctx, filed.caseId, { to: "closed" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await transitionCase(ctx, filed.caseId, { to: "triage" });
    await transitionCase(ctx, filed.caseId, { to: "investigation" });
    await expect(transitionCase(ctx, filed.caseId, { to: "findings" })).rejects.toMatchObject({
      code: "INVALID",
    });
    await transitionCase(ctx, filed.caseId, { to: "findings", outcome: "substantiated" });
    await expect(transitionCase(ctx, filed.caseId, { to: "closed" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(transitionCase(ctx, filed.caseId, { to: "remediation" })).rejects.toMatchObject({
      code: "INVALID",
    });
    await transitionCase(ctx, filed.caseId, { to: "remediation", remediation: ["discipline", "training"] });
    await transitionCase(ctx, filed.caseId, {
      to: "closed",
      closingMessage:
        "The records were falsified; those responsible were disciplined and the shift retrained.",
    });
    const closed = await getCase(ctx, filed.caseId);
    expect(closed).toMatchObject({
      status: "closed",
      outcome: "substantiated",
      remediation: ["discipline", "training"],
      can: { transitionTo: ["triage"] },
    });
    await transitionCase(ctx, filed.caseId, { to: "triage", note: "New evidence" });
    expect((await getCase(ctx, filed.caseId)).closedAt).toBeNull();
    expect(await auditActionsOn(t.database, filed.caseId)).toEqual(
      expect.arrayContaining([
        "speakup.report.file",
        "case.acknowledge",
        "case.message",
        "speakup.mailbox.open",
        "speakup.mailbox.reply",
        "case.view",
        "case.close",
        "case.reopen",
      ]),
    );
  });

  it("files one report for a retried submission and shows the same receipt", async () => {
    const input = report({ summary: "Retried" });
    const first = await fileReport(t.ctx(), input);
    const second = await fileReport(t.ctx(), input);
    expect(second).toEqual({ ...first, retried: true });
    const rows = await t.database.db
      .withTables<{ speakup_cases: { number: string } }>()
      .selectFrom("speakup_cases")
      .select("number")
      .where("number", "=", first.number)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it("COC-22.2: of 30 parallel wrong passwords on one receipt only 10 are evaluated; the rest need a proof of work", async () => {
    const filed = await fileReport(t.ctx(), report({ summary: "Race" }));
    const local = new ReceiptThrottle();
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        openMailbox(t.ctx(), { receipt: filed.receipt, password: `guess ${i}`, throttle: local }),
      ),
    );
    const codes = results.map((r) => (r.status === "rejected" ? (r.reason as AppError).code : "ok"));
    expect(codes.filter((c) => c === "UNAUTHENTICATED")).toHaveLength(10);
    expect(codes.filter((c) => c === "RATE_LIMITED")).toHaveLength(20);
  });

  /** The reporter's right password on `receipt` is refused with a puzzle (RATE_LIMITED): the puzzle, solved. */
  async function refusedWithPuzzle(receipt: string, throttle: ReceiptThrottle) {
    const refused = await openMailbox(t.ctx(), { receipt, password: "reporter-pass-1", throttle }).catch(
      (e: AppError) => e,
    );
    expect(refused).toMatchObject({ code: "RATE_LIMITED" });
    const challenge = (refused as AppError).extra.challenge as string;
    return { challenge, solution: solveChallenge(challenge) };
  }

  it("COC-22.2: someone failing 30 times on a receipt cannot keep its reporter out: the right password gets in after one solved puzzle, and other receipts are not affected", async () => {
    const filed = await fileReport(t.ctx(), report({ summary: "Lockout" }));
    const other = await fileReport(t.ctx(), report({ summary: "Bystander" }));
    const local = new ReceiptThrottle();
    for (let i = 0; i < 30; i++)
      await openMailbox(t.ctx(), { receipt: filed.receipt, password: `guess ${i}`, throttle: local }).catch(
        () => undefined,
      );
    await expect(
      openMailbox(t.ctx(), { receipt: other.receipt, password: "reporter-pass-1", throttle: local }),
    ).resolves.toHaveProperty("token");
    const pow = await refusedWithPuzzle(filed.receipt, local);
    await expect(
      openMailbox(t.ctx(), { receipt: filed.receipt, password: "reporter-pass-1", throttle: local, pow }),
    ).resolves.toHaveProperty("token");
    // The solution was spent: it does not buy the guesser another try.
    await expect(
      openMailbox(t.ctx(), { receipt: filed.receipt, password: "guess", throttle: local, pow }),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("COC-22.2: past the portal-wide budget every receipt needs a puzzle, and a solved one still opens the mailbox", async () => {
    const filed = await fileReport(t.ctx(), report({ summary: "Global" }));
    const local = new ReceiptThrottle({ perReceipt: 10, global: 5, windowMs: 3_600_000 });
    t.clock.advance(3_600_000);
    for (let i = 0; i < 5; i++)
      await expect(
        openMailbox(t.ctx(), { receipt: `0000 0000 0000 000${i}`, password: "x", throttle: local }),
      ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    const pow = await refusedWithPuzzle(filed.receipt, local);
    await expect(
      openMailbox(t.ctx(), { receipt: filed.receipt, password: "reporter-pass-1", throttle: local, pow }),
    ).resolves.toHaveProperty("token");
  });

  it("merges a duplicate: its reporter's mailbox still shows only their own report (COC-22.2)", async () => {
    const a = await fileReport(t.ctx(), report({ summary: "Dup A" }));
    const b = await fileReport(t.ctx(), report({ summary: "Dup B" }));
    await mergeCase(t.ctx(cco), b.caseId, a.caseId);
    expect((await getCase(t.ctx(cco), b.caseId)).mergedIntoId).toBe(a.caseId);
    const { token } = await openMailbox(t.ctx(), {
      receipt: b.receipt,
      password: "reporter-pass-1",
      throttle,
    });
    expect((await readMailbox(t.ctx(), token)).summary).toBe("Dup B");
  });

  it("watches an identified reporter for retaliation: check-ins at 30/90/180 days and an alert when HR ends their employment (COC-21.2)", async () => {
    const reporterPerson = await buildPerson(t.ctx(admin), {
      externalId: "RW1",
      firstName: "Rita",
      lastName: "Witness",
      department: "Quality",
    });
    const employeeUser = await buildUser(t.ctx(admin), [], { personId: reporterPerson.id });
    const employee = actorWith([], { userId: employeeUser.id, personId: reporterPerson.id });
    const filed = await fileReport(
      t.ctx(employee),
      report({
        channel: "internal",
        identityMode: "confidential",
        identity: { name: "Rita Witness" },
        summary: "Unsafe furnace",
      }),
    );
    // Neither the case row nor the audit log names the employee outside the sealed identity (COC-22.2).
    const row = await t.database.db
      .withTables<{ speakup_cases: { id: string; filed_by_user_id: string | null } }>()
      .selectFrom("speakup_cases")
      .select("filed_by_user_id")
      .where("id", "=", filed.caseId)
      .executeTakeFirstOrThrow();
    expect(row.filed_by_user_id).toBeNull();
    const filedEvent = await t.database.db
      .selectFrom("audit_events")
      .select(["actor_id", "actor_label"])
      .where("subject_id", "=", filed.caseId)
      .where("action", "=", "speakup.report.file")
      .executeTakeFirstOrThrow();
    expect(filedEvent.actor_id).toBeNull();
    expect(filedEvent.actor_label).not.toContain("Rita");
    const c = await getCase(t.ctx(cco), filed.caseId);
    expect(c.watch.map((w) => [w.kind, w.dueOn])).toEqual([
      ["checkin", "2026-04-01"],
      ["checkin", "2026-05-31"],
      ["checkin", "2026-08-29"],
    ]);
    await importPeople(t.ctx(admin), { csv: "employee_id,end_date\nRW1,2026-03-10", dryRun: false });
    const runner = createJobRunner({
      database: t.database,
      clock: t.clock,
      logger: pino({ level: "silent" }),
      keyRing: t.keyRing,
      handlers: {
        "people.changed": peopleChangedJob,
        "speakup.checkins": checkInsJob,
        "speakup.deadlines": deadlinesJob,
        "mail.send": { run: async () => {} },
      },
    });
    await runner.runDue(100);
    const after = await getCase(t.ctx(cco), filed.caseId);
    expect(after.watch.find((w) => w.kind === "alert")).toMatchObject({
      status: "open",
      detail: expect.stringContaining("The reporter: employment ended"),
    });
    const tasks = await t.database.db
      .selectFrom("tasks")
      .select(["kind", "title"])
      .where("kind", "=", "speakup.retaliation_alert")
      .execute();
    expect(tasks.some((x) => x.title.includes(filed.number))).toBe(true);
  });

  it("reminds before the acknowledgement deadline and flags it once it passes", async () => {
    const filed = await fileReport(t.ctx(), report({ summary: "Deadline" }));
    const runner = createJobRunner({
      database: t.database,
      clock: t.clock,
      logger: pino({ level: "silent" }),
      keyRing: t.keyRing,
      handlers: { "speakup.deadlines": deadlinesJob, "mail.send": { run: async () => {} } },
    });
    const { enqueue } = await import("../../kernel/jobs.ts");
    const { withTransaction } = await import("../../kernel/context.ts");
    const run = async () => {
      await withTransaction(t.ctx(), (tx) => enqueue(tx, "speakup.deadlines"));
      await runner.runDue(100);
    };
    const kinds = async () =>
      (
        await t.database.db
          .selectFrom("tasks")
          .select("kind")
          .where("href", "=", `/speakup/cases/${filed.caseId}`)
          .execute()
      )
        .map((x) => x.kind)
        .sort();
    t.clock.advance(6 * 86_400_000);
    await run();
    expect(await kinds()).toContain("speakup.ack_due");
    t.clock.advance(3 * 86_400_000);
    await run();
    const overdue = (await kinds()).filter((k) => k === "speakup.ack_overdue").length;
    expect(overdue).toBeGreaterThan(0);
    // Running again adds no second reminder for the same people.
    await run();
    expect((await kinds()).filter((k) => k === "speakup.ack_overdue")).toHaveLength(overdue);
    expect(
      (await listCases(t.ctx(cco), filter({ overdue: "acknowledgement" }))).items.map((i) => i.id),
    ).toContain(filed.caseId);
  });

  it("withholds every statistic computed from fewer than five reports", async () => {
    for (let i = 0; i < 2; i++)
      await fileReport(t.ctx(), report({ category: "antitrust", summary: `Price talk ${i}` }));
    const stats = await getStats(t.ctx(cco), { from: "2026-01-01", to: "2026-12-31" });
    const visible = (await listCases(t.ctx(cco), filter({ pageSize: 200 }))).items.filter(
      (i) => !i.mergedIntoId,
    ).length;
    expect(stats.totals.reports).toBe(visible >= 5 || visible === 0 ? visible : null);
    for (const row of [...stats.byCategory, ...stats.byChannel, ...stats.byCountry]) {
      expect(row.count === null || row.count === 0 || row.count >= 5).toBe(true);
    }
    // Each category shows its true count, except one to four, which are withheld.
    let withheld = 0;
    for (const row of stats.byCategory) {
      const truth = (await listCases(t.ctx(cco), filter({ category: row.key, pageSize: 200 }))).items.filter(
        (i) => !i.mergedIntoId,
      ).length;
      if (truth > 0 && truth < 5) withheld += 1;
      expect(row.count, row.key).toBe(truth > 0 && truth < 5 ? null : truth);
    }
    expect(withheld).toBeGreaterThan(0);
    expect(stats.benchmark.reportsPer100Employees).toBe(1.57);
    await expect(getStats(t.ctx(actorWith([])), {})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("lets only operators file phone reports and only Legal file letters", async () => {
    const employeeUser = await buildUser(t.ctx(admin), [], { displayName: "Sven Xiq" });
    const employee = actorWith([], { userId: employeeUser.id });
    await expect(
      fileReport(t.ctx(employee), report({ channel: "phone_domestic", password: undefined })),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(fileReport(t.ctx(employee), report({ channel: "letter" }))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const operatorUser = await buildUser(t.ctx(admin), ["hotline_operator"], { displayName: "Rolf Zuq" });
    const operator = actorWith(["hotline_operator"], { userId: operatorUser.id });
    const phone = await fileReport(
      t.ctx(operator),
      report({ channel: "phone_international", summary: "Call from Koblenz", password: undefined }),
    );
    expect((await getCase(t.ctx(cco), phone.caseId)).channel).toBe("phone_international");
    // An operator files but does not see cases.
    await expect(getCase(t.ctx(operator), phone.caseId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("shows counts of five or more, compares with NAVEX 2024, and renders the Audit Committee's quarterly PDF", async () => {
    for (let i = 0; i < 6; i++)
      await fileReport(t.ctx(), report({ category: "environment", summary: `Spill ${i}`, country: "DE" }));
    const stats = await getStats(t.ctx(cco), { quarter: "2026-Q1" });
    expect(stats.period).toEqual({ from: "2026-01-01", to: "2026-03-31" });
    expect(stats.byCategory.find((c) => c.key === "environment")!.count).toBeGreaterThanOrEqual(6);
    expect(stats.byCountry.find((c) => c.key === "DE")!.count).toBeGreaterThanOrEqual(6);
    expect(stats.totals.anonymousShare).not.toBeNull();
    const { quarterlyReportPdf } = await import("./quarterly-report.ts");
    const pdf = await quarterlyReportPdf(t.ctx(chair), "2026-Q1");
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(1500);
    const events = await t.database.db
      .selectFrom("audit_events")
      .select("action")
      .where("action", "=", "speakup.report.quarterly")
      .execute();
    expect(events).toHaveLength(1);
    await expect(quarterlyReportPdf(t.ctx(chair), "2026-Q5")).rejects.toMatchObject({ code: "INVALID" });
  });

  it("numbers concurrent reports one after the other without collisions", async () => {
    const filed = await Promise.all(
      Array.from({ length: 10 }, (_, i) => fileReport(t.ctx(), report({ summary: `Concurrent ${i}` }))),
    );
    const numbers = filed.map((f) => Number(f.number.slice(-5))).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(10);
    expect(numbers.at(-1)! - numbers[0]!).toBe(9);
  });
});

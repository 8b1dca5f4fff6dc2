import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAll } from "../../../test/assertions.ts";
import { createTestDb, dialect, type TestDb } from "../../../test/db.ts";
import { buildMember, buildPerson } from "../../../test/factories.ts";
import { mailsTo, tasksOf } from "../../../test/records.ts";
import type { Actor } from "../../kernel/context.ts";
import type { RoleName } from "../people/index.ts";
import {
  listBoycottRequests,
  logBoycottRequest,
  quarterlyBoycottReport,
  reportDueOn,
  retainUntil,
  reviewBoycottRequest,
} from "./boycotts.ts";
import {
  answerGuidance,
  askGuidance,
  askGuidanceAnonymously,
  escalateGuidance,
  getGuidance,
  listFaqs,
  listGuidance,
  publishFaq,
} from "./guidance.ts";
import { assignResponder, getInquiry, listInquiries, logInquiry, recordResponse } from "./inquiries.ts";

type Who = { personId: string; userId: string; actor: Actor; email: string; name: string };

describe(`guidance, inquiries and boycott requests (${dialect})`, () => {
  let t: TestDb;
  let gc: Who;
  let manager: Who;
  let employee: Who;
  let loner: Who;

  const who = (roles: RoleName[], supervisorId: string | null = null): Promise<Who> =>
    buildMember(t.ctx(), roles, { supervisorId, firstName: `Name${Math.random().toString(36).slice(2, 7)}` });
  const openTasks = (userId: string) => tasksOf(t.database, userId, { open: true });

  beforeAll(async () => {
    t = await createTestDb();
    gc = await who(["general_counsel"]);
    manager = await who([]);
    // The direct supervisor has no account: the question goes to the next manager up (COC-22.1).
    const lead = await buildPerson(t.ctx(), { supervisorId: manager.personId });
    employee = await who([], lead.id);
    loner = await who([]);
  });
  afterAll(() => t.destroy());

  it("COC-22.1: a question goes to the supervisor (or the next manager), who answers or passes it to Legal", async () => {
    const q = await askGuidance(t.ctx(employee.actor), {
      topic: "Supplier invitation",
      question: "May I accept a supplier's invitation to a football match?",
    });
    expect(q).toMatchObject({ routedTo: "supervisor", status: "open" });
    expect((await openTasks(manager.userId)).map((x) => x.kind)).toContain("disclosures.guidance.answer");
    // Legal does not see a question routed to a supervisor.
    await expect(getGuidance(t.ctx(gc.actor), q.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const escalated = await escalateGuidance(t.ctx(manager.actor), q.id);
    expect(escalated.routedTo).toBe("legal");
    expect(
      (await openTasks(manager.userId)).filter((x) => x.href === `/disclosures/guidance/${q.id}`),
    ).toHaveLength(0);
    await expect(answerGuidance(t.ctx(manager.actor), q.id, { answer: "no" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const answered = await answerGuidance(t.ctx(gc.actor), q.id, {
      answer: "Yes, if it is under the gift threshold and logged.",
    });
    expect(answered.status).toBe("answered");
    await expect(answerGuidance(t.ctx(gc.actor), q.id, { answer: "again" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const mine = await listGuidance(t.ctx(employee.actor));
    expect(mine.mine[0]!.answer).toContain("gift threshold");
  });

  it("COC-22.1: without a manager who has an account, or on request, the question goes to Legal", async () => {
    const q = await askGuidance(t.ctx(loner.actor), {
      topic: "Side job",
      question: "Can I teach evening classes?",
    });
    expect(q.routedTo).toBe("legal");
    expect((await openTasks(gc.userId)).some((x) => x.href === `/disclosures/guidance/${q.id}`)).toBe(true);
    const direct = await askGuidance(t.ctx(employee.actor), {
      topic: "Antitrust",
      question: "A competitor asked about prices.",
      routeTo: "legal",
    });
    expect(direct.routedTo).toBe("legal");
  });

  it("COC-22.2: answered questions are published as FAQs only once anonymised", async () => {
    // Its own answered question.
    const asked = await askGuidance(t.ctx(employee.actor), {
      topic: "Supplier invitation",
      question: "May I accept a supplier's invitation to a football match?",
      routeTo: "legal",
    });
    await answerGuidance(t.ctx(gc.actor), asked.id, {
      answer: "Yes, if it is under the gift threshold and logged.",
    });
    const q = (await listGuidance(t.ctx(employee.actor))).mine.find((x) => x.id === asked.id)!;
    expect(q.status).toBe("answered");
    const first = employee.name.split(" ")[0]!;
    await expect(
      publishFaq(t.ctx(gc.actor), q.id, { question: `${first} asks about football tickets`, answer: "Yes." }),
    ).rejects.toMatchObject({
      code: "INVALID",
      message: expect.stringContaining("COC-22.2"),
    });
    await expect(
      publishFaq(t.ctx(employee.actor), q.id, { question: "x", answer: "y" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await publishFaq(t.ctx(gc.actor), q.id, {
      question: "May I accept a supplier's invitation to a sports event?",
      answer: "Yes, under the gift threshold, logged in the register.",
    });
    const faqs = await listFaqs(t.ctx(loner.actor));
    expect(faqs.items[0]).toMatchObject({
      question: "May I accept a supplier's invitation to a sports event?",
    });
    expect(JSON.stringify(faqs)).not.toContain(first);
  });

  it("a question can be asked anonymously through the speak-up mailbox (no link to the user is kept)", async () => {
    const r = await askGuidanceAnonymously(t.ctx(employee.actor), {
      topic: "Expense reports",
      question: "Is this allowed?",
      password: "a long password",
      idempotencyKey: "guidance-anon-000001",
    });
    expect(r.receipt).toMatch(/\d{4}/);
    const kase = await t.database.db
      .withTables<{
        speakup_cases: { id: string; number: string; category: string; identity_mode: string };
      }>()
      .selectFrom("speakup_cases")
      .select(["category", "identity_mode"])
      .where("number", "=", r.caseNumber)
      .executeTakeFirstOrThrow();
    expect(kase).toEqual({ category: "other", identity_mode: "anonymous" });
    const audit = await t.database.db
      .selectFrom("audit_events")
      .select(["actor_id"])
      .where("action", "like", "speakup.%")
      .execute();
    expectAll(audit, (e) => e.actor_id !== employee.userId, "speak-up audit events");
  });

  it("COC-9.1: a government or media inquiry notifies Legal at once; Legal assigns a responder who records the response", async () => {
    const i = await logInquiry(t.ctx(employee.actor), {
      kind: "media",
      organisation: "Cleveland Plain Dealer",
      representative: "A. Reporter",
      receivedAt: "2026-03-02",
      subject: "Plant emissions",
    });
    expect(i.status).toBe("new");
    expect((await openTasks(gc.userId)).some((x) => x.kind === "disclosures.inquiry.assign")).toBe(true);
    const outbox = await mailsTo(t.database, gc.email);
    expect(outbox.some((m) => m.subject.startsWith("Urgent: media inquiry"))).toBe(true);
    await expect(recordResponse(t.ctx(gc.actor), i.id, { response: "x" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("COC-9.1"),
    });
    await expect(
      assignResponder(t.ctx(employee.actor), i.id, { responderUserId: gc.userId }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await assignResponder(t.ctx(gc.actor), i.id, { responderUserId: manager.userId });
    expect((await openTasks(manager.userId)).some((x) => x.kind === "disclosures.inquiry.respond")).toBe(
      true,
    );
    const done = await recordResponse(t.ctx(manager.actor), i.id, {
      response: "Statement issued by the communications office.",
    });
    expect(done).toMatchObject({ status: "responded", responder: expect.any(String) });
    expect((await getInquiry(t.ctx(employee.actor), i.id)).status).toBe("responded");
    expect((await listInquiries(t.ctx(loner.actor))).items).toHaveLength(0);
  });

  it("COC-8.1: boycott requests: quarterly report data with the due date, five-year retention, supervisor told", async () => {
    expect(reportDueOn(2026, 1)).toBe("2026-04-30");
    expect(reportDueOn(2026, 4)).toBe("2027-01-31");
    expect(retainUntil("2026-02-28")).toBe("2031-02-28");
    const b = await logBoycottRequest(t.ctx(employee.actor), {
      receivedOn: "2026-02-10",
      requester: "Gulf Trading LLC",
      country: "ae",
      documentType: "letter_of_credit",
      requestText: "Certificate that goods are not of Israeli origin.",
    });
    expect(b).toMatchObject({
      quarter: "2026-Q1",
      reportDueOn: "2026-04-30",
      retainUntil: "2031-02-10",
      isReportable: true,
      country: "AE",
    });
    await logBoycottRequest(t.ctx(employee.actor), {
      receivedOn: "2026-03-01",
      requester: "Other",
      documentType: "inquiry",
      requestText: "Do you trade with X?",
    });
    const second = (await listBoycottRequests(t.ctx(gc.actor))).items.find((x) => x.requester === "Other")!;
    await expect(
      reviewBoycottRequest(t.ctx(gc.actor), second.id, { isReportable: false }),
    ).rejects.toMatchObject({ message: expect.stringContaining("COC-8.1") });
    await reviewBoycottRequest(t.ctx(gc.actor), second.id, {
      isReportable: false,
      note: "Not a boycott request: a routine trade question.",
    });
    const report = await quarterlyBoycottReport(t.ctx(gc.actor), { year: 2026, quarter: 1 });
    expect(report).toMatchObject({ quarter: "2026-Q1", dueOn: "2026-04-30", isOverdue: false });
    expect(report.reportable.map((r) => r.id)).toEqual([b.id]);
    expect(report.notReportable).toHaveLength(1);
    await expect(
      quarterlyBoycottReport(t.ctx(employee.actor), { year: 2026, quarter: 1 }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(quarterlyBoycottReport(t.ctx(gc.actor), { year: 2026, quarter: 5 })).rejects.toMatchObject({
      code: "INVALID",
    });
    expect((await listBoycottRequests(t.ctx(loner.actor))).items).toHaveLength(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, dialect, type TestDb } from "../../../test/db.ts";
import { actorWith, buildPerson, buildUser, caseInput } from "../../../test/factories.ts";
import type { Actor } from "../../kernel/context.ts";
import { fileReport } from "./file-report.ts";
import { getCase, readCaseAttachment } from "./get-case.ts";
import { deadlinesJob } from "./jobs.ts";
import { listCases } from "./list-cases.ts";
import { openMailbox, readMailbox, readMailboxAttachment, replyInMailbox } from "./mailbox.ts";
import { acknowledgeCase, mergeCase, postHandlerMessage, transitionCase } from "./manage-case.ts";
import { listMyReports, openMyReportMailbox } from "./my-reports.ts";
import { caseFilter, type ReportInput, reportInput } from "./schemas.ts";
import { setMailboxPassword } from "./set-mailbox-password.ts";
import { ReceiptThrottle } from "./throttle.ts";

const DAY = 86_400_000;

describe(`speak-up mailboxes: merges, feedback and hotline codes (${dialect})`, () => {
  let t: TestDb;
  let cco: Actor;
  let operator: Actor;
  let throttle: ReceiptThrottle;

  const report = caseInput;
  const open = (receipt: string, password = "reporter-pass-1") =>
    openMailbox(t.ctx(), { receipt, password, throttle });
  const tasks = (kind: string) =>
    t.database.db
      .withTables<{ tasks: { kind: string; title: string; href: string; assignee_user_id: string } }>()
      .selectFrom("tasks")
      .select(["title", "href", "assignee_user_id"])
      .where("kind", "=", kind)
      .execute();

  beforeAll(async () => {
    t = await createTestDb();
    throttle = new ReceiptThrottle();
    const admin = actorWith(["admin"]);
    // Fixed names (a three-letter surname matches only itself): a random "Mertz" is a probable
    // match for the reporter "Ines Merz" (COC-22.2 named-people detection).
    const ccoUser = await buildUser(t.ctx(admin), ["compliance_officer"], { displayName: "Quentin Zyx" });
    cco = actorWith(["compliance_officer"], { userId: ccoUser.id });
    const operatorUser = await buildUser(t.ctx(admin), ["hotline_operator"], { displayName: "Ugo Vux" });
    operator = actorWith(["hotline_operator"], { userId: operatorUser.id });
  });
  afterAll(() => t.destroy());

  describe("finding 1: a merge never shows one reporter another's mailbox (COC-22.2)", () => {
    it("COC-22.2: after A is merged into B, A's reporter sees only A's report and messages, never B's summary, messages or files", async () => {
      const a = await fileReport(t.ctx(), report({ summary: "Decoy report A" }));
      const b = await fileReport(
        t.ctx(),
        report({
          summary: "Real report B",
          attachments: [
            {
              filename: "b-evidence.txt",
              contentType: "text/plain",
              base64: Buffer.from("B1").toString("base64"),
            },
          ],
        }),
      );
      const tokenB = (await open(b.receipt)).token;
      await replyInMailbox(t.ctx(), tokenB, {
        body: "B's follow-up: the scrap goes to Owensboro",
        files: [{ filename: "b-reply.txt", contentType: "text/plain", bytes: Buffer.from("png-b") }],
      });
      await mergeCase(t.ctx(cco), a.caseId, b.caseId);

      const tokenA = (await open(a.receipt)).token;
      const viewA = await readMailbox(t.ctx(), tokenA);
      expect(viewA.number).toBe(a.number);
      expect(viewA.summary).toBe("Decoy report A");
      expect(JSON.stringify(viewA)).not.toContain("Real report B");
      expect(JSON.stringify(viewA)).not.toContain("Owensboro");
      expect(JSON.stringify(viewA)).not.toContain("b-evidence");
      expect(JSON.stringify(viewA)).not.toContain("b-reply");
      // Guessing B's attachment ids does not help either.
      const survivor = await getCase(t.ctx(cco), b.caseId);
      const bFiles = survivor.attachments.filter((f) => f.caseId === b.caseId);
      expect(bFiles.map((f) => f.filename).sort()).toEqual(["b-evidence.txt", "b-reply.txt"]);
      for (const f of bFiles)
        await expect(readMailboxAttachment(t.ctx(), tokenA, f.id)).rejects.toMatchObject({
          code: "NOT_FOUND",
        });
      // B's reporter does not see A's report either, and still sees their own thread.
      const viewB = await readMailbox(t.ctx(), tokenB);
      expect(viewB.summary).toBe("Real report B");
      expect(JSON.stringify(viewB)).not.toContain("Decoy report A");
      expect(viewB.messages.map((m) => m.body)).toContain("B's follow-up: the scrap goes to Owensboro");
    });

    it("COC-22.2: a handler's message to the merged report's reporter reaches that reporter only; the handlers see both threads", async () => {
      const a = await fileReport(t.ctx(), report({ summary: "Report A" }));
      const b = await fileReport(t.ctx(), report({ summary: "Report B" }));
      const unrelated = await fileReport(t.ctx(), report({ summary: "Unrelated" }));
      await acknowledgeCase(t.ctx(cco), b.caseId);
      await mergeCase(t.ctx(cco), a.caseId, b.caseId);
      await postHandlerMessage(t.ctx(cco), b.caseId, "Question for A only", { toCaseId: a.caseId });
      await postHandlerMessage(t.ctx(cco), b.caseId, "Question for B only");
      await expect(
        postHandlerMessage(t.ctx(cco), b.caseId, "Wrong recipient", { toCaseId: unrelated.caseId }),
      ).rejects.toMatchObject({ code: "INVALID" });

      const viewA = await readMailbox(t.ctx(), (await open(a.receipt)).token);
      const viewB = await readMailbox(t.ctx(), (await open(b.receipt)).token);
      expect(viewA.messages.map((m) => m.body)).toContain("Question for A only");
      expect(viewA.messages.map((m) => m.body)).not.toContain("Question for B only");
      expect(viewB.messages.map((m) => m.body)).toContain("Question for B only");
      expect(viewB.messages.map((m) => m.body)).not.toContain("Question for A only");
      // A merged report is acknowledged by its merge, and its reporter follows the surviving case.
      expect(viewA.acknowledged).toBe(true);
      expect(viewA.status).toBe("acknowledged");

      const handlers = await getCase(t.ctx(cco), b.caseId);
      expect(handlers.messages.filter((m) => m.body === "Question for A only")).toEqual([
        expect.objectContaining({ caseId: a.caseId, caseNumber: a.number }),
      ]);
      expect(handlers.reporters.map((r) => r.caseId)).toEqual([b.caseId, a.caseId]);
      // A file A's reporter sends is readable by the surviving case's handlers.
      const tokenA = (await open(a.receipt)).token;
      await replyInMailbox(t.ctx(), tokenA, {
        body: "Answer from A",
        files: [{ filename: "a.txt", contentType: "text/plain", bytes: Buffer.from("png-a") }],
      });
      const file = (await getCase(t.ctx(cco), b.caseId)).attachments.find((f) => f.filename === "a.txt")!;
      expect(Buffer.from((await readCaseAttachment(t.ctx(cco), b.caseId, file.id)).bytes).toString()).toBe(
        "png-a",
      );
      await expect(readCaseAttachment(t.ctx(cco), unrelated.caseId, file.id)).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    });

    it("COC-22.2: merges of merges keep every reporter to their own content", async () => {
      const a = await fileReport(t.ctx(), report({ summary: "Chain A" }));
      const b = await fileReport(t.ctx(), report({ summary: "Chain B" }));
      const c = await fileReport(t.ctx(), report({ summary: "Chain C" }));
      await mergeCase(t.ctx(cco), a.caseId, b.caseId);
      await mergeCase(t.ctx(cco), b.caseId, c.caseId);
      await postHandlerMessage(t.ctx(cco), c.caseId, "For A, two merges away", { toCaseId: a.caseId });
      for (const [filed, own] of [
        [a, "Chain A"],
        [b, "Chain B"],
        [c, "Chain C"],
      ] as const) {
        const view = await readMailbox(t.ctx(), (await open(filed.receipt)).token);
        expect(view.summary).toBe(own);
        const text = JSON.stringify(view);
        for (const other of ["Chain A", "Chain B", "Chain C"].filter((s) => s !== own))
          expect(text).not.toContain(other);
        expect(text.includes("For A, two merges away")).toBe(filed === a);
      }
    });

    it("COC-22.2: closing and reopening the surviving case keeps each reporter to their own content", async () => {
      const a = await fileReport(t.ctx(), report({ summary: "Reopen A" }));
      const b = await fileReport(t.ctx(), report({ summary: "Reopen B" }));
      const ctx = t.ctx(cco);
      await acknowledgeCase(ctx, b.caseId);
      await mergeCase(ctx, a.caseId, b.caseId);
      await postHandlerMessage(ctx, b.caseId, "Outcome for A", { isFeedback: true, toCaseId: a.caseId });
      await transitionCase(ctx, b.caseId, { to: "triage" });
      await transitionCase(ctx, b.caseId, { to: "closed", note: "Done", closingMessage: "Outcome for B" });
      await transitionCase(ctx, b.caseId, { to: "triage", note: "New evidence" });
      const viewA = await readMailbox(t.ctx(), (await open(a.receipt)).token);
      expect(viewA.status).toBe("triage");
      expect(viewA.summary).toBe("Reopen A");
      expect(JSON.stringify(viewA)).not.toMatch(/Reopen B|Outcome for B/);
      const viewB = await readMailbox(t.ctx(), (await open(b.receipt)).token);
      expect(JSON.stringify(viewB)).not.toMatch(/Reopen A|Outcome for A/);
    });

    it("COC-22.2: an identified employee whose report was merged lists and opens only their own report", async () => {
      const admin = actorWith(["admin"]);
      const person = await buildPerson(t.ctx(admin), { firstName: "Ines", lastName: "Merz" });
      const user = await buildUser(t.ctx(admin), [], { personId: person.id });
      const employee = actorWith([], { userId: user.id, personId: person.id });
      const mine = await fileReport(
        t.ctx(employee),
        report({
          channel: "internal",
          summary: "My own report",
          identityMode: "confidential",
          identity: { name: "Ines Merz" },
        }),
      );
      const other = await fileReport(t.ctx(), report({ summary: "Someone else's report" }));
      await mergeCase(t.ctx(cco), mine.caseId, other.caseId);
      const listed = (await listMyReports(t.ctx(employee))).items;
      expect(listed.map((r) => r.id)).toEqual([mine.caseId]);
      expect(listed[0]?.status).toBe("new");
      await expect(openMyReportMailbox(t.ctx(employee), other.caseId)).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      const { token } = await openMyReportMailbox(t.ctx(employee), mine.caseId);
      expect((await readMailbox(t.ctx(), token)).summary).toBe("My own report");
    });
  });

  describe("finding 12: the Directive's clocks (EU Directive 2019/1937, art. 9(1)(b), (f), 11)", () => {
    it("only a message marked as feedback meets the feedback clock; a question does not", async () => {
      const filed = await fileReport(t.ctx(), report({ summary: "Clock" }));
      await acknowledgeCase(t.ctx(cco), filed.caseId);
      await postHandlerMessage(t.ctx(cco), filed.caseId, "Which yard was it?");
      expect((await getCase(t.ctx(cco), filed.caseId)).feedbackGivenAt).toBeNull();
      await postHandlerMessage(t.ctx(cco), filed.caseId, "We searched the yard and stopped the pickups.", {
        isFeedback: true,
      });
      const c = await getCase(t.ctx(cco), filed.caseId);
      expect(c.feedbackGivenAt).not.toBeNull();
      expect(c.clocks.feedback).toBe("met");
      const view = await readMailbox(t.ctx(), (await open(filed.receipt)).token);
      expect(view.messages.map((m) => m.isFeedback)).toEqual([false, false, true]);
    });

    it("art. 9(1)(f): refuses to close a case whose reporter was not told what was done and why, and closes with a closing feedback message", async () => {
      const filed = await fileReport(t.ctx(), report({ summary: "Close" }));
      const ctx = t.ctx(cco);
      await acknowledgeCase(ctx, filed.caseId);
      await postHandlerMessage(ctx, filed.caseId, "Feedback so far: we are checking the records.", {
        isFeedback: true,
      });
      await postHandlerMessage(ctx, filed.caseId, "One more question: which night?");
      await transitionCase(ctx, filed.caseId, { to: "triage" });
      await expect(
        transitionCase(ctx, filed.caseId, { to: "closed", note: "Nothing to investigate" }),
      ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("art. 9(1)(f)") });
      expect((await getCase(ctx, filed.caseId)).status).toBe("triage");
      await transitionCase(ctx, filed.caseId, {
        to: "closed",
        note: "Nothing to investigate",
        closingMessage: "We checked the gate logs: no pallets left at night. The case is closed.",
      });
      const view = await readMailbox(t.ctx(), (await open(filed.receipt)).token);
      expect(view.status).toBe("closed");
      expect(view.messages.at(-1)).toMatchObject({
        author: "handler",
        isFeedback: true,
        body: "We checked the gate logs: no pallets left at night. The case is closed.",
      });
    });

    it("art. 9(1)(f): a case with merged reports closes only once every reporter got closing feedback", async () => {
      const a = await fileReport(t.ctx(), report({ summary: "Merged close A" }));
      const b = await fileReport(t.ctx(), report({ summary: "Merged close B" }));
      const ctx = t.ctx(cco);
      await acknowledgeCase(ctx, b.caseId);
      await mergeCase(ctx, a.caseId, b.caseId);
      await transitionCase(ctx, b.caseId, { to: "triage" });
      await expect(
        transitionCase(ctx, b.caseId, { to: "closed", note: "Duplicate", closingMessage: "Done, for B." }),
      ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining(a.number) });
      await postHandlerMessage(ctx, b.caseId, "Done, for A.", { isFeedback: true, toCaseId: a.caseId });
      await transitionCase(ctx, b.caseId, {
        to: "closed",
        note: "Duplicate",
        closingMessage: "Done, for B.",
      });
      const viewA = await readMailbox(t.ctx(), (await open(a.receipt)).token);
      expect(viewA.messages.at(-1)).toMatchObject({ body: "Done, for A.", isFeedback: true });
      expect(JSON.stringify(viewA)).not.toContain("Done, for B.");
    });

    it("keeps missed clocks visible on a closed case, in its view and in the overdue list", async () => {
      const filed = await fileReport(t.ctx(), report({ summary: "Late all along" }));
      t.clock.advance(100 * DAY);
      const ctx = t.ctx(cco);
      await acknowledgeCase(ctx, filed.caseId);
      await transitionCase(ctx, filed.caseId, { to: "triage" });
      await transitionCase(ctx, filed.caseId, {
        to: "closed",
        note: "Too late to act",
        closingMessage: "We could not act on it any more.",
      });
      const c = await getCase(ctx, filed.caseId);
      expect(c.status).toBe("closed");
      expect(c.clocks).toEqual({ acknowledgement: "missed", feedback: "missed" });
      expect(c.overdue).toEqual({ acknowledgement: true, feedback: true });
      const listed = await listCases(ctx, caseFilter.parse({ overdue: "feedback", pageSize: 200 }));
      expect(listed.items.find((i) => i.id === filed.caseId)).toMatchObject({
        clocks: { acknowledgement: "missed", feedback: "missed" },
      });
    });

    it("reminds the surviving case's handlers of feedback owed to a merged report's reporter", async () => {
      const a = await fileReport(t.ctx(), report({ summary: "Owed A" }));
      const b = await fileReport(t.ctx(), report({ summary: "Owed B" }));
      await mergeCase(t.ctx(cco), a.caseId, b.caseId);
      t.clock.advance(95 * DAY);
      await deadlinesJob.run(t.ctx(), {}, { id: "test", attempts: 1, maxAttempts: 1 });
      const overdue = await tasks("speakup.feedback_overdue");
      expect(overdue.filter((x) => x.title.includes(a.number))).toEqual([
        expect.objectContaining({
          href: `/speakup/cases/${b.caseId}#reporter-${a.caseId}`,
          title: `Feedback to the reporter of ${a.number} (merged into ${b.number}) is overdue`,
        }),
      ]);
    });
  });

  describe("finding 14: a hotline caller sets their own password with a one-time code", () => {
    const phone = (overrides: Partial<ReportInput> = {}) =>
      report({ channel: "phone_domestic", password: undefined, summary: "Phoned in", ...overrides });

    it("COC-22.2: the operator gets a receipt and a one-time code, never a password; the code is stored only hashed", async () => {
      expect(reportInput.safeParse({ ...phone(), password: "operator-chosen" }).success).toBe(false);
      const input = phone();
      const filed = await fileReport(t.ctx(operator), input);
      expect(filed.setupCode).toMatch(/^\d{4} \d{4}$/);
      // A double-submitted form shows the same receipt and code again.
      expect(await fileReport(t.ctx(operator), input)).toMatchObject({
        receipt: filed.receipt,
        setupCode: filed.setupCode,
        retried: true,
      });
      const row = await t.database.db
        .withTables<{
          speakup_cases: { id: string; password_hash: string | null; setup_code_hash: string | null };
        }>()
        .selectFrom("speakup_cases")
        .select(["password_hash", "setup_code_hash"])
        .where("id", "=", filed.caseId)
        .executeTakeFirstOrThrow();
      expect(row.password_hash).toBeNull();
      expect(row.setup_code_hash).toMatch(/^\$argon2id\$/);
      expect(row.setup_code_hash).not.toContain(filed.setupCode!.replace(" ", ""));
      // The code is not a password.
      await expect(open(filed.receipt, filed.setupCode!)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
      // An ordinary web report has no code.
      expect((await fileReport(t.ctx(), report())).setupCode).toBeNull();
    });

    it("COC-22.2: the caller sets a password with the code, after which the code no longer works", async () => {
      const filed = await fileReport(t.ctx(operator), phone({ summary: "Caller sets password" }));
      const setup = (code: string, password = "callers-own-secret") =>
        setMailboxPassword(t.ctx(), {
          receipt: filed.receipt,
          code,
          password,
          throttle,
        });
      await expect(setup("0000 0000")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
      await expect(setup(filed.setupCode!, "short")).rejects.toMatchObject({ code: "INVALID" });
      const { token } = await setup(filed.setupCode!);
      expect((await readMailbox(t.ctx(), token)).summary).toBe("Caller sets password");
      await expect(setup(filed.setupCode!, "someone-elses-pass")).rejects.toMatchObject({
        code: "UNAUTHENTICATED",
      });
      await expect(open(filed.receipt, "callers-own-secret")).resolves.toHaveProperty("token");
      await expect(open(filed.receipt, "someone-elses-pass")).rejects.toMatchObject({
        code: "UNAUTHENTICATED",
      });
    });

    it("the code expires after 30 days", async () => {
      const filed = await fileReport(t.ctx(operator), phone({ summary: "Expires" }));
      t.clock.advance(31 * DAY);
      await expect(
        setMailboxPassword(t.ctx(), {
          receipt: filed.receipt,
          code: filed.setupCode!,
          password: "too-late-password",
          throttle,
        }),
      ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    });

    it("wrong codes count like wrong passwords: past ten tries on the receipt the next one needs a proof of work", async () => {
      const filed = await fileReport(t.ctx(operator), phone({ summary: "Guessed" }));
      const local = new ReceiptThrottle();
      const attempt = (code: string) =>
        setMailboxPassword(t.ctx(), {
          receipt: filed.receipt,
          code,
          password: "callers-own-secret",
          throttle: local,
        });
      for (let i = 0; i < 10; i++)
        await expect(attempt(`1234 56${String(i).padStart(2, "0")}`)).rejects.toMatchObject({
          code: "UNAUTHENTICATED",
        });
      await expect(attempt(filed.setupCode!)).rejects.toMatchObject({ code: "RATE_LIMITED" });
    });
  });
});

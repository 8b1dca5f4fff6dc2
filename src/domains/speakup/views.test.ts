import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { createTestDb, dialect, type TestDb } from "../../../test/db.ts";
import { actorWith, buildPerson, buildUser } from "../../../test/factories.ts";
import type { Actor } from "../../kernel/context.ts";
import { listAssignees } from "./assignees.ts";
import { fileReport } from "./file-report.ts";
import { getCase } from "./get-case.ts";
import { listCases } from "./list-cases.ts";
import { openMailbox, readMailbox, replyInMailbox } from "./mailbox.ts";
import {
  acknowledgeCase,
  addCaseItem,
  mergeCase,
  postHandlerMessage,
  transitionCase,
} from "./manage-case.ts";
import { listMyReports } from "./my-reports.ts";
import { purgeExpiredCases } from "./retention.ts";
import { caseFilter, type ReportInput, reportInput } from "./schemas.ts";
import { getSpeakupSettings } from "./settings.ts";
import { getStats } from "./stats.ts";
import { ReceiptThrottle } from "./throttle.ts";
import * as views from "./views.ts";

const DAY = 86_400_000;

/**
 * A response schema is a filter (issue 13): the serializer sends only what it names. These tests
 * hold every speak-up view to the answers its use case gives, for every reader and every state of
 * a case, so a schema can neither hide a field a reader needs nor add one (COC-22.2).
 */
describe(`speak-up views are whole: the schema keeps every field and adds none (${dialect})`, () => {
  let t: TestDb;
  let cco: Actor;
  let employee: Actor;
  const throttle = new ReceiptThrottle();

  const report = (overrides: Partial<ReportInput> = {}) =>
    reportInput.parse({
      category: "fraud_theft",
      summary: "Stolen scrap",
      details: "Pallets of scrap left the Lewisport yard at night; Long approved it.",
      password: "reporter-pass-1",
      idempotencyKey: randomUUID(),
      attachments: [
        { filename: "note.txt", contentType: "text/plain", base64: Buffer.from("a note").toString("base64") },
      ],
      ...overrides,
    });

  /** What the serializer would send, compared with what the use case gave (as JSON). */
  const expectWhole = (schema: z.ZodType, answer: unknown) => {
    const json = JSON.parse(JSON.stringify(answer)) as unknown;
    const sent = schema.safeParse(json);
    expect(sent.error?.issues ?? []).toEqual([]);
    expect(sent.data).toStrictEqual(json);
  };

  beforeAll(async () => {
    t = await createTestDb();
    const ccoUser = await buildUser(t.ctx(), ["compliance_officer"]);
    cco = actorWith(["compliance_officer"], { userId: ccoUser.id });
    const person = await buildPerson(t.ctx(), { firstName: "Ines", lastName: "Moreau" });
    const employeeUser = await buildUser(t.ctx(), [], { personId: person.id });
    employee = actorWith([], { userId: employeeUser.id, personId: person.id });
    await buildPerson(t.ctx(), { firstName: "Grace", lastName: "Long", title: "Engineer" });
  });
  afterAll(() => t.destroy());

  it("COC-22.2: the handler's case view, live and merged, keeps every field (the named people's `how`, the reporter, items, files, threads)", async () => {
    const filed = await fileReport(
      t.ctx(),
      report({ identityMode: "confidential", identity: { name: "R" } }),
    );
    const other = await fileReport(t.ctx(), report());
    const ctx = t.ctx(cco);
    await acknowledgeCase(ctx, filed.caseId);
    await postHandlerMessage(ctx, filed.caseId, "A question", { isFeedback: true });
    await addCaseItem(ctx, filed.caseId, {
      kind: "task",
      title: "Call",
      text: "the yard",
      dueOn: "2027-01-10",
    });
    await transitionCase(ctx, filed.caseId, { to: "triage" });
    await mergeCase(ctx, other.caseId, filed.caseId);

    const live = await getCase(ctx, filed.caseId);
    expect(live.people.some((p) => p.how !== undefined)).toBe(true);
    expect(live.reporters).toHaveLength(2);
    expect(live.items).toHaveLength(1);
    expect(live.attachments.length).toBeGreaterThan(0);
    expectWhole(views.caseView, live);
    expectWhole(views.caseView, await getCase(ctx, other.caseId));
    expectWhole(views.caseListPage, await listCases(ctx, caseFilter.parse({})));
    expectWhole(views.caseAssignees, await listAssignees(ctx, filed.caseId));
  });

  it("COC-22.2: the reporter's mailbox and the employee's own reports keep every field", async () => {
    const filed = await fileReport(
      t.ctx(employee),
      report({ channel: "internal", identityMode: "open", identity: { name: "Ines Moreau" } }),
    );
    await postHandlerMessage(t.ctx(cco), filed.caseId, "Thank you");
    const session = await openMailbox(t.ctx(), {
      receipt: filed.receipt,
      password: "reporter-pass-1",
      throttle,
    });
    expectWhole(views.mailboxSessionView, session);
    expectWhole(
      views.speakupMessagePostedView,
      await replyInMailbox(t.ctx(), session.token, {
        body: "More",
        files: [{ filename: "b.txt", contentType: "text/plain", bytes: Buffer.from("b") }],
      }),
    );
    const mailbox = await readMailbox(t.ctx(), session.token);
    expect(mailbox.messages.some((m) => m.attachments.length > 0)).toBe(true);
    expectWhole(views.mailboxView, mailbox);
    const mine = await listMyReports(t.ctx(employee));
    expect(mine.items).toHaveLength(1);
    expectWhole(views.myReports, mine);
    expectWhole(views.filedReportView, filed);
  });

  it("COC-15.1: a purged case's tombstone and the statistics keep every field", async () => {
    const filed = await fileReport(t.ctx(), report());
    const ctx = t.ctx(cco);
    await acknowledgeCase(ctx, filed.caseId);
    await transitionCase(ctx, filed.caseId, { to: "triage" });
    await transitionCase(ctx, filed.caseId, { to: "closed", note: "no case", closingMessage: "Closed" });
    t.clock.advance(8 * 366 * DAY);
    await purgeExpiredCases(t.ctx());
    const tomb = await getCase(ctx, filed.caseId);
    expect(tomb.purgedAt).not.toBeNull();
    expectWhole(views.caseView, tomb);
    expectWhole(views.caseListPage, await listCases(ctx, caseFilter.parse({})));
    expectWhole(views.speakupStatsView, await getStats(ctx, {}));
    expectWhole(views.speakupSettingsView, await getSpeakupSettings(t.ctx()));
  });

  it("COC-22.2: no speak-up view has a default, a transform or a catch, so no schema can add to an answer", () => {
    const adders = new Set(["default", "prefault", "transform", "pipe", "catch", "success"]);
    const found: string[] = [];
    const seen = new Set<unknown>();
    const walk = (node: unknown, path: string) => {
      if (!node || typeof node !== "object" || seen.has(node)) return;
      seen.add(node);
      const def = (node as { _zod?: { def?: { type?: string } } })._zod?.def;
      if (def?.type && adders.has(def.type)) found.push(`${path}: ${def.type}`);
      for (const [k, v] of Object.entries(def ?? node)) if (typeof v === "object") walk(v, `${path}.${k}`);
    };
    for (const [name, schema] of Object.entries(views)) walk(schema, name);
    expect(Object.keys(views).length).toBeGreaterThan(10);
    expect(found).toEqual([]);
  });
});

import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, signedIn, type TestApp } from "../../../test/app.ts";
import { dialect } from "../../../test/db.ts";
import { buildPerson } from "../../../test/factories.ts";

/**
 * Issue 13: every disclosures route answers through its response schema, which is a filter and a
 * check (a use case whose answer does not match it is a 500). Each test walks one register over
 * HTTP and builds its own data, so it runs alone.
 */
describe(`disclosures over HTTP: every answer matches its declared schema (${dialect})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ totp: "off" });
  });
  afterAll(() => t.destroy());

  const employee = async () => {
    const supervisor = await buildPerson(t.ctx());
    const person = await buildPerson(t.ctx(), { supervisorId: supervisor.id });
    return { person, client: await signedIn(t, [], { personId: person.id }) };
  };
  const ok = (res: LightMyRequestResponse, code = 200) => {
    expect(res.statusCode, res.body).toBe(code);
    return res.json();
  };
  /** An employee files `body` at `path` (201), and a General Counsel is signed in to handle it. */
  const employeeFiles = async (path: string, body: Record<string, unknown>) => {
    const { client: me } = await employee();
    const gc = await signedIn(t, ["general_counsel"]);
    return { gc, filed: ok(await me.send("POST", path, body), 201) };
  };

  it("conflicts (COC-6.1, COC-6.2): file, read, list, change, comment, forward, CEO review, decide, export", async () => {
    const { client: me } = await employee();
    const gc = await signedIn(t, ["general_counsel"], { personId: (await buildPerson(t.ctx())).id });
    const ceo = await signedIn(t, ["ceo"], { personId: (await buildPerson(t.ctx())).id });
    const chair = await signedIn(t, ["audit_committee_chair"], { personId: (await buildPerson(t.ctx())).id });
    const filed = ok(
      await me.send("POST", "/api/disclosures/conflicts", {
        type: "financial_interest",
        title: "Shares in a supplier",
        description: "I own shares in a supplier.",
        answers: { organisation: "Acme Steel", relationship: "supplier", ownershipPercent: "2.5" },
      }),
      201,
    );
    expect(filed).toMatchObject({ status: "disclosed", can: { edit: true, forward: false } });
    const read = ok(await me.get(`/api/disclosures/conflicts/${filed.id}`));
    expect(read.events.length).toBeGreaterThan(0);
    expect(ok(await me.get("/api/disclosures/conflicts")).items).toHaveLength(1);
    ok(await me.send("PATCH", `/api/disclosures/conflicts/${filed.id}`, { title: "Shares in Acme" }));
    ok(await gc.send("POST", `/api/disclosures/conflicts/${filed.id}/comments`, { body: "Which fund?" }));
    const forwarded = ok(await gc.send("POST", `/api/disclosures/conflicts/${filed.id}/forward`));
    expect(forwarded.status).toBe("ceo_review");
    ok(await ceo.send("POST", `/api/disclosures/conflicts/${filed.id}/ceo-review`, { note: "Reported." }));
    const decided = ok(
      await chair.send("POST", `/api/disclosures/conflicts/${filed.id}/decision`, {
        decision: "approved",
        reviewDate: "2027-03-01",
      }),
    );
    expect(decided).toMatchObject({ status: "approved", reviewDate: "2027-03-01" });
    const register = ok(await gc.get("/api/disclosures/conflicts?scope=register"));
    expect(register.can).toEqual({ register: true, ceo: false, auditCommittee: false });
    const csv = await gc.get("/api/disclosures/conflicts.csv?scope=register");
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain("Shares in Acme");
    const other = await employee();
    const withdrawn = ok(
      await other.client.send("POST", "/api/disclosures/conflicts", {
        type: "other",
        title: "Something else",
        description: "A situation.",
        submit: false,
      }),
      201,
    );
    expect(
      ok(await other.client.send("POST", `/api/disclosures/conflicts/${withdrawn.id}/withdraw`)).status,
    ).toBe("withdrawn");
  });

  it("gifts (COC-12.1, COC-6.5): settings, file, approve, record, register", async () => {
    const { client: me } = await employee();
    const gc = await signedIn(t, ["general_counsel"]);
    expect(ok(await me.get("/api/disclosures/gifts/settings"))).toMatchObject({ perItemCents: 10_000 });
    ok(
      await gc.send("PUT", "/api/disclosures/gifts/settings", {
        perItem: "100.00",
        perRecipientYear: "250.00",
      }),
    );
    const gift = ok(
      await me.send("POST", "/api/disclosures/gifts", {
        direction: "given",
        counterpartyName: "A. Official",
        organisation: "Ministry of Works",
        official: "non_us_government",
        kind: "meal",
        description: "Working lunch",
        value: "40.00",
        eventDate: "2026-04-01",
        businessPurpose: "Permit meeting",
      }),
      201,
    );
    expect(gift).toMatchObject({ status: "pending_approval", approvalReasons: ["government_official"] });
    ok(await gc.get(`/api/disclosures/gifts/${gift.id}`));
    const approved = ok(
      await gc.send("POST", `/api/disclosures/gifts/${gift.id}/decision`, {
        approve: true,
        text: "Approved in writing for the permit meeting.",
      }),
    );
    expect(approved.can).toEqual({ decide: false, record: false });
    expect(ok(await me.send("POST", `/api/disclosures/gifts/${gift.id}/record`, {})).status).toBe("recorded");
    const register = ok(await gc.get("/api/disclosures/gifts?scope=register"));
    expect(register.can).toEqual({ register: true, approve: true, configure: true });
    expect(register.settings.perItem).toBeTruthy();
  });

  it("guidance (COC-22.1, COC-22.2): ask, read, answer, publish, list, FAQs, ask anonymously", async () => {
    const { client: me } = await employee();
    const gc = await signedIn(t, ["general_counsel"]);
    const asked = ok(
      await me.send("POST", "/api/disclosures/guidance", {
        topic: "Gifts",
        question: "May I accept a calendar?",
        routeTo: "legal",
      }),
      201,
    );
    ok(await me.get(`/api/disclosures/guidance/${asked.id}`));
    ok(await gc.send("POST", `/api/disclosures/guidance/${asked.id}/answer`, { answer: "Yes." }));
    const published = ok(
      await gc.send("POST", `/api/disclosures/guidance/${asked.id}/faq`, {
        question: "May one accept a calendar?",
        answer: "Yes.",
      }),
    );
    expect(published.faq).toMatchObject({ question: "May one accept a calendar?" });
    expect(ok(await gc.get("/api/disclosures/guidance")).can).toEqual({ answer: true });
    expect(ok(await me.get("/api/disclosures/faqs")).items.length).toBeGreaterThan(0);
    const receipt = ok(
      await me.send("POST", "/api/disclosures/guidance/anonymous", {
        topic: "Ask anonymously",
        question: "A question without my name.",
        password: "correct horse battery",
        idempotencyKey: "guidance-http-0001",
      }),
      201,
    );
    expect(Object.keys(receipt).sort()).toEqual(["caseNumber", "receipt"]);
    const supervised = await employee();
    const toSupervisor = ok(
      await supervised.client.send("POST", "/api/disclosures/guidance", {
        topic: "Hours",
        question: "Overtime?",
      }),
      201,
    );
    expect(toSupervisor.routedTo).toBe("legal");
  });

  it("inquiries (COC-9.1): log, list, read, assign, respond", async () => {
    const { gc, filed: inquiry } = await employeeFiles("/api/disclosures/inquiries", {
      kind: "media",
      organisation: "Daily Planet",
      representative: "L. Lane",
      receivedAt: "2026-03-01",
      subject: "Plant closure rumours",
    });
    const list = ok(await gc.get("/api/disclosures/inquiries"));
    expect(list.can).toEqual({ manage: true });
    const responder = list.responders[0]?.userId as string;
    expect(responder).toBeTruthy();
    ok(await gc.get(`/api/disclosures/inquiries/${inquiry.id}`));
    ok(
      await gc.send("POST", `/api/disclosures/inquiries/${inquiry.id}/assign`, {
        responderUserId: responder,
      }),
    );
    const responded = ok(
      await gc.send("POST", `/api/disclosures/inquiries/${inquiry.id}/response`, { response: "No comment." }),
    );
    expect(responded).toMatchObject({ status: "responded", can: { assign: false, respond: false } });
  });

  it("boycotts (COC-8.1): log, review, list, quarterly report", async () => {
    const { gc, filed: logged } = await employeeFiles("/api/disclosures/boycotts", {
      receivedOn: "2026-02-10",
      requester: "Trading House",
      documentType: "letter_of_credit",
      requestText: "Certify the goods are not of origin X.",
    });
    expect(logged).toMatchObject({ quarter: "2026-Q1", reviewedAt: null });
    const reviewed = ok(
      await gc.send("POST", `/api/disclosures/boycotts/${logged.id}/review`, { isReportable: true }),
    );
    expect(reviewed.reviewedBy).toBeTruthy();
    expect(ok(await gc.get("/api/disclosures/boycotts")).can).toEqual({ manage: true });
    const report = ok(await gc.get("/api/disclosures/boycotts/report/2026/1"));
    expect(report).toMatchObject({ quarter: "2026-Q1", dueOn: "2026-04-30" });
    expect(report.reportable.map((b: { id: string }) => b.id)).toContain(logged.id);
  });

  it("legal holds (COC-15.1): issue, list, read, add custodians, acknowledge, release", async () => {
    const { person, client: custodian } = await employee();
    const gc = await signedIn(t, ["general_counsel"]);
    const other = await buildPerson(t.ctx());
    const hold = ok(
      await gc.send("POST", "/api/disclosures/holds", {
        matter: "Supplier dispute",
        scope: "Every record about Acme Steel.",
        custodianIds: [person.id],
      }),
      201,
    );
    expect(hold).toMatchObject({ status: "active", caseIds: [], can: { manage: true } });
    expect(ok(await gc.get("/api/disclosures/holds")).can).toEqual({ issue: true });
    ok(await gc.send("POST", `/api/disclosures/holds/${hold.id}/custodians`, { custodianIds: [other.id] }));
    const mine = ok(await custodian.get(`/api/disclosures/holds/${hold.id}`));
    expect(mine).toMatchObject({ can: { manage: false, acknowledge: true } });
    expect(mine.custodians).toHaveLength(1);
    const acknowledged = ok(await custodian.send("POST", `/api/disclosures/holds/${hold.id}/acknowledge`));
    expect(acknowledged.acknowledged).toBe(1);
    const released = ok(
      await gc.send("POST", `/api/disclosures/holds/${hold.id}/release`, { note: "Settled." }),
    );
    expect(released.status).toBe("released");
  });
});

import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { Writable } from "node:stream";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProbity, type Probity } from "../src/app.ts";
import { createTemplate, launchCampaign } from "../src/domains/certifications/index.ts";
import { type RoleName, updateSecuritySettings } from "../src/domains/people/index.ts";
import { seedDemoPolicies } from "../src/domains/policies/demo.ts";
import { loadConfig } from "../src/kernel/config.ts";
import { type Client, createTestApp, formBody, loginAs, multipart, signedIn, type TestApp } from "./app.ts";
import { createTestDb, type TestDb } from "./db.ts";
import { actorWith, buildPerson, buildUser, codeTemplateInput } from "./factories.ts";
import { jpegWithGps } from "./files.ts";
import { mailsTo } from "./records.ts";

/**
 * COC-22.2, SOC-6: a copy of the database alone reveals nothing a reporter wrote, and neither the
 * database nor the logs hold anything that identifies the reporter's device or network.
 */
describe(`speak-up confidentiality and anonymity (${process.env.PROBITY_TEST_DIALECT ?? "sqlite"})`, () => {
  let t: TestDb;
  let app: Probity;
  const logs: string[] = [];
  const MARKER = `ZEBRA${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  const SPY = {
    ua: "MarkerAgent/9.9 (SpyPhone)",
    referer: "https://referrer.example/leak",
    forwarded: "203.0.113.77",
  };

  beforeAll(async () => {
    t = await createTestDb();
    const stream = new Writable({
      write(chunk, _enc, done) {
        logs.push(String(chunk));
        done();
      },
    });
    const config = loadConfig({ PROBITY_DATA_DIR: t.dir, LOG_LEVEL: "info" });
    app = await createProbity({
      config,
      database: t.database,
      clock: t.clock,
      logStream: stream,
    });
    await app.server.ready();
    await updateSecuritySettings(t.ctx(), {
      totpRequiredForPrivileged: false,
      idleTimeoutMinutes: 30,
      absoluteTimeoutHours: 12,
    });
  });
  afterAll(async () => {
    await app.server.close();
    await t.destroy();
  });

  const spyHeaders = { "user-agent": SPY.ua, referer: SPY.referer, "x-forwarded-for": SPY.forwarded };

  it("stores content, identity, files and messages only encrypted, and nothing about the reporter's device", async () => {
    const filed = await app.server.inject({
      method: "POST",
      url: "/api/speakup/reports",
      headers: spyHeaders,
      payload: {
        category: "fraud_theft",
        summary: `Theft ${MARKER}`,
        details: `Details ${MARKER}`,
        site: `Site ${MARKER}`,
        involved: [{ name: `Person ${MARKER}` }],
        howKnown: `Saw it ${MARKER}`,
        identityMode: "confidential",
        identity: { name: `Reporter ${MARKER}`, email: `${MARKER.toLowerCase()}@example.com` },
        password: "a reporter password",
        idempotencyKey: randomUUID(),
        attachments: [
          {
            filename: `evidence-${MARKER}.txt`,
            contentType: "text/plain",
            base64: Buffer.from(`file ${MARKER}`).toString("base64"),
          },
        ],
      },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.headers["cache-control"]).toBe("no-store");
    expect(filed.headers["referrer-policy"]).toBe("no-referrer");
    const { receipt, caseId } = filed.json() as { receipt: string; caseId: string };

    const login = await app.server.inject({
      method: "POST",
      url: "/api/speakup/mailbox/login",
      headers: spyHeaders,
      payload: { receipt, password: "a reporter password" },
    });
    expect(login.statusCode).toBe(200);
    const token = login.json().token as string;
    const reply = await app.server.inject({
      method: "POST",
      url: "/api/speakup/mailbox/messages",
      headers: { ...spyHeaders, "x-mailbox-token": token },
      payload: { body: `Reply ${MARKER}` },
    });
    expect(reply.statusCode).toBe(201);

    // A handler writes back and notes the investigation.
    const user = await buildUser(t.ctx(), ["compliance_officer"]);
    const signIn = await app.server.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: user.email, password: user.password },
    });
    const cookie = signIn.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const csrf = signIn.json().csrfToken as string;
    const headers = { cookie, "x-csrf-token": csrf };
    expect(
      (
        await app.server.inject({
          method: "POST",
          url: `/api/speakup/cases/${caseId}/messages`,
          headers,
          payload: { body: `Question ${MARKER}` },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await app.server.inject({
          method: "POST",
          url: `/api/speakup/cases/${caseId}/items`,
          headers,
          payload: { kind: "interview", title: `Interview ${MARKER}`, text: `Notes ${MARKER}` },
        })
      ).statusCode,
    ).toBe(200);
    const view = await app.server.inject({ method: "GET", url: `/api/speakup/cases/${caseId}`, headers });
    expect(view.json().content.summary).toBe(`Theft ${MARKER}`);
    expect(view.json().reporter.name).toBe(`Reporter ${MARKER}`);

    const stored = await everythingStored(t);
    for (const needle of [
      MARKER,
      MARKER.toLowerCase(),
      SPY.ua,
      "SpyPhone",
      "referrer.example",
      SPY.forwarded,
      "127.0.0.1",
    ]) {
      expect(stored.includes(needle), `database contains ${needle}`).toBe(false);
    }
    const logText = logs.join("");
    expect(logText.length).toBeGreaterThan(0);
    for (const needle of [
      MARKER,
      SPY.ua,
      "referrer.example",
      SPY.forwarded,
      "127.0.0.1",
      receipt.replace(/ /g, ""),
    ]) {
      expect(logText.includes(needle), `logs contain ${needle}`).toBe(false);
    }
  });

  it("COC-22.2, COC-23.2: a violation explained on a certificate is stored only sealed, and its audit event does not name the signer", async () => {
    const CERT_MARKER = `${MARKER}CERT`;
    const person = await buildPerson(t.ctx(), {
      firstName: "Ines",
      lastName: "Marchetti",
      email: "ines.marchetti@example.com",
      hireDate: "2019-01-01",
    });
    const user = await buildUser(t.ctx(), [], { personId: person.id });
    const officer = await buildUser(t.ctx(), ["compliance_officer"]);
    const admin = actorWith(["compliance_officer"], { userId: officer.id });
    const ids = (await seedDemoPolicies(t.ctx(), () => {}))!;
    const template = await createTemplate(t.ctx(admin), codeTemplateInput(ids.codeId));
    await launchCampaign(t.ctx(admin), { name: "Annual", templateId: template.id, dueDate: "2026-12-31" });
    const signIn = await app.server.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: user.email, password: user.password },
    });
    const headers = {
      cookie: signIn.cookies.map((c) => `${c.name}=${c.value}`).join("; "),
      "x-csrf-token": signIn.json().csrfToken as string,
    };
    const mine = await app.server.inject({ method: "GET", url: "/api/certifications/mine", headers });
    const id = (mine.json() as { items: { id: string }[] }).items[0]!.id;
    const cert = (
      await app.server.inject({ method: "GET", url: `/api/certifications/certificates/${id}`, headers })
    ).json() as { textHash: string; statements: { id: string }[] };
    const signed = await app.server.inject({
      method: "POST",
      url: `/api/certifications/certificates/${id}/sign`,
      headers,
      payload: {
        textHash: cert.textHash,
        affirmed: cert.statements.map((x) => x.id),
        answers: {
          conflict: { answer: false },
          violation: { answer: true, details: `The weighbridge tickets are altered ${CERT_MARKER}` },
        },
        typedName: "Ines Marchetti",
      },
    });
    expect(signed.statusCode, signed.body).toBe(200);
    const [report] = (
      (await app.server.inject({ method: "GET", url: "/api/speakup/my-reports", headers })).json() as {
        items: { id: string }[];
      }
    ).items;
    const filedEvent = await t.database.db
      .selectFrom("audit_events")
      .select(["actor_id", "actor_label", "payload"])
      .where("subject_id", "=", report!.id)
      .where("action", "=", "speakup.report.file")
      .executeTakeFirstOrThrow();
    expect(filedEvent.actor_id).toBeNull();
    expect(`${filedEvent.actor_label} ${filedEvent.payload}`).not.toMatch(/Ines|Marchetti|ines\.marchetti/);
    const stored = await everythingStored(t);
    expect(stored.includes(CERT_MARKER), "database contains the certificate's explanation").toBe(false);
    expect(logs.join("").includes(CERT_MARKER), "logs contain the certificate's explanation").toBe(false);
  });

  it("serves the portal with no-store and no-referrer, and works as plain HTML forms without JavaScript", async () => {
    const form = await app.server.inject({ url: "/speakup/report" });
    expect(form.statusCode).toBe(200);
    expect(form.headers["cache-control"]).toBe("no-store");
    expect(form.headers["referrer-policy"]).toBe("no-referrer");
    expect(form.body).toContain('enctype="multipart/form-data"');
    expect(form.body).not.toContain("<script");
    const idem = /name="idempotencyKey" value="([^"]+)"/.exec(form.body)![1]!;

    const fd = new FormData();
    fd.set("idempotencyKey", idem);
    fd.set("category", "health_safety");
    fd.set("summary", "Blocked fire exit");
    fd.set("details", "The east exit of the cast house is chained.");
    fd.set("identityMode", "anonymous");
    fd.set("password", "portal-password");
    fd.set("files", new Blob([new Uint8Array(jpegWithGps())], { type: "image/jpeg" }), "exit.jpg");
    const body = await multipart(fd);
    const posted = await app.server.inject({
      method: "POST",
      url: "/speakup/report",
      headers: body.headers,
      payload: body.payload,
    });
    expect(posted.statusCode, posted.body.slice(0, 500)).toBe(201);
    const receipt = /class="receipt"[^>]*>([\d ]+)</.exec(posted.body)![1]!;
    expect(receipt).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);

    // A retry of the same form (same hidden key) shows the same receipt and files nothing new.
    const again = await app.server.inject({
      method: "POST",
      url: "/speakup/report",
      headers: body.headers,
      payload: body.payload,
    });
    expect(/class="receipt"[^>]*>([\d ]+)</.exec(again.body)![1]).toBe(receipt);

    const bad = await multipart(Object.assign(new FormData(), {}));
    const invalid = await app.server.inject({
      method: "POST",
      url: "/speakup/report",
      headers: bad.headers,
      payload: bad.payload,
    });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.body).toContain("Please check the highlighted fields");
    expect(invalid.body).toContain('id="category-error"');

    const wrong = await app.server.inject({
      method: "POST",
      url: "/speakup/mailbox",
      ...formBody({ receipt: "1234", password: "x" }),
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain("The receipt or the password is wrong.");
    const login = await app.server.inject({
      method: "POST",
      url: "/speakup/mailbox",
      ...formBody({ receipt, password: "portal-password" }),
    });
    expect(login.statusCode).toBe(303);
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    expect(login.cookies[0]).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/speakup" });
    const mailbox = await app.server.inject({ url: "/speakup/mailbox", headers: { cookie } });
    expect(mailbox.body).toContain("Blocked fire exit");
    expect(mailbox.body).toContain("exit.jpg");
    const csrf = /name="csrf" value="([^"]+)"/.exec(mailbox.body)![1]!;
    const replyForm = new FormData();
    replyForm.set("csrf", csrf);
    replyForm.set("body", "It is still chained today.");
    const r = await multipart(replyForm);
    const replied = await app.server.inject({
      method: "POST",
      url: "/speakup/mailbox/reply",
      headers: { ...r.headers, cookie },
      payload: r.payload,
    });
    expect(replied.statusCode).toBe(303);
    expect((await app.server.inject({ url: "/speakup/mailbox", headers: { cookie } })).body).toContain(
      "It is still chained today.",
    );
    // A forged reply without the form's token is refused.
    const forgedForm = new FormData();
    forgedForm.set("csrf", "forged");
    forgedForm.set("body", "Forged");
    const f = await multipart(forgedForm);
    expect(
      (
        await app.server.inject({
          method: "POST",
          url: "/speakup/mailbox/reply",
          headers: { ...f.headers, cookie },
          payload: f.payload,
        })
      ).statusCode,
    ).toBe(401);
  });

  it("COC-22.2: past ten wrong tries on one receipt the API answers 429 with a proof-of-work challenge", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await app.server.inject({
        method: "POST",
        url: "/api/speakup/mailbox/login",
        payload: { receipt: "1000 0000 0000 0042", password: `guess ${i}` },
      });
      statuses.push(res.statusCode);
      if (i === 10) expect(res.json()).toMatchObject({ code: "RATE_LIMITED", challenge: expect.any(String) });
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
  });
});

/** Every byte the database holds: the SQLite file and its WAL, or every row of every PostgreSQL table. */
async function everythingStored(t: TestDb): Promise<string> {
  if (t.database.dialect === "sqlite") {
    return ["", "-wal"]
      .map((suffix) => `${t.location}${suffix}`)
      .filter((f) => fs.existsSync(f))
      .map((f) => fs.readFileSync(f).toString("latin1"))
      .join("\n");
  }
  const tables = await sql<{
    table_name: string;
  }>`select table_name from information_schema.tables where table_schema = 'public'`.execute(t.database.db);
  const parts: string[] = [];
  for (const { table_name } of tables.rows) {
    const rows = await sql<{
      row: unknown;
    }>`select row_to_json(x)::text as row from ${sql.table(table_name)} x`.execute(t.database.db);
    parts.push(...rows.rows.map((r) => String(r.row)));
  }
  return parts.join("\n");
}

/**
 * COC-22.2, SOC-4: however a report names someone (full name in the involved list or only in the
 * text, by title, surname, initial, with diacritics or letters of another script), they learn
 * nothing of it through any view, count, task, e-mail or audit record, and it goes to the Audit
 * Committee. Each row files one report over HTTP, as the public does.
 */
describe(`COC-22.2, SOC-4: people named in any way are kept away (${process.env.PROBITY_TEST_DIALECT ?? "sqlite"})`, () => {
  let t: TestApp;
  type Who = { userId: string; personId: string | null; email: string; client: Client };
  let gc: Who;
  let cfo: Who;
  let chair: Who;
  let officer: Who;

  async function person(
    roles: RoleName[],
    p: { firstName: string; lastName: string; title: string; department?: string; categories?: string[] },
  ): Promise<Who> {
    const created = await buildPerson(t.ctx(), {
      firstName: p.firstName,
      lastName: p.lastName,
      title: p.title,
      department: p.department ?? null,
      kind: "officer",
      categories: (p.categories ?? []) as never,
    });
    const user = await buildUser(t.ctx(), roles, { personId: created.id });
    return { userId: user.id, personId: created.id, email: user.email, client: await login(user) };
  }

  const login = (user: { email: string; password: string }) => loginAs(t, user);

  beforeAll(async () => {
    t = await createTestApp({ totp: "off" });
    // The General Counsel handles Compliance Office cases and reads the audit log.
    gc = await person(["general_counsel"], {
      firstName: "Christopher",
      lastName: "Clegg",
      title: "General Counsel",
      department: "Legal",
    });
    // The CFO sits on the Audit Committee and reads the audit log.
    cfo = await person(["audit_committee_member", "auditor"], {
      firstName: "Renée",
      lastName: "Dubois",
      title: "Chief Financial Officer",
      department: "Finance",
      categories: ["senior_officer"],
    });
    chair = await person(["audit_committee_chair", "auditor"], {
      firstName: "Margaret",
      lastName: "Hale",
      title: "Audit Committee Chair",
    });
    officer = await person(["compliance_officer"], {
      firstName: "Nadia",
      lastName: "Sorensen",
      title: "Chief Compliance Officer",
    });
  });
  afterAll(() => t.destroy());

  const file = async (p: { details?: string; involved?: string[]; summary?: string }) => {
    const res = await t.server.inject({
      method: "POST",
      url: "/api/speakup/reports",
      payload: {
        category: "fraud_theft",
        summary: p.summary ?? "Invoices approved without purchase orders",
        details: p.details ?? "Several supplier invoices were paid twice last quarter.",
        involved: (p.involved ?? []).map((name) => ({ name })),
        identityMode: "anonymous",
        password: "a reporter password",
        idempotencyKey: randomUUID(),
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { caseId: string; number: string; receipt: string };
  };

  const variants: [string, "gc" | "cfo", { details?: string; involved?: string[] }][] = [
    ["exact name in the involved list", "gc", { involved: ["Christopher Clegg"] }],
    ["full name only in the details", "gc", { details: "Christopher Clegg approved the double payments." }],
    [
      "title only: the General Counsel",
      "gc",
      { details: "The General Counsel approved the double payments." },
    ],
    ["surname only", "gc", { details: "I saw that Clegg signed off every one of them." }],
    ["initial and surname with department", "gc", { involved: ["C. Clegg (Legal)"] }],
    ["Cyrillic look-alike letter (Clеgg)", "gc", { involved: ["Christopher Cl\u0435gg"] }],
    ["diacritics (Chrîstopher Clégg)", "gc", { details: "Chrîstopher Clégg's team approved them." }],
    ["Cyrillic script (Кристофер Клегг)", "gc", { details: "Кристофер Клегг одобрил платежи." }],
    ["Greek script (Κλεγγ)", "gc", { details: "Ο Κλεγγ ενέκρινε τις πληρωμές." }],
    ["name without its diacritics (Renee Dubois)", "cfo", { involved: ["Renee Dubois"] }],
    ["title only: our CFO", "cfo", { details: "Our CFO told accounts payable to pay them anyway." }],
    ["title only: Chief Financial Officer", "cfo", { details: "The chief financial officer knew." }],
    ["surname only in the involved list", "cfo", { involved: ["dubois"] }],
    ["initial and surname with department", "cfo", { involved: ["R. Dubois (Finance)"] }],
    ["Cyrillic look-alike letters (Rеnée Duboіs)", "cfo", { details: "R\u0435née Dubo\u0456s approved it." }],
    ["Greek look-alike letter (Dubοis)", "cfo", { details: "Renée Dub\u03bfis approved it." }],
    ["Cyrillic script (Рене Дубоис)", "cfo", { details: "Рене Дубоис знала об этом." }],
  ];

  it.each(variants)(
    "COC-22.2, SOC-4: a report naming the %s (%s) is routed to the Audit Committee and hidden from them everywhere",
    async (_label, whoKey, p) => {
      const who = whoKey === "gc" ? gc : cfo;
      const before = (await who.client.get("/api/speakup/cases?pageSize=200")).json() as { total: number };
      const auditBefore = (await who.client.get("/api/audit?pageSize=1")).json() as { total: number };
      const filed = await file(p);

      // The Audit Committee has it; its chair (not named) sees it and its audit events.
      const seen = await chair.client.get(`/api/speakup/cases/${filed.caseId}`);
      expect(seen.statusCode, seen.body).toBe(200);
      expect(seen.json()).toMatchObject({ team: "audit_committee" });
      const chairAudit = (await chair.client.get(`/api/audit?subjectId=${filed.caseId}`)).json() as {
        total: number;
      };
      expect(chairAudit.total).toBeGreaterThan(0);
      const assignees = (await chair.client.get(`/api/speakup/cases/${filed.caseId}/assignees`)).json() as {
        items: { userId: string }[];
      };
      expect(assignees.items.map((a) => a.userId)).not.toContain(who.userId);

      // The named person: no view, no list entry, no change in any count.
      expect((await who.client.get(`/api/speakup/cases/${filed.caseId}`)).statusCode).toBe(404);
      const list = (await who.client.get("/api/speakup/cases?pageSize=200")).json() as {
        total: number;
        items: { id: string }[];
      };
      expect(list.items.map((i) => i.id)).not.toContain(filed.caseId);
      expect(list.total).toBe(before.total);
      // No task and no e-mail.
      const tasks = (await who.client.get("/api/tasks")).json() as { items?: unknown[] } | unknown[];
      expect(JSON.stringify(tasks)).not.toContain(filed.caseId);
      expect(JSON.stringify(tasks)).not.toContain(filed.number);
      const mail = await mailsTo(t.database, who.email);
      expect(JSON.stringify(mail)).not.toContain(filed.number);
      // No audit event, no change in the audit count, nothing in the CSV export or the verification.
      const audit = (await who.client.get(`/api/audit?subjectId=${filed.caseId}`)).json() as {
        total: number;
      };
      expect(audit.total).toBe(0);
      const search = (await who.client.get(`/api/audit?q=${filed.number}`)).json() as { total: number };
      expect(search.total).toBe(0);
      const auditAfter = (await who.client.get("/api/audit?pageSize=1")).json() as { total: number };
      expect(auditAfter.total).toBe(auditBefore.total);
      const csv = await who.client.get("/api/audit.csv");
      expect(csv.statusCode).toBe(200);
      expect(csv.body).not.toContain(filed.caseId);
      expect(csv.body).not.toContain(filed.number);
      const verified = (await who.client.send("POST", "/api/audit/verify")).json() as { verified: number };
      expect(verified.verified).toBe(auditAfter.total);
    },
  );

  it("COC-22.2: a probable match stays away until a handler without conflict clears it (case.clear-exclusion, audited)", async () => {
    const filed = await file({ details: "Clegg knew about it." });
    const view = (await chair.client.get(`/api/speakup/cases/${filed.caseId}`)).json() as {
      routingReason: string;
      people: { personId: string | null; role: string; how?: string }[];
    };
    expect(view.people).toContainEqual(
      expect.objectContaining({ personId: gc.personId, role: "probable", how: "surname only" }),
    );
    // The probable match cannot clear themselves: for them the case does not exist.
    const self = await gc.client.send("POST", `/api/speakup/cases/${filed.caseId}/clear-exclusion`, {
      personId: gc.personId,
    });
    expect(self.statusCode).toBe(404);
    const cleared = await chair.client.send("POST", `/api/speakup/cases/${filed.caseId}/clear-exclusion`, {
      personId: gc.personId,
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    const after = (await chair.client.get(`/api/speakup/cases/${filed.caseId}`)).json() as {
      people: { personId: string | null; role: string }[];
    };
    expect(after.people.filter((x) => x.role === "probable")).toEqual([]);
    const events = (
      await chair.client.get(`/api/audit?subjectId=${filed.caseId}&action=case.clear-exclusion`)
    ).json() as { total: number };
    expect(events.total).toBe(1);
    // Clearing twice says there is nothing to clear; an empty body says what is missing.
    expect(
      (
        await chair.client.send("POST", `/api/speakup/cases/${filed.caseId}/clear-exclusion`, {
          personId: gc.personId,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await chair.client.send("POST", `/api/speakup/cases/${filed.caseId}/clear-exclusion`, {})).statusCode,
    ).toBe(400);
  });

  it("COC-22.2: a handler adds an excluded person at any time: the case and its open tasks leave them at once", async () => {
    const filed = await file({ summary: "Scrap sold for cash", details: "At the Lewisport yard." });
    // An ordinary case: the Compliance Office, where the General Counsel has the acknowledgement task.
    const tasksOf = async (w: Who) => JSON.stringify((await w.client.get("/api/tasks")).json());
    expect(await tasksOf(gc)).toContain(filed.caseId);
    expect((await gc.client.get(`/api/speakup/cases/${filed.caseId}`)).statusCode).toBe(200);
    const added = await officer.client.send("POST", `/api/speakup/cases/${filed.caseId}/people`, {
      personId: gc.personId,
      role: "conflicted",
    });
    expect(added.statusCode, added.body).toBe(200);
    expect((await gc.client.get(`/api/speakup/cases/${filed.caseId}`)).statusCode).toBe(404);
    expect(await tasksOf(gc)).not.toContain(filed.caseId);
    expect(await tasksOf(officer)).toContain(filed.caseId);
  });

  it("COC-22.2, SOC-4: the report form says who will and will not see the report", async () => {
    const form = await t.server.inject({ url: "/speakup/report" });
    expect(form.statusCode).toBe(200);
    expect(form.body).toMatch(/Who will see your report \(COC-22\.2, SOC-4\)/);
    expect(form.body).toContain("is kept away from it before anyone reads it");
  });
});

/** Issue 12, findings 1, 12 and 14 over HTTP (fastify inject), on both databases. */
describe(`speak-up mailboxes over HTTP (${process.env.PROBITY_TEST_DIALECT ?? "sqlite"})`, () => {
  let t: TestApp;
  let cco: Client;
  let operator: Client;

  beforeAll(async () => {
    t = await createTestApp({ totp: "off" });
    cco = await signedIn(t, ["compliance_officer"]);
    operator = await signedIn(t, ["hotline_operator"]);
  });
  afterAll(() => t.destroy());

  const fileWeb = async (summary: string, attachments: unknown[] = []) => {
    const res = await t.server.inject({
      method: "POST",
      url: "/api/speakup/reports",
      payload: {
        category: "fraud_theft",
        summary,
        password: "reporter-password",
        idempotencyKey: randomUUID(),
        attachments,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { caseId: string; number: string; receipt: string };
  };
  const login = async (receipt: string, password = "reporter-password") => {
    const res = await t.server.inject({
      method: "POST",
      url: "/api/speakup/mailbox/login",
      payload: { receipt, password },
    });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { token: string }).token;
  };
  const mailbox = (token: string) =>
    t.server.inject({ url: "/api/speakup/mailbox", headers: { "x-mailbox-token": token } });

  it("COC-22.2: merging A into B does not let A's reporter read B's summary, messages or files; a message to A reaches A only", async () => {
    const a = await fileWeb("Decoy by the implicated person");
    const b = await fileWeb("The real report", [
      { filename: "ledger.txt", contentType: "text/plain", base64: Buffer.from("ledger").toString("base64") },
    ]);
    const tokenB = await login(b.receipt);
    const replied = await t.server.inject({
      method: "POST",
      url: "/api/speakup/mailbox/messages",
      headers: { "x-mailbox-token": tokenB },
      payload: {
        body: "Follow-up only the real reporter knows",
        attachments: [
          {
            filename: "proof.txt",
            contentType: "text/plain",
            base64: Buffer.from("proof").toString("base64"),
          },
        ],
      },
    });
    expect(replied.statusCode, replied.body).toBe(201);
    expect(
      (await cco.send("POST", `/api/speakup/cases/${a.caseId}/merge`, { intoId: b.caseId })).statusCode,
    ).toBe(200);

    const tokenA = await login(a.receipt);
    const viewA = await mailbox(tokenA);
    expect(viewA.statusCode).toBe(200);
    expect(viewA.json()).toMatchObject({ number: a.number, summary: "Decoy by the implicated person" });
    for (const secret of [
      "The real report",
      "Follow-up only the real reporter knows",
      "ledger.txt",
      "proof.txt",
    ])
      expect(viewA.body).not.toContain(secret);
    const handlerView = (await cco.get(`/api/speakup/cases/${b.caseId}`)).json() as {
      attachments: { id: string; caseId: string }[];
    };
    const bFiles = handlerView.attachments.filter((f) => f.caseId === b.caseId);
    expect(bFiles).toHaveLength(2);
    for (const f of bFiles) {
      const guessed = await t.server.inject({
        url: `/api/speakup/mailbox/attachments/${f.id}`,
        headers: { "x-mailbox-token": tokenA },
      });
      expect(guessed.statusCode).toBe(404);
    }

    const sent = await cco.send("POST", `/api/speakup/cases/${b.caseId}/messages`, {
      body: "A question for the first reporter",
      toCaseId: a.caseId,
    });
    expect(sent.statusCode, sent.body).toBe(200);
    expect((await mailbox(tokenA)).body).toContain("A question for the first reporter");
    expect((await mailbox(tokenB)).body).not.toContain("A question for the first reporter");
  });

  it("art. 9(1)(f): closing without closing feedback to the reporter answers 409 and says why", async () => {
    const filed = await fileWeb("Closing needs feedback");
    await cco.send("POST", `/api/speakup/cases/${filed.caseId}/acknowledge`, {});
    await cco.send("POST", `/api/speakup/cases/${filed.caseId}/transition`, { to: "triage" });
    const refused = await cco.send("POST", `/api/speakup/cases/${filed.caseId}/transition`, {
      to: "closed",
      note: "No case",
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain("art. 9(1)(f)");
    const closed = await cco.send("POST", `/api/speakup/cases/${filed.caseId}/transition`, {
      to: "closed",
      note: "No case",
      closingMessage: "We checked and found nothing to act on.",
    });
    expect(closed.statusCode, closed.body).toBe(200);
  });

  it("COC-22.2: a caller sets their own password with the receipt and the operator's one-time code, on plain HTML forms", async () => {
    const withPassword = await operator.send("POST", "/api/speakup/intake", {
      channel: "phone_domestic",
      category: "health_safety",
      summary: "Caller: blocked exit",
      password: "operator-knows-this",
      idempotencyKey: randomUUID(),
    });
    expect(withPassword.statusCode).toBe(400);
    expect(withPassword.body).toContain("one-time code");
    const filedRes = await operator.send("POST", "/api/speakup/intake", {
      channel: "phone_domestic",
      category: "health_safety",
      summary: "Caller: blocked exit",
      idempotencyKey: randomUUID(),
    });
    expect(filedRes.statusCode, filedRes.body).toBe(201);
    const filed = filedRes.json() as { receipt: string; setupCode: string };
    expect(filed.setupCode).toMatch(/^\d{4} \d{4}$/);

    const form = await t.server.inject({ url: "/speakup/mailbox/setup" });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('action="/speakup/mailbox/setup"');
    expect(form.body).not.toContain("<script");
    expect((await t.server.inject({ url: "/speakup/mailbox" })).body).toContain(
      'href="/speakup/mailbox/setup"',
    );
    const post = (fields: Record<string, string>) =>
      t.server.inject({ method: "POST", url: "/speakup/mailbox/setup", ...formBody(fields) });
    const fields = {
      receipt: filed.receipt,
      code: filed.setupCode,
      password: "my-own-secret",
      repeat: "my-own-secret",
    };
    const malformed = await t.server.inject({
      method: "POST",
      url: "/speakup/mailbox/setup",
      payload: '--x\r\nContent-Disposition: form-data; name="receipt"\r\n\r\n1',
      headers: { "content-type": "multipart/form-data; boundary=x" },
    });
    expect(malformed.statusCode).toBeLessThan(500);
    const wrong = await post({ ...fields, code: "9999 9999" });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain("one-time code is wrong");
    expect((await post({ ...fields, repeat: "something-else" })).statusCode).toBe(422);
    const done = await post(fields);
    expect(done.statusCode, done.body).toBe(303);
    const cookie = done.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    expect((await t.server.inject({ url: "/speakup/mailbox", headers: { cookie } })).body).toContain(
      "Caller: blocked exit",
    );
    // The code is spent: neither the form nor the API accepts it again.
    expect(
      (await post({ ...fields, password: "operator-takeover", repeat: "operator-takeover" })).statusCode,
    ).toBe(401);
    const api = await t.server.inject({
      method: "POST",
      url: "/api/speakup/mailbox/setup",
      payload: { receipt: filed.receipt, code: filed.setupCode, password: "operator-takeover" },
    });
    expect(api.statusCode).toBe(401);
    expect(await login(filed.receipt, "my-own-secret")).toBeTruthy();
  });
});

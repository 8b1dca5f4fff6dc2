import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { Writable } from "node:stream";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProbity, type Probity } from "../src/app.ts";
import { DEFAULT_QUESTIONS, defaultStatements } from "../src/domains/certifications/default-template.ts";
import { createTemplate, launchCampaign } from "../src/domains/certifications/index.ts";
import { updateSecuritySettings } from "../src/domains/people/index.ts";
import { seedDemoPolicies } from "../src/domains/policies/demo.ts";
import { loadConfig } from "../src/kernel/config.ts";
import { createTestDb, type TestDb } from "./db.ts";
import { actorWith, buildPerson, buildUser } from "./factories.ts";
import { jpegWithGps } from "./files.ts";

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
    const template = await createTemplate(t.ctx(admin), {
      name: "Code certificate",
      policyId: ids.codeId,
      audience: ["everyone"],
      statements: defaultStatements("Code of Business Conduct and Ethics"),
      questions: DEFAULT_QUESTIONS,
      joinerDays: 30,
    });
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
      payload: "receipt=1234&password=x",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain("The receipt or the password is wrong.");
    const login = await app.server.inject({
      method: "POST",
      url: "/speakup/mailbox",
      payload: new URLSearchParams({ receipt, password: "portal-password" }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
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

async function multipart(fd: FormData) {
  const request = new Request("http://localhost/", { method: "POST", body: fd });
  return {
    headers: { "content-type": request.headers.get("content-type")! },
    payload: Buffer.from(await request.arrayBuffer()),
  };
}

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

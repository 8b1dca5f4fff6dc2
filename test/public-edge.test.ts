import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { solveChallenge } from "../src/kernel/rate-counters.ts";
import { createTestApp, formBody, multipart, signedIn, type TestApp } from "./app.ts";
import { buildUser } from "./factories.ts";
import { jpegWithGps, pngWithText, windowsExecutable } from "./files.ts";
import { privateRequest } from "./private-request.ts";

/** The public edge of the application: the anonymous portal, sign-in, router errors and logs (issue 12). */

const reportForm = (files: { name: string; bytes: Uint8Array }[] = []) => {
  const fd = new FormData();
  fd.set("idempotencyKey", randomUUID());
  fd.set("category", "health_safety");
  fd.set("summary", "Blocked fire exit");
  fd.set("details", "The east exit of the cast house is chained.");
  fd.set("identityMode", "anonymous");
  fd.set("password", "portal-password");
  for (const f of files) fd.append("files", new Blob([new Uint8Array(f.bytes)]), f.name);
  return multipart(fd);
};

describe(`the public edge (${process.env.PROBITY_TEST_DIALECT ?? "sqlite"})`, () => {
  let t: TestApp;
  const logs: string[] = [];
  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _enc, done) {
        logs.push(String(chunk));
        done();
      },
    });
    t = await createTestApp({
      env: { UPLOAD_BUDGET_MB_PER_HOUR: "1" },
      log: { level: "trace", stream },
      totp: "off",
    });
  });
  afterAll(() => t.destroy());

  it("COC-22.2: filing from a browser with a staff cookie leaves the session untouched, and no row written by the filing carries a time finer than the hour", async () => {
    // Fixed names, here and for the staff member: a random surname such as "Block" is a probable
    // match for the report's "Blocked", which sends the case to the Audit Committee, and this test
    // has none (no task).
    await buildUser(t.ctx(), ["compliance_officer"], { displayName: "Quentin Zyx" });
    t.clock.set("2026-03-02T14:37:12.345Z");
    const staff = await signedIn(t, [], { displayName: "Ugo Vux" });
    t.clock.advance(5 * 60_000 + 678);
    const db = t.database.db;
    const sessionsBefore = await db
      .selectFrom("sessions" as never)
      .selectAll()
      .execute();
    const seqBefore = Number((await db.selectFrom("audit_head").select("seq").executeTakeFirstOrThrow()).seq);
    const ids = async (table: "tasks" | "outbox" | "jobs") =>
      new Set((await db.selectFrom(table).select("id").execute()).map((r) => r.id));
    const before = { tasks: await ids("tasks"), outbox: await ids("outbox"), jobs: await ids("jobs") };

    const form = await reportForm([{ name: "exit.txt", bytes: Buffer.from("a note") }]);
    const res = await t.server.inject({
      method: "POST",
      url: "/speakup/report",
      headers: { ...form.headers, cookie: staff.cookie, "sec-fetch-site": "same-origin" },
      payload: form.payload,
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(201);

    expect(
      await db
        .selectFrom("sessions" as never)
        .selectAll()
        .execute(),
    ).toEqual(sessionsBefore);
    const times: string[] = [];
    const kase = await db
      .selectFrom("speakup_cases" as never)
      .select(["received_at", "updated_at"] as never[])
      .execute();
    for (const c of kase as { received_at: string; updated_at: string }[])
      times.push(c.received_at, c.updated_at);
    const files = await db
      .selectFrom("speakup_attachments" as never)
      .select("created_at" as never)
      .execute();
    times.push(...(files as { created_at: string }[]).map((f) => f.created_at));
    const events = await db
      .selectFrom("audit_events")
      .select("occurred_at")
      .where("seq", ">", seqBefore)
      .execute();
    expect(events.length).toBeGreaterThan(0);
    times.push(...events.map((e) => e.occurred_at));
    const tasks = (await db.selectFrom("tasks").select(["id", "created_at"]).execute()).filter(
      (r) => !before.tasks.has(r.id),
    );
    expect(tasks.length).toBeGreaterThan(0);
    times.push(...tasks.map((r) => r.created_at));
    const mails = (await db.selectFrom("outbox").select(["id", "created_at"]).execute()).filter(
      (r) => !before.outbox.has(r.id),
    );
    expect(mails.length).toBeGreaterThan(0);
    times.push(...mails.map((r) => r.created_at));
    const jobs = (
      await db.selectFrom("jobs").select(["id", "created_at", "updated_at", "run_at"]).execute()
    ).filter((r) => !before.jobs.has(r.id));
    times.push(...jobs.flatMap((j) => [j.created_at, j.updated_at, j.run_at]));
    expect(times.length).toBeGreaterThan(6);
    for (const time of times) expect(time).toMatch(/T\d\d:00:00\.000Z$/);
    // The mail to the handlers waits for the next hour, so its sending time does not tell either.
    for (const j of jobs) expect(j.run_at).toBe("2026-03-02T15:00:00.000Z");
  });

  it("COC-22.2: at LOG_LEVEL=trace a public request logs no address, user agent, cookie, query string or body", async () => {
    logs.length = 0;
    const secret = { query: privateRequest.query, body: privateRequest.body, ip: "198.51.100.23" };
    const headers = { ...privateRequest.headers, referer: "https://REFMARKER.example/" };
    await t.server.inject({
      method: "POST",
      url: `/speakup/mailbox?token=${secret.query}`,
      headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
      payload: `receipt=${secret.body}&password=${secret.body}`,
      remoteAddress: secret.ip,
    });
    await t.server.inject({
      method: "GET",
      url: `/speakup/mailbox?q=${secret.query}`,
      headers,
      remoteAddress: secret.ip,
    });
    await t.server.inject({
      method: "POST",
      url: `/api/auth/login?x=${secret.query}`,
      headers: { ...headers, "content-type": "application/json" },
      payload: `{"email":"${secret.body}", "password": "${secret.body}`,
      remoteAddress: secret.ip,
    });
    const all = logs.join("");
    expect(all).toContain("/speakup/mailbox");
    for (const marker of [...privateRequest.markers, "REFMARKER", secret.ip, "remoteAddress", "user-agent"]) {
      expect(all, marker).not.toContain(marker);
    }
  });

  it("refuses cross-site POSTs to sign-in and the public forms with 403 problem+json; same-origin and header-less clients pass", async () => {
    const user = await buildUser(t.ctx(), []);
    const login = (headers: Record<string, string>) =>
      t.server.inject({
        method: "POST",
        url: "/api/auth/login",
        headers,
        payload: { email: user.email, password: user.password },
      });
    for (const headers of [
      { "sec-fetch-site": "cross-site" } as Record<string, string>,
      { "sec-fetch-site": "same-site" },
      { origin: "https://evil.example" },
      { origin: "null" },
    ]) {
      const res = await login(headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json()).toMatchObject({ code: "CROSS_SITE" });
    }
    expect((await login({ "sec-fetch-site": "same-origin" })).statusCode).toBe(200);
    expect((await login({ origin: "http://localhost:3000" })).statusCode).toBe(200);
    expect((await login({})).statusCode).toBe(200);

    for (const url of ["/speakup/mailbox", "/speakup/report", "/api/speakup/mailbox/login"]) {
      const res = await t.server.inject({
        method: "POST",
        url,
        headers: { "sec-fetch-site": "cross-site", "content-type": "application/x-www-form-urlencoded" },
        payload: "receipt=1&password=2",
      });
      expect(res.statusCode, url).toBe(403);
    }
  });

  it("answers a malformed multipart body to the mailbox login with 400, not 500", async () => {
    for (const payload of [
      '--xyz\r\nContent-Disposition: form-data; name="receipt"\r\n\r\n123',
      "garbage without any boundary",
      "--xyz\r\nContent-Disposition: form-data\r\n\r\n--xyz--",
    ]) {
      const res = await t.server.inject({
        method: "POST",
        url: "/speakup/mailbox",
        headers: { "content-type": "multipart/form-data; boundary=xyz" },
        payload,
      });
      expect(res.statusCode, payload).toBeLessThan(500);
    }
    const broken = await t.server.inject({
      method: "POST",
      url: "/speakup/mailbox",
      headers: { "content-type": "multipart/form-data; boundary=xyz" },
      payload: '--xyz\r\nContent-Disposition: form-data; name="receipt"\r\n\r\n123',
    });
    expect(broken.statusCode).toBe(400);
  });

  it("answers a bad %-escape and an over-long parameter with problem+json that does not echo the URL", async () => {
    const bad = await t.server.inject({ url: "/api/speakup/cases/%E0%A4%A" });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers["content-type"]).toContain("application/problem+json");
    expect(bad.json()).toMatchObject({ code: "BAD_URL" });
    expect(bad.body).not.toContain("%E0");
    const long = `LONGMARKER${"x".repeat(300)}`;
    const tooLong = await t.server.inject({ url: `/api/speakup/cases/${long}` });
    expect(tooLong.statusCode).toBeGreaterThanOrEqual(400);
    expect(tooLong.statusCode).toBeLessThan(500);
    expect(tooLong.headers["content-type"]).toContain("application/problem+json");
    expect(tooLong.body).not.toContain("LONGMARKER");
    const missing = await t.server.inject({ url: "/api/no-such-thing/NOTFOUNDMARKER" });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).not.toContain("NOTFOUNDMARKER");
  });

  it("refuses an executable named .pdf on the portal, strips a photo's GPS, and previews images to handlers sandboxed", async () => {
    const evil = await reportForm([{ name: "evil.pdf", bytes: windowsExecutable() }]);
    const refused = await t.server.inject({ method: "POST", url: "/speakup/report", ...evil });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("is not a real .pdf file");

    const co = await signedIn(t, ["compliance_officer"]);
    const filed = await t.server.inject({
      method: "POST",
      url: "/api/speakup/reports",
      payload: {
        category: "health_safety",
        summary: "Photo of the exit",
        details: "See the photo.",
        identityMode: "anonymous",
        password: "portal-password",
        idempotencyKey: randomUUID(),
        attachments: [
          { filename: "exit.jpg", contentType: "text/html", base64: jpegWithGps().toString("base64") },
          { filename: "scan.png", contentType: "image/png", base64: pngWithText().toString("base64") },
        ],
      },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const caseId = (filed.json() as { caseId: string }).caseId;
    const kase = (await co.get(`/api/speakup/cases/${caseId}`)).json() as {
      attachments: { id: string; filename: string }[];
    };
    const jpg = kase.attachments.find((a) => a.filename === "exit.jpg")!;
    const preview = await co.get(`/api/speakup/cases/${caseId}/attachments/${jpg.id}?preview=1`);
    expect(preview.statusCode).toBe(200);
    expect(preview.headers["content-type"]).toBe("image/jpeg");
    expect(preview.headers["content-disposition"]).toMatch(/^inline/);
    expect(preview.headers["content-security-policy"]).toContain("sandbox");
    expect(preview.headers["x-content-type-options"]).toBe("nosniff");
    expect(preview.rawPayload.toString("latin1")).not.toContain("Exif");
    expect(preview.rawPayload.toString("latin1")).not.toContain("OWNER-Jane-Reporter");
    const download = await co.get(`/api/speakup/cases/${caseId}/attachments/${jpg.id}`);
    expect(download.headers["content-type"]).toBe("application/octet-stream");
    expect(download.headers["content-disposition"]).toMatch(/^attachment/);
    expect(download.rawPayload.toString("latin1")).not.toContain("OWNER-Jane-Reporter");
  });

  it("refuses anonymous files past the hourly upload budget with a message saying to send without files", async () => {
    t.clock.set("2026-03-02T18:05:00.000Z");
    const big = Buffer.alloc(700 * 1024, "a");
    const first = await reportForm([{ name: "a.txt", bytes: big }]);
    expect((await t.server.inject({ method: "POST", url: "/speakup/report", ...first })).statusCode).toBe(
      201,
    );
    const second = await reportForm([{ name: "b.txt", bytes: big }]);
    const refused = await t.server.inject({ method: "POST", url: "/speakup/report", ...second });
    expect(refused.statusCode).toBe(429);
    expect(refused.body).toContain("send your report without files or try later");
    const without = await reportForm([]);
    expect((await t.server.inject({ method: "POST", url: "/speakup/report", ...without })).statusCode).toBe(
      201,
    );
  });

  it("COC-22.2: the portal's mailbox form, past a receipt's budget, carries a puzzle; solved, the right password opens the mailbox", async () => {
    const form = await reportForm([]);
    const filed = await t.server.inject({ method: "POST", url: "/speakup/report", ...form });
    const receipt = /class="receipt"[^>]*>([\d ]+)</.exec(filed.body)![1]!;
    const post = (fields: Record<string, string>) =>
      t.server.inject({ method: "POST", url: "/speakup/mailbox", ...formBody(fields) });
    const wrong = await Promise.all(
      Array.from({ length: 30 }, (_, i) => post({ receipt, password: `guess ${i}` })),
    );
    expect(wrong.filter((r) => r.statusCode === 401)).toHaveLength(10);
    expect(wrong.filter((r) => r.statusCode === 429)).toHaveLength(20);
    const refused = await post({ receipt, password: "portal-password" });
    expect(refused.statusCode).toBe(429);
    expect(refused.body).toContain('<script src="/speakup/pow.js"');
    const challenge = /name="powChallenge" value="([^"]+)"/.exec(refused.body)![1]!;
    const opened = await post({
      receipt,
      password: "portal-password",
      powChallenge: challenge,
      powSolution: solveChallenge(challenge),
    });
    expect(opened.statusCode).toBe(303);
    const script = await t.server.inject({ url: "/speakup/pow.js" });
    expect(script.headers["content-type"]).toContain("javascript");
  });
});

describe(`behind a reverse proxy (TRUST_PROXY) (${process.env.PROBITY_TEST_DIALECT ?? "sqlite"})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { TRUST_PROXY: "127.0.0.1" } });
  });
  afterAll(() => t.destroy());

  it("limits each client behind the proxy on its own, so one cannot use up every reporter's requests", async () => {
    const post = (client: string) =>
      t.server.inject({
        method: "POST",
        url: "/speakup/report",
        headers: { "x-forwarded-for": client, "content-type": "application/x-www-form-urlencoded" },
        payload: "summary=",
      });
    const flood = [];
    for (let i = 0; i < 31; i++) flood.push((await post("203.0.113.1")).statusCode);
    expect(flood.slice(0, 30)).toEqual(Array(30).fill(422));
    expect(flood[30]).toBe(429);
    expect((await post("203.0.113.2")).statusCode).toBe(422);
  });
});

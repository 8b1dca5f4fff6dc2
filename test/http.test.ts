import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateSecuritySettings } from "../src/domains/people/index.ts";
import { createTestApp, signedIn, type TestApp } from "./app.ts";
import { buildPerson } from "./factories.ts";

describe(`HTTP API (${process.env.PROBITY_TEST_DIALECT ?? "sqlite"})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ totp: "off" });
  });
  afterAll(() => t.destroy());

  it("answers the health check with the database in use", async () => {
    const res = await t.server.inject({ url: "/api/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok", database: t.database.dialect, version: expect.any(String) });
  });

  it("publishes an OpenAPI document with every route's action as its operation id", async () => {
    const doc = (await t.server.inject({ url: "/api/openapi.json" })).json() as {
      paths: Record<string, Record<string, { operationId?: string }>>;
    };
    expect(doc.paths["/api/people"]?.get?.operationId).toBe("people.list");
    expect(doc.paths["/api/people/import"]?.post?.operationId).toBe("people.import");
    expect(doc.paths["/api/audit/verify"]?.post?.operationId).toBe("audit.verify");
    const docs = await t.server.inject({ url: "/api/docs" });
    expect([200, 302]).toContain(docs.statusCode);
  });

  it("sends security headers and no-store on the API", async () => {
    const res = await t.server.inject({ url: "/api/health" });
    expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(res.headers["referrer-policy"]).toBe("no-referrer");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["cache-control"]).toBe("no-store");
  });

  it("answers 401 problem+json without a session, and 404 problem+json for unknown API paths", async () => {
    const res = await t.server.inject({ url: "/api/people" });
    expect(res.statusCode).toBe(401);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json()).toMatchObject({
      status: 401,
      code: "UNAUTHENTICATED",
      detail: "Sign in to continue.",
    });
    const missing = await t.server.inject({ url: "/api/nothing-here" });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses cookie-authenticated writes without the CSRF token", async () => {
    const admin = await signedIn(t, ["admin"]);
    const res = await t.server.inject({
      method: "POST",
      url: "/api/people",
      headers: { cookie: admin.cookie },
      payload: { firstName: "A", lastName: "B" },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: "CSRF" });
    const ok = await admin.send("POST", "/api/people", { firstName: "A", lastName: "B" });
    expect(ok.statusCode).toBe(201);
  });

  it("turns bad input into 4xx problems that say what is wrong, never 500", async () => {
    const admin = await signedIn(t, ["admin"]);
    const malformed = await t.server.inject({
      method: "POST",
      url: "/api/people",
      headers: { cookie: admin.cookie, "x-csrf-token": admin.csrf, "content-type": "application/json" },
      payload: '{"firstName": "A",',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().detail).toMatch(/not valid JSON/);

    const wrongTypes = await admin.send("POST", "/api/people", {
      firstName: 42,
      lastName: "",
      kind: "alien",
      email: "nope",
    });
    expect(wrongTypes.statusCode).toBe(400);
    const paths = (wrongTypes.json().errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["firstName", "lastName", "kind", "email"]));

    const oversize = await admin.send("POST", "/api/people", {
      firstName: "x".repeat(6 * 1024 * 1024),
      lastName: "B",
    });
    expect(oversize.statusCode).toBe(413);
    expect(oversize.json()).toMatchObject({ code: "TOO_LARGE" });

    const badQuery = await admin.get("/api/people?pageSize=100000&status=sideways");
    expect(badQuery.statusCode).toBe(400);

    const badDate = await admin.send("POST", "/api/people", {
      firstName: "A",
      lastName: "B",
      hireDate: "2024-02-30",
    });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().detail).toMatch(/hireDate: must be a real date/);

    const brokenImport = await admin.send("POST", "/api/people/import", {
      csv: "employee_id,first_name,last_name,email\nQ1,Q,R,bad",
      dryRun: false,
    });
    expect(brokenImport.statusCode).toBe(422);
    expect(brokenImport.json()).toMatchObject({
      code: "INVALID",
      result: { errors: [{ row: 2, column: "email" }] },
    });
  });

  it("applies permissions: 403 for a missing permission, 404 for a record you may not see", async () => {
    const admin = await signedIn(t, ["admin"]);
    const someone = await buildPerson(t.ctx(), { lastName: "Hidden" });
    const me = await buildPerson(t.ctx(), { lastName: "Me" });
    const employee = await signedIn(t, [], { personId: me.id });
    expect((await employee.get("/api/people")).statusCode).toBe(403);
    expect((await employee.get(`/api/people/${someone.id}`)).statusCode).toBe(404);
    expect((await employee.get(`/api/people/${me.id}`)).statusCode).toBe(200);
    expect((await employee.get("/api/audit")).statusCode).toBe(403);
    expect((await admin.get(`/api/people/${someone.id}`)).json()).toMatchObject({
      lastName: "Hidden",
      can: { update: true, end: true },
    });
  });

  it("blocks a privileged user who has not enrolled TOTP when the requirement is on", async () => {
    await updateSecuritySettings(t.ctx(), {
      totpRequiredForPrivileged: true,
      idleTimeoutMinutes: 30,
      absoluteTimeoutHours: 12,
    });
    const cco = await signedIn(t, ["compliance_officer"]);
    const me = await cco.get("/api/auth/me");
    expect(me.json()).toMatchObject({ mustEnrolTotp: true, roles: ["compliance_officer"] });
    const blocked = await cco.get("/api/people");
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toMatchObject({ code: "TOTP_ENROLMENT_REQUIRED" });
    expect((await cco.send("POST", "/api/auth/totp/start")).statusCode).toBe(200);
    await updateSecuritySettings(t.ctx(), {
      totpRequiredForPrivileged: false,
      idleTimeoutMinutes: 30,
      absoluteTimeoutHours: 12,
    });
  });

  it("imports people end to end and records it in the audit log", async () => {
    const admin = await signedIn(t, ["admin"]);
    const csv = "employee_id,first_name,last_name,country\nW1,Wanda,Web,DE\nW2,Walt,Web,US";
    const dry = await admin.send("POST", "/api/people/import", { csv, dryRun: true });
    // The dry run says how the file was read (issue 14, finding 6): the response schema must name it.
    expect(dry.json()).toMatchObject({
      dryRun: true,
      read: { encoding: "text", delimiter: "comma" },
      summary: { created: 2 },
    });
    const applied = await admin.send("POST", "/api/people/import", { csv, dryRun: false });
    expect(applied.json()).toMatchObject({ applied: true, summary: { created: 2 } });
    const list = await admin.get("/api/people?q=web&sort=name");
    expect(list.json().items.map((p: { firstName: string }) => p.firstName)).toEqual(["Walt", "Wanda"]);
    const csvExport = await admin.get("/api/people.csv?q=web");
    expect(csvExport.headers["content-type"]).toContain("text/csv");
    expect(csvExport.body.split("\n")[1]).toContain("W2,Walt,Web");
    const audit = await admin.get("/api/audit?action=people.import");
    expect(audit.json().items[0]).toMatchObject({ action: "people.import", payload: { created: 2 } });
    expect((await admin.send("POST", "/api/audit/verify")).json()).toMatchObject({ ok: true });
  });
  // Last: it uses up this address's sign-in allowance.
  it("rate limits sign-in attempts", async () => {
    let last = 0;
    for (let i = 0; i < 21; i++) {
      last = (
        await t.server.inject({
          method: "POST",
          url: "/api/auth/login",
          payload: { email: "x@example.com", password: "guess" },
        })
      ).statusCode;
    }
    expect(last).toBe(429);
  });
});

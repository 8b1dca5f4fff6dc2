import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, signedIn, type TestApp } from "../../../test/app.ts";
import { dialect } from "../../../test/db.ts";
import { buildPerson } from "../../../test/factories.ts";
import { seedCertificationsDemo } from "./demo.ts";

/** The HTTP surface: declared access, problem documents, and a signature made over HTTP. */
describe(`certification routes (${dialect})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ totp: "off" });
  });
  afterAll(() => t.destroy());

  it("launches, signs over HTTP and refuses what the caller may not do", async () => {
    const person = await buildPerson(t.ctx(), {
      firstName: "Ada",
      lastName: "Byron",
      hireDate: "2020-01-01",
    });
    await seedCertificationsDemo(t.ctx(), () => {});
    const officer = await signedIn(t, ["compliance_officer"]);
    const employee = await signedIn(t, [], { personId: person.id });
    const templates = (await officer.get("/api/certifications/templates")).json() as {
      items: { id: string; addressedTo: string | null }[];
    };
    const code = templates.items.find((x) => !x.addressedTo)!;

    const forbidden = await employee.send("POST", "/api/certifications/campaigns", {
      name: "Nope",
      templateId: code.id,
      dueDate: "2026-12-31",
    });
    expect(forbidden.statusCode).toBe(403);
    const bad = await officer.send("POST", "/api/certifications/campaigns", {
      name: "Bad",
      templateId: code.id,
      dueDate: "31/12/2026",
    });
    expect(bad.statusCode).toBe(400);
    const launched = await officer.send("POST", "/api/certifications/campaigns", {
      name: "Annual",
      templateId: code.id,
      dueDate: "2026-12-31",
    });
    expect(launched.statusCode).toBe(201);
    expect((launched.json() as { totals: { assigned: number } }).totals.assigned).toBeGreaterThan(0);

    const mine = (await employee.get("/api/certifications/mine")).json() as { items: { id: string }[] };
    const id = mine.items[0]!.id;
    const cert = (await employee.get(`/api/certifications/certificates/${id}`)).json() as {
      textHash: string;
      statements: { id: string }[];
    };
    // A colleague may not see it (404, not 403: its existence is not revealed); the Compliance Office may.
    const colleague = await signedIn(t, []);
    expect((await colleague.get(`/api/certifications/certificates/${id}`)).statusCode).toBe(404);
    expect((await officer.get(`/api/certifications/certificates/${id}`)).statusCode).toBe(200);
    const wrongName = await employee.send("POST", `/api/certifications/certificates/${id}/sign`, {
      textHash: cert.textHash,
      affirmed: cert.statements.map((s) => s.id),
      answers: { conflict: { answer: false }, violation: { answer: false } },
      typedName: "Someone",
    });
    expect(wrongName.statusCode).toBe(422);
    expect(wrongName.json()).toMatchObject({ detail: expect.stringContaining("Ada Byron") });
    const signed = await employee.send("POST", `/api/certifications/certificates/${id}/sign`, {
      textHash: cert.textHash,
      affirmed: cert.statements.map((s) => s.id),
      answers: { conflict: { answer: false }, violation: { answer: false } },
      typedName: "Ada Byron",
    });
    expect(signed.statusCode).toBe(200);
    const pdf = await employee.get(`/api/certifications/certificates/${id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const again = await employee.send("POST", `/api/certifications/certificates/${id}/sign`, {
      textHash: cert.textHash,
      affirmed: [],
      answers: {},
      typedName: "Ada Byron",
    });
    expect(again.statusCode).toBe(409);
    expect((await employee.get("/api/certifications/audit-committee")).statusCode).toBe(403);
    const search = (await employee.get("/api/policies/search?q=hotline")).json() as { items: unknown[] };
    expect(search.items.length).toBeGreaterThan(0);
  });

  it("COC-23.2, COC-22.2: a violation answered over HTTP files a speak-up report the signer follows under My reports and in the mailbox", async () => {
    const person = await buildPerson(t.ctx(), {
      firstName: "Grace",
      lastName: "Hopper",
      hireDate: "2020-01-01",
    });
    const officer = await signedIn(t, ["compliance_officer"]);
    const employee = await signedIn(t, [], { personId: person.id });
    type Templates = { items: { id: string; addressedTo: string | null }[] };
    let templates = (await officer.get("/api/certifications/templates")).json() as Templates;
    // Run alone, nothing has seeded the Code's templates yet.
    if (!templates.items.some((x) => !x.addressedTo)) {
      await seedCertificationsDemo(t.ctx(), () => {});
      templates = (await officer.get("/api/certifications/templates")).json() as Templates;
    }
    const launched = await officer.send("POST", "/api/certifications/campaigns", {
      name: "Annual (joiners)",
      templateId: templates.items.find((x) => !x.addressedTo)!.id,
      dueDate: "2026-12-31",
    });
    expect(launched.statusCode).toBe(201);
    const mine = (await employee.get("/api/certifications/mine")).json() as {
      items: { id: string; status: string }[];
    };
    const id = mine.items.find((c) => c.status === "pending")!.id;
    const cert = (await employee.get(`/api/certifications/certificates/${id}`)).json() as {
      textHash: string;
      statements: { id: string }[];
    };
    const signed = await employee.send("POST", `/api/certifications/certificates/${id}/sign`, {
      textHash: cert.textHash,
      affirmed: cert.statements.map((s) => s.id),
      answers: {
        conflict: { answer: false },
        violation: {
          answer: true,
          details: "Safety inspections at the press line are signed without being done.",
        },
      },
      typedName: "Grace Hopper",
    });
    expect(signed.statusCode, signed.body).toBe(200);

    const reports = await employee.get("/api/speakup/my-reports");
    expect(reports.statusCode).toBe(200);
    const [report] = (reports.json() as { items: { id: string; number: string; channel: string }[] }).items;
    expect(report).toMatchObject({ channel: "certificate" });
    // Someone else's report is not theirs to open (404).
    const colleague = await signedIn(t, []);
    expect((await colleague.send("POST", `/api/speakup/my-reports/${report!.id}/mailbox`)).statusCode).toBe(
      404,
    );
    const opened = await employee.send("POST", `/api/speakup/my-reports/${report!.id}/mailbox`);
    expect(opened.statusCode, opened.body).toBe(200);
    const mailboxCookie = opened.cookies.find((c) => c.name === "probity_mailbox");
    expect(mailboxCookie?.path).toBe("/speakup");
    const page = await t.server.inject({
      method: "GET",
      url: "/speakup/mailbox",
      headers: { cookie: `probity_mailbox=${mailboxCookie!.value}` },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Safety inspections at the press line");
  });
});

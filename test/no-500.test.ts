import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, signedIn, type TestApp } from "./app.ts";

/** Every API route, fed arbitrary JSON and query strings by an administrator, answers below 500. */
describe(`no input makes a 500 (${process.env.PROBITY_TEST_DIALECT ?? "sqlite"})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ totp: "off" });
  });
  afterAll(() => t.destroy());

  it("holds for every route in the OpenAPI document", async () => {
    const admin = await signedIn(t, ["admin", "auditor"]);
    const doc = (await t.server.inject({ url: "/api/openapi.json" })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(doc.paths).flatMap(([p, methods]) =>
      Object.keys(methods).map((m) => ({ method: m.toUpperCase(), path: p })),
    );
    expect(routes.length).toBeGreaterThan(25);
    const skip = new Set(["/api/auth/logout", "/api/auth/password"]);
    const failures: string[] = [];
    for (const route of routes.filter((r) => !skip.has(r.path))) {
      await fc
        .assert(
          fc.asyncProperty(
            fc.jsonValue({ maxDepth: 3 }),
            fc.dictionary(
              fc.constantFrom(
                "page",
                "pageSize",
                "q",
                "status",
                "sort",
                "from",
                "to",
                "kind",
                "country",
                "role",
              ),
              fc.string({ maxLength: 12 }),
            ),
            fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 80 })),
            async (body, query, id) => {
              const url = `${route.path.replace(/\{[^}]+\}/g, encodeURIComponent(id))}?${new URLSearchParams(query)}`;
              const res =
                route.method === "GET"
                  ? await admin.get(url)
                  : await t.server.inject({
                      method: route.method as "POST",
                      url,
                      headers: {
                        cookie: admin.cookie,
                        "x-csrf-token": admin.csrf,
                        "content-type": "application/json",
                      },
                      payload: JSON.stringify(body),
                    });
              if (res.statusCode >= 500)
                failures.push(
                  `${route.method} ${url} ${JSON.stringify(body).slice(0, 200)} → ${res.statusCode} ${res.body.slice(0, 200)}`,
                );
              return res.statusCode < 500;
            },
          ),
          { numRuns: 25 },
        )
        .catch(() => undefined);
    }
    expect(failures).toEqual([]);
  }, 180_000); // thousands of requests: a budget of its own (28 s alone on PostgreSQL, more under load)

  /** A multipart body from fields and files, or deliberately broken bytes with the same header. */
  const multipartBody = fc.oneof(
    fc
      .record({
        fields: fc.dictionary(
          fc.oneof(
            fc.constantFrom(
              "receipt",
              "password",
              "csrf",
              "body",
              "summary",
              "details",
              "category",
              "identityMode",
              "idempotencyKey",
              "country",
              "occurredOn",
              "involved",
              "contact",
              "powChallenge",
              "powSolution",
            ),
            fc.string({ minLength: 1, maxLength: 10 }),
          ),
          fc.string({ maxLength: 60 }),
          { maxKeys: 8 },
        ),
        files: fc.array(
          fc.record({
            name: fc.oneof(
              fc.constantFrom("a.pdf", "b.jpg", "c.png", "d.txt", "e.docx", "f.exe", ""),
              fc.string({ maxLength: 30 }),
            ),
            bytes: fc.uint8Array({ maxLength: 200 }),
          }),
          { maxLength: 7 },
        ),
      })
      .map(({ fields, files }) => {
        const b = "fuzzboundary";
        const parts = [
          ...Object.entries(fields).map(
            ([k, v]) => `--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
          ),
          ...files.map(
            (f) =>
              `--${b}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n${Buffer.from(f.bytes).toString("latin1")}\r\n`,
          ),
        ];
        return Buffer.from(`${parts.join("")}--${b}--\r\n`, "latin1");
      }),
    fc.string({ maxLength: 300 }).map((text) => Buffer.from(`--fuzzboundary\r\n${text}`, "latin1")),
    fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
  );

  it("holds for multipart and form bodies on the public HTML portal and every API write", async () => {
    const admin = await signedIn(t, ["admin", "auditor"]);
    const doc = (await t.server.inject({ url: "/api/openapi.json" })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const apiWrites = Object.entries(doc.paths).flatMap(([p, methods]) =>
      Object.keys(methods)
        .filter((m) => m !== "get")
        .map((m) => ({ method: m.toUpperCase(), path: p.replace(/\{[^}]+\}/g, "x"), runs: 3 })),
    );
    const portal = [
      "/speakup/report",
      "/speakup/mailbox",
      "/speakup/mailbox/reply",
      "/speakup/mailbox/logout",
    ].map((path) => ({ method: "POST", path, runs: 40 }));
    const failures: string[] = [];
    for (const route of [...portal, ...apiWrites]) {
      if (route.path === "/api/auth/logout" || route.path === "/api/auth/password") continue;
      await fc
        .assert(
          fc.asyncProperty(
            multipartBody,
            fc.boolean(),
            fc.constantFrom(
              "multipart/form-data; boundary=fuzzboundary",
              "application/x-www-form-urlencoded",
            ),
            async (payload, withCookies, contentType) => {
              const res = await t.server.inject({
                method: route.method as "POST",
                url: route.path,
                headers: {
                  "content-type": contentType,
                  ...(withCookies && {
                    cookie: `${admin.cookie}; probity_mailbox=${"m".repeat(40)}`,
                    "x-csrf-token": admin.csrf,
                  }),
                },
                payload,
              });
              if (res.statusCode >= 500)
                failures.push(`${route.method} ${route.path} → ${res.statusCode} ${res.body.slice(0, 200)}`);
              return res.statusCode < 500;
            },
          ),
          { numRuns: route.runs },
        )
        .catch(() => undefined);
    }
    for (const path of ["/speakup", "/speakup/report", "/speakup/mailbox", "/speakup/mailbox/files/x"]) {
      const res = await t.server.inject({ url: path, headers: { cookie: "probity_mailbox=garbage" } });
      if (res.statusCode >= 500) failures.push(`GET ${path} → ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  }, 180_000); // hundreds of bodies per write route: a budget of its own, like the test above
});

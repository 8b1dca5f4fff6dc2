import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateSecuritySettings } from "../src/domains/people/index.ts";
import { createTestApp, signedIn, type TestApp } from "./app.ts";

/** Every API route, fed arbitrary JSON and query strings by an administrator, answers below 500. */
describe(`no input makes a 500 (${process.env.PROBITY_TEST_DIALECT ?? "sqlite"})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await updateSecuritySettings(t.ctx(), {
      totpRequiredForPrivileged: false,
      idleTimeoutMinutes: 30,
      absoluteTimeoutHours: 12,
    });
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
  });
});

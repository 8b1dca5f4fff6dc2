import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLE_NAMES, type RoleName } from "../src/domains/people/index.ts";
import { createTestApp, signedIn, type TestApp } from "./app.ts";
import {
  authorizationRows,
  HIDDEN_PUBLIC_ROUTES,
  type Rule,
  renderAuthorizationDoc,
} from "./authorization-matrix.ts";
import { dialect } from "./db.ts";
import { buildPerson } from "./factories.ts";

type Subject = "anonymous" | "employee" | RoleName;
const SUBJECTS: Subject[] = ["anonymous", "employee", ...ROLE_NAMES];

type Operation = {
  parameters?: { in: string; name: string; schema?: { type?: string; minimum?: number } }[];
};
type Route = { key: string; method: string; url: string };

/** "allow": anything but 401/403. "deny": 401 without a session, 403 with one. */
function expected(rule: Rule, subject: Subject): "allow" | "deny" | "reporter" | "same-as-anonymous" {
  if (rule === "public") return subject === "anonymous" ? "allow" : "same-as-anonymous";
  if (rule === "reporter") return "reporter";
  if (subject === "anonymous") return "deny";
  if (rule === "signed-in") return "allow";
  if (rule === "self") return "deny";
  return (rule as readonly string[]).includes(subject) ? "allow" : "deny";
}

/**
 * One mismatch per line, or null. A reporter's route refuses everyone here, and a staff session
 * changes nothing: the same refusal as for anonymous (401 for a missing mailbox session or a wrong
 * receipt), or 429 once the wrong-try budget is spent.
 */
function mismatch(
  route: string,
  subject: Subject,
  want: ReturnType<typeof expected>,
  status: number,
  anonymous: number,
): string | null {
  const refused = status === 401 || status === 403;
  if (want === "allow" && !refused) return null;
  if (want === "deny" && status === (subject === "anonymous" ? 401 : 403)) return null;
  if (want === "reporter" && status >= 400 && (status === anonymous || status === 429)) return null;
  if (want === "same-as-anonymous" && status === anonymous && !refused) return null;
  const what = {
    allow: "allowed",
    deny: `refused with ${subject === "anonymous" ? 401 : 403}`,
    reporter: `refused as for anonymous (${anonymous}): only the reporter's receipt or mailbox session opens it`,
    "same-as-anonymous": `answered as for anonymous (${anonymous}): a staff session changes nothing`,
  }[want];
  return `${route} as ${subject}: expected ${what}, got ${status}`;
}

describe(`authorization matrix: every route × every role (${dialect})`, () => {
  let t: TestApp;
  let routes: Route[] = [];
  const statuses = new Map<string, Map<Subject, number>>();

  beforeAll(async () => {
    // The TOTP gate would refuse every privileged role with 403 before its permission is looked at;
    // test/http.test.ts covers the gate itself.
    t = await createTestApp({ totp: "off" });
    const doc = (await t.server.inject({ url: "/api/openapi.json" })).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    for (const [template, operations] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(operations)) {
        // Path parameters: a random id (a record nobody has), or the smallest valid number.
        const url = template.replace(/\{([^}]+)\}/g, (_, name: string) => {
          const schema = op.parameters?.find((p) => p.in === "path" && p.name === name)?.schema;
          return schema?.type === "integer" ? String(schema.minimum ?? 1) : randomUUID();
        });
        routes.push({ key: `${method.toUpperCase()} ${template}`, method: method.toUpperCase(), url });
      }
    // Signing out ends the session the rest of the sweep uses: last.
    routes = [
      ...routes.filter((r) => r.key !== "POST /api/auth/logout"),
      ...routes.filter((r) => r.key === "POST /api/auth/logout"),
    ];

    // One session per role, each a person in the directory like a real user; each subject calls from
    // its own address so that per-address throttles (sign-in, receipts) do not mix them up.
    await Promise.all(
      SUBJECTS.map(async (subject, i) => {
        let headers: Record<string, string> = {};
        let csrf = "";
        if (subject !== "anonymous") {
          const person = await buildPerson(t.ctx());
          const client = await signedIn(t, subject === "employee" ? [] : [subject], {
            personId: person.id,
          });
          headers = { cookie: client.cookie };
          csrf = client.csrf;
        }
        for (const route of routes) {
          const write = route.method !== "GET";
          const res: LightMyRequestResponse = await t.server.inject({
            method: route.method as "GET",
            url: route.url,
            remoteAddress: `198.51.100.${i + 1}`,
            headers: write && csrf ? { ...headers, "x-csrf-token": csrf } : headers,
            ...(write && { payload: {} }),
          });
          const row = statuses.get(route.key) ?? new Map<Subject, number>();
          row.set(subject, res.statusCode);
          statuses.set(route.key, row);
        }
      }),
    );
  }, 180_000); // every route for every role, thousands of requests: a budget of its own, like no-500's
  afterAll(() => t.destroy());

  it("has exactly one row per route of the OpenAPI document", () => {
    const rows = authorizationRows();
    const inApp = new Set(routes.map((r) => r.key));
    const withoutRow = [...inApp].filter((key) => !rows.has(key)).map((key) => `no row for route ${key}`);
    const withoutRoute = [...rows.keys()]
      .filter((key) => !inApp.has(key))
      .map((key) => `row ${key} names no route`);
    expect([...withoutRow, ...withoutRoute], "update test/authorization-matrix.ts").toEqual([]);
  });

  it("answers every route as the table says, for every role, an employee and an anonymous visitor", () => {
    const rows = authorizationRows();
    const problems: string[] = [];
    for (const { key } of routes) {
      const rule = rows.get(key);
      const answers = statuses.get(key);
      if (!rule || !answers) continue;
      const anonymous = answers.get("anonymous") ?? 0;
      for (const subject of SUBJECTS) {
        const status = answers.get(subject) ?? 0;
        if (status >= 500) problems.push(`${key} as ${subject}: ${status}`);
        const problem = mismatch(key, subject, expected(rule, subject), status, anonymous);
        if (problem) problems.push(problem);
      }
    }
    expect(problems).toEqual([]);
  });

  it("COC-22.2: refuses anonymous callers with 401 everywhere but the public routes, which are exactly these", async () => {
    const rows = authorizationRows();
    const open = routes.filter((r) => ![401, 403].includes(statuses.get(r.key)?.get("anonymous") ?? 0));
    // Adding a public route is a decision: it must be added here as well as in the table.
    expect(open.map((r) => r.key).sort()).toEqual(
      [
        "GET /api/health",
        "GET /api/auth/login-info",
        "POST /api/auth/login",
        "GET /api/speakup/vocabulary",
        "POST /api/speakup/reports",
        "POST /api/speakup/mailbox/login",
        "POST /api/speakup/mailbox/setup",
        "GET /speakup/mailbox/setup",
        "POST /speakup/mailbox/setup",
        "GET /speakup",
        "GET /speakup/report",
        "POST /speakup/report",
        "GET /speakup/mailbox",
        "POST /speakup/mailbox/logout",
        "GET /speakup/pow.js",
      ].sort(),
    );
    for (const r of open) expect(rows.get(r.key), r.key).toBe("public");
    const refused = routes.filter((r) => rows.get(r.key) !== "public");
    expect(refused.filter((r) => statuses.get(r.key)?.get("anonymous") !== 401).map((r) => r.key)).toEqual(
      [],
    );
    for (const key of HIDDEN_PUBLIC_ROUTES) {
      const [method, url] = key.split(" ") as ["GET", string];
      expect([200, 302], key).toContain((await t.server.inject({ method, url })).statusCode);
    }
  });

  it("docs/authorization.md is the table rendered", () => {
    const doc = fs.readFileSync(path.join(import.meta.dirname, "..", "docs", "authorization.md"), "utf8");
    expect(doc, "run: node --import tsx scripts/authorization-doc.ts").toBe(renderAuthorizationDoc());
  });
});

import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, renderContract } from "../scripts/generate-contract.ts";
import { createTestApp, type TestApp } from "./app.ts";
import { PENDING_RESPONSE_SCHEMAS } from "./contract-pending.ts";
import { dialect } from "./db.ts";

type Operation = { operationId?: string; tags?: string[]; responses?: Record<string, { content?: unknown }> };

describe(`one contract between server and web (${dialect})`, () => {
  let t: TestApp;
  let operations: Operation[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    const doc = (await t.server.inject({ url: "/api/openapi.json" })).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    // The JSON API; the speak-up portal's HTML pages (/speakup/…) are forms, not operations.
    operations = Object.entries(doc.paths)
      .filter(([p]) => p.startsWith("/api/"))
      .flatMap(([, byMethod]) => Object.values(byMethod));
  });
  afterAll(() => t.destroy());

  it("the generated client, API reference and route dump are current (run `npm run generate`)", async () => {
    const files = await renderContract(t.server);
    expect(Object.keys(files).length).toBeGreaterThan(0);
    const stale = Object.entries(files)
      .filter(([file, text]) => {
        const target = path.join(ROOT, file);
        return !fs.existsSync(target) || fs.readFileSync(target, "utf8") !== text;
      })
      .map(([file]) => file);
    expect(stale, "stale generated files: run `npm run generate` and commit them").toEqual([]);
  });

  it("every operation has an id and declares the answer it gives (a 2xx response schema)", () => {
    expect(operations.length).toBeGreaterThan(100);
    const pending = new Set(Object.values(PENDING_RESPONSE_SCHEMAS).flat());
    const missing: string[] = [];
    const stillListed: string[] = [];
    for (const op of operations) {
      expect(op.operationId, "an operation without an id").toBeTruthy();
      const id = op.operationId ?? "";
      const declared = Object.entries(op.responses ?? {}).some(([code, r]) => /^2/.test(code) && r.content);
      if (!declared && !pending.has(id)) missing.push(id);
      if (declared && pending.has(id)) stillListed.push(id);
    }
    expect(missing, "operations without a response schema").toEqual([]);
    expect(stillListed, "declared now: remove them from test/contract-pending.ts").toEqual([]);
  });

  it("every API route is declared through endpoints(): one action names its access rule and its operation id", () => {
    const dir = path.join(ROOT, "src", "domains");
    const files = fs
      .readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((f) => /routes\.ts$/.test(f) && !f.endsWith("portal-routes.ts"));
    expect(files.length).toBeGreaterThan(5);
    // The speak-up portal's HTML forms are not API operations; they share one access rule of their own.
    const byHand = files.filter((f) =>
      /config:\s*\{\s*access/.test(fs.readFileSync(path.join(dir, f), "utf8")),
    );
    expect(byHand, "write route(action, access, schema) from endpoints(tags) instead").toEqual([]);
  });

  it("web screens fetch only through the typed client, with query keys that start with an operation id", () => {
    const dir = path.join(ROOT, "web", "src");
    const files = fs
      .readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((f) => /\.tsx?$/.test(f) && !f.endsWith(".gen.ts") && !f.startsWith(`api${path.sep}`));
    expect(files.length).toBeGreaterThan(50);
    const offenders: string[] = [];
    for (const f of files) {
      const text = fs.readFileSync(path.join(dir, f), "utf8");
      // A hand-written URL fetch: its answer's type and its cache key would be written by hand too.
      if (/\bapi\.(get|post|put|patch|delete)\s*[<(]/.test(text)) offenders.push(`${f}: api.* call`);
      // A literal key ("people", "me") drifts from the operation it caches; op ids contain a dot.
      for (const m of text.matchAll(/queryKey:\s*\[\s*"([^"]*)"/g))
        if (!m[1]?.includes(".")) offenders.push(`${f}: queryKey "${m[1]}"`);
    }
    expect(offenders, "use useOp/useOpMutation/call from web/src/api/client.ts").toEqual([]);
  });

  it("operation ids are unique, so query keys built from them cannot collide", () => {
    const ids = operations.map((op) => op.operationId);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it("every operation says what it needs: public none, reads the session, writes the session and the CSRF header", async () => {
    const doc = (await t.server.inject({ url: "/api/openapi.json" })).json() as {
      paths: Record<string, Record<string, { security?: Record<string, string[]>[] }>>;
    };
    const login = doc.paths["/api/auth/login"]?.post;
    const me = doc.paths["/api/auth/me"]?.get;
    const logout = doc.paths["/api/auth/logout"]?.post;
    expect(login?.security).toEqual([]);
    expect(me?.security).toEqual([{ session: [] }]);
    expect(logout?.security).toEqual([{ session: [], csrf: [] }]);
  });
});

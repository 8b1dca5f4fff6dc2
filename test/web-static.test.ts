import fs from "node:fs";
import path from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/kernel/config.ts";
import type { App } from "../src/kernel/http/server.ts";
import { buildServer } from "../src/kernel/http/server.ts";
import { createTestDb, type TestDb } from "./db.ts";

// The web app as the build leaves it: hashed files under assets/ with .br/.gz copies beside them.
describe("the web app's files", () => {
  let t: TestDb;
  let server: App;
  const script = `console.log(${JSON.stringify("x".repeat(4000))});`;
  beforeAll(async () => {
    t = await createTestDb();
    const webRoot = path.join(t.dir, "web");
    fs.mkdirSync(path.join(webRoot, "assets"), { recursive: true });
    fs.writeFileSync(
      path.join(webRoot, "index.html"),
      '<!doctype html><script src="/assets/index-AbC123.js"></script>',
    );
    const asset = path.join(webRoot, "assets", "index-AbC123.js");
    fs.writeFileSync(asset, script);
    fs.writeFileSync(`${asset}.br`, brotliCompressSync(script));
    fs.writeFileSync(`${asset}.gz`, gzipSync(script));
    server = await buildServer({
      config: loadConfig({ PROBITY_DATA_DIR: t.dir, LOG_LEVEL: "silent" }),
      database: t.database,
      clock: t.clock,
      version: "test",
      authenticate: async () => null,
      webRoot,
      logger: false,
    });
    await server.ready();
  });
  afterAll(async () => {
    await server.close();
    await t.destroy();
  });

  it("hashed assets are cached for a year as immutable and sent brotli- or gzip-compressed", async () => {
    const br = await server.inject({
      url: "/assets/index-AbC123.js",
      headers: { "accept-encoding": "br, gzip" },
    });
    expect(br.statusCode).toBe(200);
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["content-type"]).toMatch(/javascript/);
    const gz = await server.inject({
      url: "/assets/index-AbC123.js",
      headers: { "accept-encoding": "gzip" },
    });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    const plain = await server.inject({ url: "/assets/index-AbC123.js" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it("index.html, at / and at any screen's address, is revalidated on every visit (no-cache)", async () => {
    for (const url of ["/", "/people/123"]) {
      const page = await server.inject({ url });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers["cache-control"], url).toBe("no-cache");
      expect(page.body, url).toContain("/assets/index-AbC123.js");
    }
  });
});

import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureCompiledServer, runProbity } from "./compiled-server.ts";
import { createTestDb, type TestDb } from "./db.ts";

// `probity lists import` for the EU, UK, UN and OpenSanctions lists (COC-18, COC-18.1): from a
// file, and with --url from a local HTTP server standing in for the publisher; a truncated file
// exits non-zero with the line that is wrong.
describe(`probity lists import, other publishers (${process.env.PROBITY_TEST_DIALECT ?? "sqlite"})`, {
  timeout: 180_000,
}, () => {
  let t: TestDb;
  let env: NodeJS.ProcessEnv;
  const fixtures = path.resolve(import.meta.dirname, "..", "src", "domains", "screening", "fixtures");
  beforeAll(async () => {
    await ensureCompiledServer();
    t = await createTestDb();
    env = {
      ...process.env,
      PROBITY_KEY_FILE: path.join(t.dir, "probity.key"),
      PROBITY_DATA_DIR: t.dir,
      DATABASE_URL: t.database.dialect === "postgres" ? t.location : "",
    };
  }, 300_000);
  afterAll(() => t.destroy());
  const probity = (...args: string[]) => runProbity(env, ...args);

  it("imports each publisher's file, fetches one with --url, and refuses a truncated one with its line (COC-18.1)", async () => {
    const eu = await probity("lists", "import", path.join(fixtures, "eu-fsf.xml"));
    expect(eu.code, eu.stderr).toBe(0);
    expect(eu.stdout).toMatch(/Imported eu-fsf version 1 \(xml\): 2 entries/);
    const uk = await probity("lists", "import", path.join(fixtures, "ConList.csv"));
    expect(uk.stdout).toMatch(/Imported uk-ofsi version 1 \(csv\): 2 entries/);
    const os = await probity(
      "lists",
      "import",
      path.join(fixtures, "opensanctions.ftm.jsonl"),
      "--source",
      "opensanctions",
    );
    expect(os.stdout, os.stderr).toMatch(/Imported opensanctions version 1 \(jsonl\): 5 entries/);
    const served: string[] = [];
    const server = http.createServer((req, res) => {
      served.push(req.url ?? "");
      const file = path.join(fixtures, path.basename(req.url ?? ""));
      if (!fs.existsSync(file)) return res.writeHead(404).end();
      res.writeHead(200, { "content-type": "application/xml" }).end(fs.readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const un = await probity("lists", "import", "--url", `http://127.0.0.1:${port}/resources/un-sc.xml`);
      expect(un.code, un.stderr).toBe(0);
      expect(un.stdout).toMatch(/Imported un-sc version 1 \(xml\): 2 entries/);
      expect(served).toEqual(["/resources/un-sc.xml"]);
    } finally {
      server.close();
    }
    const cut = path.join(t.dir, "ConList.csv");
    const text = fs.readFileSync(path.join(fixtures, "ConList.csv"), "utf8");
    fs.writeFileSync(cut, text.slice(0, text.length - 40));
    const truncated = await probity("lists", "import", cut);
    expect(truncated.code).not.toBe(0);
    expect(truncated.stderr).toMatch(
      /line 5 has \d+ fields where the header has 36 \(is the file truncated\?\)/,
    );
    const versions = await probity("lists", "versions");
    expect(versions.stdout).toMatch(/uk-ofsi\tv1 \(current\)/);
  });
});

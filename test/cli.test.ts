import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureCompiledServer, runProbity } from "./compiled-server.ts";
import { createTestDb, type TestDb } from "./db.ts";
import { privateRequest } from "./private-request.ts";

const BIN = path.resolve(import.meta.dirname, "..", "bin", "probity.js");

// Each test starts the CLI several times, each a process of the compiled server (dist/, built in
// beforeAll when stale): a budget of its own, well above the global 30 s, for a loaded machine.
describe(`probity CLI (${process.env.PROBITY_TEST_DIALECT ?? "sqlite"})`, { timeout: 180_000 }, () => {
  let t: TestDb;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    await ensureCompiledServer();
    t = await createTestDb();
    env = {
      ...process.env,
      PROBITY_KEY_FILE: path.join(t.dir, "probity.key"),
      // On PostgreSQL too: the audit signing key and checkpoints go there, not into ./data of the
      // checkout (where a second run found the first run's key: "0 signed checkpoints verified").
      PROBITY_DATA_DIR: t.dir,
      DATABASE_URL: t.database.dialect === "postgres" ? t.location : "",
    };
  }, 300_000); // a first compile of the server on a loaded machine
  afterAll(() => t.destroy());

  const probity = (...args: string[]) => probityWith({}, ...args);
  const probityWith = (extraEnv: NodeJS.ProcessEnv, ...args: string[]) =>
    runProbity({ ...env, ...extraEnv }, ...args);
  // The demo, seeded once for this file's database by the first test that needs it (the seed test
  // in file order), so a test that imports into its legal entities or reads its sealed cases also
  // runs alone.
  let demo: ReturnType<typeof probity> | undefined;
  const seedDemo = () => {
    demo ??= probity("seed", "--demo");
    return demo;
  };

  it("prints help for every command", async () => {
    const help = await probity("--help");
    expect(help.code).toBe(0);
    for (const command of ["serve", "migrate", "seed", "audit", "users", "import"])
      expect(help.stdout).toContain(command);
    expect((await probity("import", "people", "--help")).stdout).toContain("--dry-run");
  });

  it("seeds the demo, verifies the audit log, and names the event after tampering", async () => {
    const seeded = await seedDemo();
    expect(seeded.stdout).toMatch(/Seeded the demo: \d+ people, 12 users/);
    const ok = await probity("audit", "verify");
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^\d+ events verified$/m);

    // Tamper directly in the database, bypassing the append-only triggers as an intruder would.
    if (t.database.dialect === "postgres") {
      const client = new pg.Client({ connectionString: t.location });
      await client.connect();
      await client.query("alter table audit_events disable trigger audit_events_append_only");
      await client.query(`update audit_events set actor_label = 'someone else' where seq = 3`);
      await client.end();
    } else {
      const file = new Database(t.location);
      file.exec("drop trigger audit_events_no_update");
      file.prepare("update audit_events set actor_label = 'someone else' where seq = 3").run();
      file.close();
    }
    const bad = await probity("audit", "verify");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/FAILED at event 3: event 3 \(.+\) has been altered/);
  });

  it("imports people from a CSV file, with a dry run, and fails with row errors", async () => {
    await seedDemo(); // its legal entity ALERIS-US
    const file = path.join(t.dir, "people.csv");
    fs.writeFileSync(file, "employee_id,first_name,last_name,legal_entity\nC1,Cli,User,ALERIS-US\n");
    const dry = await probity("import", "people", file, "--dry-run");
    expect(dry.stdout).toContain("Dry run: would create 1");
    expect((await probity("import", "people", file)).stdout).toContain("Created 1");
    fs.writeFileSync(file, "employee_id,first_name,last_name,legal_entity\nC2,Bad,Entity,NOWHERE\n");
    const broken = await probity("import", "people", file);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('row 2, legal_entity: "NOWHERE" is not a known legal entity code');
    const missing = await probity("import", "people", path.join(t.dir, "missing.csv"));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^probity: No such file/m);
  });

  it("imports a Windows-1252, semicolon-separated HR file without corrupting names, and says how it read it (issue 14, finding 6)", async () => {
    const file = path.join(t.dir, "people-1252.csv");
    fs.writeFileSync(
      file,
      Buffer.from("employee_id;first_name;last_name\r\nC1252;François;Dürr\r\n", "latin1"),
    );
    const dry = await probity("import", "people", file, "--dry-run");
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain("Read as Windows-1252, semicolon-separated.");
    expect(dry.stdout).toContain("Dry run: would create 1");
    expect((await probity("import", "people", file)).stdout).toContain("Created 1");
    const name = await storedName("C1252");
    expect(name).toBe("François Dürr");
    fs.writeFileSync(
      file,
      Buffer.concat([
        Buffer.from("employee_id;first_name;last_name\nC1253;Fran\xe7ois;D", "latin1"),
        Buffer.from([0x81, 0x0a]),
      ]),
    );
    const refused = await probity("import", "people", file, "--dry-run");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/neither UTF-8 nor Windows-1252: row 2, last_name holds the byte 0x81/);
  });

  const storedName = async (externalId: string) => {
    const sqlText = "select first_name || ' ' || last_name as name from persons where external_id = $1";
    if (t.database.dialect === "postgres") {
      const client = new pg.Client({ connectionString: t.location });
      await client.connect();
      const { rows } = await client.query(sqlText, [externalId]);
      await client.end();
      return (rows[0] as { name: string } | undefined)?.name;
    }
    const file = new Database(t.location, { readonly: true });
    const row = file.prepare(sqlText.replace("$1", "?")).get(externalId) as { name: string } | undefined;
    file.close();
    return row?.name;
  };

  it("creates users and explains bad arguments in one line", async () => {
    const created = await probity(
      "users",
      "create",
      "--email",
      "New.Admin@Example.com",
      "--name",
      "New Admin",
      "--role",
      "admin",
      "--password",
      "a long enough password",
    );
    expect(created.stdout).toContain("Created user new.admin@example.com (admin)");
    const dup = await probity(
      "users",
      "create",
      "--email",
      "new.admin@example.com",
      "--name",
      "X",
      "--password",
      "a long enough password",
    );
    expect(dup.code).toBe(1);
    expect(dup.stderr).toMatch(/already exists/);
    const badRole = await probity("users", "create", "--email", "a@b.c", "--name", "X", "--role", "emperor");
    expect(badRole.code).not.toBe(0);
    expect(badRole.stderr).toMatch(/emperor/);
  });

  it("backs up and restores the database", async () => {
    const file = path.join(t.dir, `backup-${Date.now()}.bak`);
    const made = await probity("backup", file);
    expect(made.code).toBe(0);
    expect(fs.statSync(file).size).toBeGreaterThan(1000);
    // Issue 14: the checklist says the key is not in the backup, and where it is.
    expect(made.stdout).toContain(`The key is NOT in this backup. It is in ${env.PROBITY_KEY_FILE}`);
    expect(fs.readFileSync(`${file}.checklist.txt`, "utf8")).toContain("probity doctor");
    expect(fs.readFileSync(`${file}.checklist.txt`, "utf8")).toContain(
      "audit signing key is NOT in this backup",
    );
    expect((await probity("backup", file)).stderr).toMatch(/already exists/);
    // Change something after the backup, restore, and the change is gone.
    const createAfter = () =>
      probity(
        "users",
        "create",
        "--email",
        "after.backup@example.com",
        "--name",
        "After",
        "--password",
        "a long enough password",
      );
    await createAfter();
    const restored = await probity("restore", file);
    expect(restored.code, restored.stderr).toBe(0);
    const again = await createAfter();
    expect(again.stdout).toContain("Created user after.backup@example.com");
  });

  it("doctor opens a sample of sealed rows with the key and fails without it (issue 14)", async () => {
    await seedDemo(); // its sealed speak-up cases
    const ok = await probity("doctor");
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/speak-up case keys: [1-9]/);
    expect(ok.stdout).toContain("OK: the key opens the sealed data.");
    const missing = await probityWith(
      { PROBITY_KEY_FILE: path.join(t.dir, "restored", "probity.key") },
      "doctor",
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(
      /is missing, but the database holds sealed data .*To fix: restore the key file/,
    );
    expect(fs.existsSync(path.join(t.dir, "restored", "probity.key"))).toBe(false);
  });

  it("imports sanctions lists from SDN.XML and, with --url, the consolidated CSV set; says why a bad one is refused (COC-18.1)", async () => {
    const screening = path.resolve(import.meta.dirname, "..", "src", "domains", "screening", "test");
    const xml = await probity("lists", "import", path.join(screening, "sdn-sample.xml"));
    expect(xml.code, xml.stderr).toBe(0);
    expect(xml.stdout).toMatch(/Imported ofac-sdn version \d+ \(xml\): 3 entries/);
    expect(xml.stdout).toMatch(/Re-screened \d+ counterpart/);
    // --url fetches CONS_PRIM.CSV and its ALT, ADD and comments files from beside it
    const served: string[] = [];
    const server = http.createServer((req, res) => {
      served.push(req.url ?? "");
      const file = path.join(screening, "consolidated", path.basename(req.url ?? ""));
      if (!fs.existsSync(file)) return res.writeHead(404).end();
      res.writeHead(200, { "content-type": "text/csv" }).end(fs.readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const url = await probity("lists", "import", "--url", `http://127.0.0.1:${port}/exports/CONS_PRIM.CSV`);
      expect(url.code, url.stderr).toBe(0);
      expect(url.stdout).toMatch(/Imported ofac-consolidated version 1 \(csv\): 3 entries/);
      expect(served.sort()).toEqual([
        "/exports/CONS_ADD.CSV",
        "/exports/CONS_ALT.CSV",
        "/exports/CONS_COMMENTS.CSV",
        "/exports/CONS_PRIM.CSV",
      ]);
      const missing = await probity("lists", "import", "--url", `http://127.0.0.1:${port}/exports/SDN.XML`);
      expect(missing.code).not.toBe(0);
      expect(missing.stderr).toMatch(/Could not download .*SDN.XML: HTTP 404/);
    } finally {
      server.close();
    }
    const versions = await probity("lists", "versions");
    expect(versions.stdout).toMatch(/ofac-consolidated\tv1 \(current\)/);
    expect(versions.stdout).toMatch(/ofac-sdn\tv\d+ \(current\)/);
    const both = await probity("lists", "import", screening, "--url", "ofac");
    expect(both.stderr).toMatch(/not both/);
    const wrong = await probity("lists", "import", "--url", "http://127.0.0.1:1/people.csv");
    expect(wrong.stderr).toMatch(/must name SDN.XML, SDN.CSV, CONSOLIDATED.XML or CONS_PRIM.CSV/);
    // the stateless screen command reads SDN.XML too
    const input = path.join(t.dir, "names.csv");
    fs.writeFileSync(input, "id,name\n1,National Bank of Cuba\n2,Gulf Coast Alloys\n");
    const dir = fs.mkdtempSync(path.join(t.dir, "xml-"));
    fs.copyFileSync(path.join(screening, "sdn-sample.xml"), path.join(dir, "SDN.XML"));
    const screened = await probity("screen", "--sdn-dir", dir, "--input", input);
    const lines = screened.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines[0].matches[0]).toMatchObject({ entityId: "306", matchedName: "NATIONAL BANK OF CUBA" });
    expect(lines[1].matches).toEqual([]);
  });

  // info is the documented default: `serve` once turned it into warn, so requests were not logged at all.
  it.each(["info", "trace"])(
    "COC-22.2: `probity serve` at LOG_LEVEL=%s logs each request by method, path and status, with no address, cookie, query string, user agent or body",
    async (level) => {
      const child = spawn(process.execPath, [BIN, "serve", "--port", "0"], {
        env: { ...env, LOG_LEVEL: level, HOST: "127.0.0.1" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout.on("data", (d) => {
        output += String(d);
      });
      child.stderr.on("data", (d) => {
        output += String(d);
      });
      try {
        const port = await new Promise<string>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 120_000);
          const check = () => {
            const m = /is running at http:\/\/localhost:(\d+)/.exec(output);
            if (m) {
              clearTimeout(timer);
              resolve(m[1]!);
            } else setTimeout(check, 100);
          };
          check();
        });
        const { headers, query, body } = privateRequest;
        await fetch(`http://127.0.0.1:${port}/speakup/mailbox?token=${query}`, {
          method: "POST",
          headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
          body: `receipt=${body}&password=${body}`,
        });
        await fetch(`http://127.0.0.1:${port}/speakup/mailbox?q=${query}`, { headers });
        await new Promise((resolve) => setTimeout(resolve, 300));
      } finally {
        child.kill("SIGTERM");
        await new Promise((resolve) => child.once("exit", resolve));
      }
      expect(output).toContain("/speakup/mailbox");
      expect(output).toContain('"msg":"request completed"');
      // The server's own listening address is not the client's; every other line is checked.
      output = output
        .split("\n")
        .filter((line) => !line.includes("Server listening at"))
        .join("\n");
      for (const marker of [...privateRequest.markers, "127.0.0.1", "remoteAddress"])
        expect(output, marker).not.toContain(marker);
    },
  );
});

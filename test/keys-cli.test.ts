import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileReport } from "../src/domains/speakup/file-report.ts";
import { getCase } from "../src/domains/speakup/get-case.ts";
import { reportInput } from "../src/domains/speakup/schemas.ts";
import { systemActor } from "../src/kernel/context.ts";
import { fileKeyProvider } from "../src/kernel/key-provider.ts";
import { openKeyRing } from "../src/kernel/key-ring.ts";
import { ensureCompiledServer, runProbity } from "./compiled-server.ts";
import { createTestDb, type TestDb } from "./db.ts";

describe(`probity keys rotate, spawned (${process.env.PROBITY_TEST_DIALECT ?? "sqlite"})`, {
  timeout: 180_000,
}, () => {
  let t: TestDb;
  beforeAll(async () => {
    await ensureCompiledServer();
    t = await createTestDb();
  }, 300_000);
  afterAll(() => t.destroy());

  const probity = (keyFile: string, ...args: string[]) =>
    runProbity(
      {
        ...process.env,
        PROBITY_KEY_FILE: keyFile,
        PROBITY_PREVIOUS_KEY_FILE: "",
        // On PostgreSQL too: the audit signing key goes to the test's folder, not ./data of the checkout.
        PROBITY_DATA_DIR: t.dir,
        DATABASE_URL: t.database.dialect === "postgres" ? t.location : "",
      },
      ...args,
    );

  it("COC-22.2: re-seals every case key under a new key file; doctor passes with the new key and refuses the old", async () => {
    const filed = [];
    for (let i = 0; i < 3; i++)
      filed.push(
        await fileReport(
          t.ctx(),
          reportInput.parse({
            category: "accounting",
            summary: `Spawned rotation marker ${i}`,
            details: "Quarter-end shipments were invoiced in advance.",
            password: "reporter-pass-1",
            idempotencyKey: randomUUID(),
          }),
        ),
      );
    const oldKey = path.join(t.dir, "probity.key");
    const newKey = path.join(t.dir, "rotated", "probity.key");
    fs.mkdirSync(path.dirname(newKey), { recursive: true });

    const rotated = await probity(oldKey, "keys", "rotate", "--new-key-file", newKey, "--batch-size", "2");
    expect(rotated.code, rotated.stderr).toBe(0);
    expect(rotated.stdout).toMatch(/speak-up case keys: [3-9]\d* re-sealed/);
    expect(rotated.stdout).toContain("Rotation done.");
    expect(fs.existsSync(newKey)).toBe(true);
    expect((fs.statSync(newKey).mode & 0o077).toString(8)).toBe("0");

    // A re-run after a crash half-way is covered in keys.test.ts (in process, batch by batch).
    const doctorNew = await probity(newKey, "doctor");
    expect(doctorNew.code, doctorNew.stderr).toBe(0);
    expect(doctorNew.stdout).toContain("OK: the key opens the sealed data.");

    const doctorOld = await probity(oldKey, "doctor");
    expect(doctorOld.code).toBe(1);
    expect(doctorOld.stderr).toMatch(/does not open this database's sealed data.*must use the same key/);

    // What a server started on the new key reads: the reports, whole.
    const ring = await openKeyRing(
      { db: t.database.db, dialect: t.database.dialect, actor: systemActor("test"), clock: t.clock },
      fileKeyProvider(newKey),
    );
    for (const f of filed)
      expect(JSON.stringify(await getCase({ ...t.ctx(), keyRing: ring }, f.caseId))).toContain(
        "Spawned rotation marker",
      );
  });
});

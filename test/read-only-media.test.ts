import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemCtx } from "../src/app.ts";
import { verifyLog } from "../src/domains/audit/index.ts";
import { record } from "../src/kernel/audit.ts";
import { loadOrCreateAuditSigner, writeCheckpoint } from "../src/kernel/audit-checkpoint.ts";
import { withTransaction } from "../src/kernel/context.ts";
import { openDatabase } from "../src/kernel/db.ts";
import { migrateToLatest } from "../src/kernel/migrate.ts";
import { migrations } from "../src/migrations/index.ts";

const isSqlite = process.env.PROBITY_TEST_DIALECT !== "postgres";
const ROOT = path.resolve(import.meta.dirname, "..");

/** A real read-only file system needs a mount (root in a container); elsewhere that test is skipped. */
function tryMount(dir: string): boolean {
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=16m", "tmpfs", dir], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!isSqlite)("SQLite on read-only media (issue 14, finding 7)", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "probity-ro-"));
  let mounted = false;
  beforeAll(() => {
    mounted = tryMount(dir);
  });
  afterAll(() => {
    if (mounted) spawnSync("umount", [dir]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("an unopenable database names the file and the operating system's cause", () => {
    const blocker = path.join(dir, "not-a-directory");
    fs.writeFileSync(blocker, "");
    const file = path.join(blocker, "probity.db");
    expect(() => openDatabase({ sqliteFile: file })).toThrow(
      new RegExp(`Cannot open the SQLite database ${file}: EEXIST.*not-a-directory`),
    );
  });

  it("on a read-only file system: opening says so with the path; audit verify --read-only still checks the log and its signed checkpoints", async (ctx) => {
    if (!mounted) ctx.skip();
    const file = path.join(dir, "probity.db");
    const database = openDatabase({ sqliteFile: file });
    await migrateToLatest(database.db, migrations);
    const signer = await loadOrCreateAuditSigner(path.join(dir, "audit-signing.key"), 0);
    const sys = systemCtx(database);
    await withTransaction(sys, (tx) => record(tx, "thing.create", { type: "thing", id: "1" }));
    await writeCheckpoint(sys, signer, { exportFile: path.join(dir, "audit-checkpoints.jsonl") });
    await database.close();
    // Leave the -wal/-shm files behind as a crashed or copied server would not clean them either.
    execFileSync("mount", ["-o", "remount,ro", dir]);

    expect(() => openDatabase({ sqliteFile: file })).toThrow(
      new RegExp(`Cannot open the SQLite database ${file}: .*read-only file system`),
    );

    const readOnly = openDatabase({ sqliteFile: file, readOnly: true });
    try {
      const result = await verifyLog(systemCtx(readOnly), { publicKey: signer.publicKey });
      expect(result).toMatchObject({ ok: true, verified: 2 });
    } finally {
      await readOnly.close();
    }

    const cli = spawnSync(
      process.execPath,
      [
        path.join(ROOT, "bin", "probity.js"),
        "audit",
        "verify",
        "--read-only",
        "--checkpoint",
        path.join(dir, "audit-checkpoints.jsonl"),
      ],
      { env: { ...process.env, PROBITY_DATA_DIR: dir, DATABASE_URL: "" }, encoding: "utf8", cwd: ROOT },
    );
    expect(cli.stderr).toBe("");
    expect(cli.stdout).toMatch(/2 events verified; 1 signed checkpoints and 1 exported ones verified/);
    expect(cli.status).toBe(0);
  }, 60_000);
});

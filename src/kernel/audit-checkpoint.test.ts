import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { verifyLog } from "../domains/audit/index.ts";
import { GENESIS_HASH, hashEvent, record } from "./audit.ts";
import {
  type AuditSigner,
  loadOrCreateAuditSigner,
  parseCheckpointFile,
  readAuditPublicKey,
  writeCheckpoint,
} from "./audit-checkpoint.ts";
import { withTransaction } from "./context.ts";

/** What someone with write access to the database can do: bypass the triggers and rewrite. */
async function allowRewrites(t: TestDb) {
  if (t.database.dialect === "postgres") {
    await sql`alter table audit_events disable trigger audit_events_append_only`.execute(t.database.db);
  } else {
    await sql`drop trigger if exists audit_events_no_update`.execute(t.database.db);
  }
}

/** Rewrites one event's payload and recomputes every hash after it, and the head: the chain verifies. */
async function rewriteConsistently(t: TestDb, seq: number, payload: string) {
  await sql`update audit_events set payload = ${payload} where seq = ${seq}`.execute(t.database.db);
  const rows = await t.database.db.selectFrom("audit_events").selectAll().orderBy("seq").execute();
  let prev = GENESIS_HASH;
  for (const row of rows) {
    const { hash: _old, ...rest } = row;
    const hash = hashEvent({ ...rest, seq: Number(rest.seq), prev_hash: prev });
    await sql`update audit_events set prev_hash = ${prev}, hash = ${hash} where seq = ${row.seq}`.execute(
      t.database.db,
    );
    prev = hash;
  }
  await t.database.db.updateTable("audit_head").set({ hash: prev }).where("id", "=", 1).execute();
}

describe(`signed audit checkpoints (issue 14, finding 4) (${process.env.PROBITY_TEST_DIALECT ?? "sqlite"})`, () => {
  let t: TestDb;
  let signer: AuditSigner;
  let exportFile: string;
  /** Events the fresh database already holds (the key check may record one). */
  let base = 0;
  beforeAll(async () => {
    t = await createTestDb();
    signer = await loadOrCreateAuditSigner(path.join(t.dir, "audit-signing.key"), 0);
    exportFile = path.join(t.dir, "audit-checkpoints.jsonl");
    base = Number((await t.database.db.selectFrom("audit_head").select("seq").executeTakeFirstOrThrow()).seq);
  });
  afterAll(() => t.destroy());

  const verify = () =>
    verifyLog(t.ctx(), { publicKey: signer.publicKey, exported: parseCheckpointFile(exportFile) });
  /** A thing created and updated, then a signed checkpoint of that head (appended to the export file). */
  async function eventsAndCheckpoint(options: { mailTo?: string } = {}) {
    await withTransaction(t.ctx(), async (tx) => {
      await record(tx, "thing.create", { type: "thing", id: "1" }, { name: "first" });
      await record(tx, "thing.update", { type: "thing", id: "1" }, { name: "second" });
    });
    const cp = await writeCheckpoint(t.ctx(), signer, { exportFile, ...options });
    if (!cp) throw new Error("no checkpoint written after two new events");
    return cp;
  }

  it("creates the signing key 0600 outside the database, and refuses to replace a lost one", async () => {
    const file = path.join(t.dir, "audit-signing.key");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(await readAuditPublicKey(file)).toBe(signer.publicKey);
    await expect(loadOrCreateAuditSigner(path.join(t.dir, "lost.key"), 3)).rejects.toThrow(
      /missing, but the database holds 3 checkpoints.*Restore the file/,
    );
  });

  it("signs the head, appends it to the export file, and an untampered log verifies", async () => {
    const cp = await eventsAndCheckpoint({ mailTo: "chair@example.com" });
    expect(cp).toMatchObject({ seq: base + 2, publicKey: signer.publicKey });
    // Its own audit event is no reason for another checkpoint.
    expect(await writeCheckpoint(t.ctx(), signer, { exportFile })).toBeNull();
    const lines = parseCheckpointFile(exportFile);
    expect(lines).toEqual([cp]);
    const mail = await t.database.db.selectFrom("outbox").selectAll().execute();
    expect(mail).toEqual([expect.objectContaining({ to_address: "chair@example.com" })]);
    expect(mail[0]!.body_text).toContain(cp.hash);

    await withTransaction(t.ctx(), (tx) =>
      record(tx, "thing.update", { type: "thing", id: "1" }, { name: "third" }),
    );
    expect(await writeCheckpoint(t.ctx(), signer, { exportFile })).toMatchObject({ seq: base + 4 });
    const result = await verify();
    expect(result).toMatchObject({ ok: true, verified: base + 5 });
    expect(result.message).toMatch(/2 signed checkpoints and 2 exported ones verified/);
  });

  it("a tampered checkpoint signature fails", async () => {
    const { seq } = await eventsAndCheckpoint();
    const original = await t.database.db
      .selectFrom("audit_checkpoints")
      .select("signature")
      .where("seq", "=", seq)
      .executeTakeFirstOrThrow();
    const forged = `${original.signature.slice(0, 10)}${original.signature[10] === "A" ? "B" : "A"}${original.signature.slice(11)}`;
    await t.database.db
      .updateTable("audit_checkpoints")
      .set({ signature: forged })
      .where("seq", "=", seq)
      .execute();
    const result = await verifyLog(t.ctx(), { publicKey: signer.publicKey });
    expect(result.ok).toBe(false);
    expect(result.message).toContain(`checkpoint at event ${seq} has an invalid signature`);
    await t.database.db.updateTable("audit_checkpoints").set(original).where("seq", "=", seq).execute();
    expect((await verify()).ok).toBe(true);
  });

  it("a consistent rewrite of the chain by someone with database write access fails: the signed checkpoint no longer matches", async () => {
    const { seq } = await eventsAndCheckpoint();
    await allowRewrites(t);
    await rewriteConsistently(t, seq - 1, '{"name":"forged"}');
    // The plain hash chain is fooled …
    const chainOnly = await verifyLog(t.ctx());
    expect(chainOnly.ok).toBe(true);
    // … the signed checkpoints are not, in the database …
    const stored = await verifyLog(t.ctx(), { publicKey: signer.publicKey });
    expect(stored.ok).toBe(false);
    expect(stored.message).toMatch(
      new RegExp(`checkpoint at event ${seq} signed hash .* but the log now has .*rewritten`),
    );
    // … and neither is the exported file once the attacker also deletes the stored checkpoints.
    await t.database.db.deleteFrom("audit_checkpoints").execute();
    expect((await verifyLog(t.ctx(), { publicKey: signer.publicKey })).ok).toBe(true);
    const exported = await verify();
    expect(exported.ok).toBe(false);
    expect(exported.message).toContain(`exported checkpoint at event ${seq} signed hash`);
  });
});

import { randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTotpSecret, sealTotpSecret } from "../src/domains/people/totp-secret.ts";
import { fileReport } from "../src/domains/speakup/file-report.ts";
import { getCase } from "../src/domains/speakup/get-case.ts";
import { openMailbox, readMailbox } from "../src/domains/speakup/mailbox.ts";
import { reportInput } from "../src/domains/speakup/schemas.ts";
import { ReceiptThrottle } from "../src/domains/speakup/throttle.ts";
import { systemActor } from "../src/kernel/context.ts";
import { generateKey, open, seal, writeNewKeyFile } from "../src/kernel/crypto.ts";
import { envKeyProvider, fileKeyProvider, vaultTransitKeyProvider } from "../src/kernel/key-provider.ts";
import { checkKeyOpensSample, openKeyRing, rotateKeys } from "../src/kernel/key-ring.ts";
import { createTestDb, type TestDb } from "./db.ts";
import { buildUser } from "./factories.ts";

const dialectName = process.env.PROBITY_TEST_DIALECT ?? "sqlite";

/** Issue 14, finding 1: a missing or different key never silently replaces the one that sealed the data. */
describe(`the key bound to the database (${dialectName})`, () => {
  let t: TestDb;
  const bare = () => ({
    db: t.database.db,
    dialect: t.database.dialect,
    actor: systemActor("test"),
    clock: t.clock,
  });
  const keyFile = () => path.join(t.dir, "probity.key");
  const report = (summary: string) =>
    reportInput.parse({
      category: "accounting",
      summary,
      details: "Quarter-end shipments were invoiced in advance.",
      password: "reporter-pass-1",
      idempotencyKey: randomUUID(),
    });

  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.destroy());

  it("an empty database gets a new key file, as on a first start", async () => {
    const fresh = await createTestDb();
    try {
      // createTestDb starts like the server: no key file, empty database → key created and bound.
      expect(fs.existsSync(path.join(fresh.dir, "probity.key"))).toBe(true);
      const again = await openKeyRing(
        {
          db: fresh.database.db,
          dialect: fresh.database.dialect,
          actor: systemActor("t"),
          clock: fresh.clock,
        },
        fileKeyProvider(path.join(fresh.dir, "probity.key")),
      );
      expect(Buffer.from(again.macKey).equals(Buffer.from(fresh.keyRing.macKey))).toBe(true);
    } finally {
      await fresh.destroy();
    }
  });

  it("refuses to start with a missing key next to sealed reports, names the fix, and creates no key (COC-22.2)", async () => {
    await fileReport(t.ctx(), report("Restored without its key"));
    const missing = path.join(t.dir, "restored", "probity.key");
    await expect(openKeyRing(bare(), fileKeyProvider(missing))).rejects.toThrow(
      /will not start: the key file .*probity\.key is missing, but the database holds sealed data \(\d+ speak-up case keys.*To fix: restore the key file/,
    );
    expect(fs.existsSync(missing)).toBe(false);
  });

  it("refuses a second server with a different key on the same database", async () => {
    const other = path.join(t.dir, "other.key");
    await writeNewKeyFile(other);
    await expect(openKeyRing(bare(), fileKeyProvider(other))).rejects.toThrow(
      /does not open this database's sealed data.*must use the same key/,
    );
    // The same key through PROBITY_KEY is accepted: one key, any source.
    const base64 = fs.readFileSync(keyFile(), "utf8").trim();
    const viaEnv = await openKeyRing(bare(), envKeyProvider("PROBITY_KEY", base64));
    expect(Buffer.from(viaEnv.macKey).equals(Buffer.from(t.keyRing.macKey))).toBe(true);
  });

  it("two servers starting together on an empty database with their own keys: one starts, the other is refused", async () => {
    const fresh = await createTestDb();
    try {
      await fresh.database.db.deleteFrom("settings").where("key", "=", "keys.check").execute();
      const ctx = { ...fresh.ctx(), keyRing: undefined };
      const results = await Promise.allSettled([
        openKeyRing(ctx, fileKeyProvider(path.join(fresh.dir, "a", "probity.key"))),
        openKeyRing(ctx, fileKeyProvider(path.join(fresh.dir, "b", "probity.key"))),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
      const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(String(refused.reason)).toMatch(/must use the same key/);
    } finally {
      await fresh.destroy();
    }
  });

  it("a second server without a key file, after the first bound an empty database, is told to use the same key", async () => {
    const fresh = await createTestDb();
    try {
      await fresh.database.db.deleteFrom("settings").where("key", "=", "keys.check").execute();
      const ctx = { ...fresh.ctx(), keyRing: undefined };
      await openKeyRing(ctx, fileKeyProvider(path.join(fresh.dir, "a", "probity.key")));
      const second = path.join(fresh.dir, "b", "probity.key");
      await expect(openKeyRing(ctx, fileKeyProvider(second))).rejects.toThrow(
        /is missing.*bound to a key \(key check of .*must use the same key/,
      );
      expect(fs.existsSync(second)).toBe(false);
    } finally {
      await fresh.destroy();
    }
  });

  it("checks a database sealed before the key check by opening its sealed rows", async () => {
    const legacy = await createTestDb();
    try {
      const ctx = legacy.ctx();
      await fileReport(ctx, report("Sealed before the check existed"));
      await legacy.database.db.deleteFrom("settings").where("key", "=", "keys.check").execute();
      const bareLegacy = { ...ctx, keyRing: undefined };
      const other = path.join(legacy.dir, "other.key");
      await writeNewKeyFile(other);
      await expect(openKeyRing(bareLegacy, fileKeyProvider(other))).rejects.toThrow(/does not open/);
      const ring = await openKeyRing(bareLegacy, fileKeyProvider(path.join(legacy.dir, "probity.key")));
      // Its hashes were keyed by the KEK itself, so that remains the hashing key.
      expect(Buffer.from(ring.macKey).equals(Buffer.from(ring.kek))).toBe(true);
    } finally {
      await legacy.destroy();
    }
  });

  it("rotates every case key and second-factor secret to a new key; the new key alone reads everything", async () => {
    const throttle = new ReceiptThrottle();
    const filed = [];
    for (let i = 0; i < 5; i++) filed.push(await fileReport(t.ctx(), report(`Rotation marker ${i}`)));
    const user = await buildUser(t.ctx(), ["admin"]);
    await t.database.db
      .withTables<{ users: { id: string; totp_secret: string | null } }>()
      .updateTable("users")
      .set({ totp_secret: sealTotpSecret(t.ctx(), user.id, "JBSWY3DPEHPK3PXP") })
      .where("id", "=", user.id)
      .execute();

    const newFile = path.join(t.dir, "new.key");
    const newKek = await writeNewKeyFile(newFile);
    const first = await rotateKeys(t.ctx(), t.keyRing, newKek, 2);
    expect(first["speak-up case keys"]?.rewrapped).toBeGreaterThanOrEqual(5);
    expect(first["second-factor secrets"]?.rewrapped).toBe(1);
    // Re-run (as after a crash): nothing left to do, nothing broken.
    const again = await rotateKeys(t.ctx(), t.keyRing, newKek, 2);
    expect(again["speak-up case keys"]?.rewrapped).toBe(0);
    expect(again["speak-up case keys"]?.alreadyNew).toBe(first["speak-up case keys"]?.rewrapped);

    // The old key no longer starts a server; the new one alone does, and opens everything.
    await expect(openKeyRing(bare(), fileKeyProvider(keyFile()))).rejects.toThrow(/does not open/);
    const ring = await openKeyRing(bare(), fileKeyProvider(newFile));
    const ctx = { ...t.ctx(), keyRing: ring };
    for (const f of filed) {
      const kase = await getCase(ctx, f.caseId);
      expect(JSON.stringify(kase)).toContain("Rotation marker");
    }
    // Receipts and person refs are keyed by the hashing key, which survives the rotation.
    const { token } = await openMailbox(ctx, {
      receipt: filed[0]!.receipt,
      password: "reporter-pass-1",
      throttle,
    });
    expect(JSON.stringify(await readMailbox(ctx, token))).toContain("Rotation marker 0");
    expect(openTotpSecret(ctx, user.id, await totpOf(user.id))).toBe("JBSWY3DPEHPK3PXP");

    const doctor = await checkKeyOpensSample(ctx, ring);
    expect(doctor.failed).toEqual([]);
    expect(doctor.openedByCurrent).toBe(doctor.sampled);
    expect(doctor.counts["speak-up case keys"]).toBeGreaterThanOrEqual(5);

    const events = await t.database.db
      .selectFrom("audit_events")
      .select("action")
      .where("action", "in", ["keys.check", "keys.rotate"])
      .execute();
    expect(events.map((e) => e.action)).toEqual(["keys.check", "keys.rotate", "keys.rotate"]);
  });

  it("takes its key from Vault's transit engine: only the Vault ciphertext is on disk (stub of the transit API)", async () => {
    // No Vault binary can be installed here: this stub answers transit/datakey and transit/decrypt
    // as Vault's HTTP API documents them (JSON in, { data: { plaintext, ciphertext } } out).
    const vaultKey = await generateKey();
    const calls: string[] = [];
    const server = http.createServer((req, res) => {
      let body = "";
      req.on("data", (c) => {
        body += c;
      });
      req.on("end", () => {
        calls.push(req.url ?? "");
        const reply = (status: number, json: unknown) => {
          res.writeHead(status, { "content-type": "application/json" });
          res.end(JSON.stringify(json));
        };
        if (req.headers["x-vault-token"] !== "s.probity")
          return reply(403, { errors: ["permission denied"] });
        if (req.url === "/v1/transit/datakey/plaintext/probity") {
          const plain = Buffer.from(crypto.getRandomValues(new Uint8Array(32)));
          const ciphertext = `vault:v1:${Buffer.from(seal(vaultKey, plain, "transit")).toString("base64")}`;
          return reply(200, { data: { plaintext: plain.toString("base64"), ciphertext } });
        }
        if (req.url === "/v1/transit/decrypt/probity") {
          const { ciphertext } = JSON.parse(body) as { ciphertext: string };
          const sealed = Buffer.from(ciphertext.replace(/^vault:v1:/, ""), "base64").toString();
          try {
            return reply(200, {
              data: { plaintext: Buffer.from(open(vaultKey, sealed, "transit")).toString("base64") },
            });
          } catch {
            return reply(400, { errors: ["cipher: message authentication failed"] });
          }
        }
        reply(404, { errors: [] });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const addr = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const fresh = await createTestDb();
    try {
      const ctx = { ...fresh.ctx(), keyRing: undefined };
      await fresh.database.db.deleteFrom("settings").where("key", "=", "keys.check").execute(); // an empty database
      const wrapped = path.join(fresh.dir, "vault", "probity.key");
      const vault = vaultTransitKeyProvider({ addr, token: "s.probity", keyName: "probity" }, wrapped);
      const first = await openKeyRing(ctx, vault);
      expect(fs.readFileSync(wrapped, "utf8")).toMatch(/^vault:v1:/);
      expect(fs.readFileSync(wrapped, "utf8")).not.toContain(Buffer.from(first.kek).toString("base64"));
      const second = await openKeyRing(ctx, vault);
      expect(Buffer.from(second.kek).equals(Buffer.from(first.kek))).toBe(true);
      expect(calls).toEqual(["/v1/transit/datakey/plaintext/probity", "/v1/transit/decrypt/probity"]);
      const denied = vaultTransitKeyProvider({ addr, token: "s.revoked", keyName: "probity" }, wrapped);
      await expect(openKeyRing(ctx, denied)).rejects.toThrow(
        /Vault answered 403 to transit\/decrypt\/probity: permission denied/,
      );
    } finally {
      server.close();
      await fresh.destroy();
    }
  });

  const totpOf = async (id: string) =>
    (
      await t.database.db
        .withTables<{ users: { id: string; totp_secret: string | null } }>()
        .selectFrom("users")
        .select("totp_secret")
        .where("id", "=", id)
        .executeTakeFirstOrThrow()
    ).totp_secret!;
});

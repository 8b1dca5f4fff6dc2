import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { record } from "../src/kernel/audit.ts";
import { writeCheckpoint } from "../src/kernel/audit-checkpoint.ts";
import { withTransaction } from "../src/kernel/context.ts";
import { createTestApp, signedIn, type TestApp } from "./app.ts";

describe(`POST /api/audit/verify checks the signed checkpoints (issue 14, finding 4) (${process.env.PROBITY_TEST_DIALECT ?? "sqlite"})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ totp: "off" });
  });
  afterAll(() => t.destroy());

  it("passes untampered and fails once a checkpoint's signature is altered", async () => {
    const admin = await signedIn(t, ["admin"]);
    await withTransaction(t.ctx(), (tx) => record(tx, "thing.create", { type: "thing", id: "1" }));
    expect(await writeCheckpoint(t.ctx(), t.app.auditSigner)).not.toBeNull();
    const ok = (await admin.send("POST", "/api/audit/verify")).json();
    expect(ok).toMatchObject({ ok: true });
    expect(ok.message).toMatch(/1 signed checkpoints verified/);

    await t.database.db.updateTable("audit_checkpoints").set({ signature: "AAAA" }).execute();
    const bad = (await admin.send("POST", "/api/audit/verify")).json();
    expect(bad).toMatchObject({ ok: false });
    expect(bad.message).toMatch(/invalid signature/);
  });
});

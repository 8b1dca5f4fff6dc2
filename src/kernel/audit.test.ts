import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { record, verifyChain } from "./audit.ts";
import { withTransaction } from "./context.ts";

describe(`audit log (${process.env.PROBITY_TEST_DIALECT ?? "sqlite"})`, () => {
  let t: TestDb;
  /** Events a fresh database already holds (the key check written at first start). */
  let base: number;
  beforeAll(async () => {
    t = await createTestDb();
    base = (await t.database.db.selectFrom("audit_events").select("seq").execute()).length;
  });
  afterAll(() => t.destroy());

  it("chains events and verifies them", async () => {
    await withTransaction(t.ctx(), async (tx) => {
      await record(tx, "thing.create", { type: "thing", id: "1" }, { name: "first", password: "hunter2" });
      await record(tx, "thing.update", { type: "thing", id: "1" }, { name: "second" });
    });
    const rows = (await t.database.db.selectFrom("audit_events").selectAll().orderBy("seq").execute()).slice(
      base,
    );
    expect(rows.map((r) => Number(r.seq))).toEqual([base + 1, base + 2]);
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
    // No secrets in the payload.
    expect(rows[0]!.payload).not.toContain("hunter2");
    expect(JSON.parse(rows[0]!.payload)).toEqual({ name: "first", password: "[redacted]" });
    expect(await verifyChain(t.ctx())).toMatchObject({ ok: true, verified: base + 2 });
  });

  it("refuses to record outside a transaction", async () => {
    await expect(record(t.ctx(), "x", null)).rejects.toThrow(/inside the use case's transaction/);
  });

  it("rolls back with the use case", async () => {
    await expect(
      withTransaction(t.ctx(), async (tx) => {
        await record(tx, "thing.delete", { type: "thing", id: "1" });
        throw new Error("use case failed");
      }),
    ).rejects.toThrow("use case failed");
    expect(await verifyChain(t.ctx())).toMatchObject({ ok: true, verified: base + 2 });
  });

  it("database triggers refuse UPDATE and DELETE", async () => {
    await expect(
      sql`update audit_events set action = 'forged' where seq = ${base + 1}`.execute(t.database.db),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql`delete from audit_events where seq = ${base + 2}`.execute(t.database.db),
    ).rejects.toThrow(/append-only/);
  });

  it("serialises concurrent writers into one unbroken chain", async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        withTransaction(t.ctx(), (tx) => record(tx, "thing.parallel", { type: "thing", id: String(i) })),
      ),
    );
    expect(await verifyChain(t.ctx())).toMatchObject({ ok: true, verified: base + 22 });
  });

  it("names the first altered event once the triggers are bypassed", async () => {
    if (t.database.dialect === "postgres") {
      await sql`alter table audit_events disable trigger audit_events_append_only`.execute(t.database.db);
    } else {
      await sql`drop trigger audit_events_no_update`.execute(t.database.db);
    }
    const altered = base + 2;
    await sql`update audit_events set payload = '{"name":"tampered"}' where seq = ${altered}`.execute(
      t.database.db,
    );
    const result = await verifyChain(t.ctx());
    expect(result).toMatchObject({ ok: false, firstBadSeq: altered, verified: altered - 1 });
    expect(result.message).toMatch(new RegExp(`event ${altered} \\(thing.update\\) has been altered`));
  });
});

import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { record, verifyChain } from "./audit.ts";
import { withTransaction } from "./context.ts";

describe(`audit log (${process.env.PROBITY_TEST_DIALECT ?? "sqlite"})`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.destroy());

  /** How many events the log holds (a fresh database already has the key check of its first start). */
  const eventCount = async () =>
    (await t.database.db.selectFrom("audit_events").select("seq").execute()).length;
  /** A thing created and updated in one transaction: each test records the events it needs. */
  const createAndUpdate = () =>
    withTransaction(t.ctx(), async (tx) => {
      await record(tx, "thing.create", { type: "thing", id: "1" }, { name: "first", password: "hunter2" });
      await record(tx, "thing.update", { type: "thing", id: "1" }, { name: "second" });
    });

  it("chains events and verifies them", async () => {
    const before = await eventCount();
    await createAndUpdate();
    const rows = (await t.database.db.selectFrom("audit_events").selectAll().orderBy("seq").execute()).slice(
      before,
    );
    expect(rows.map((r) => Number(r.seq))).toEqual([before + 1, before + 2]);
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
    // No secrets in the payload.
    expect(rows[0]!.payload).not.toContain("hunter2");
    expect(JSON.parse(rows[0]!.payload)).toEqual({ name: "first", password: "[redacted]" });
    expect(await verifyChain(t.ctx())).toMatchObject({ ok: true, verified: before + 2 });
  });

  it("refuses to record outside a transaction", async () => {
    await expect(record(t.ctx(), "x", null)).rejects.toThrow(/inside the use case's transaction/);
  });

  it("rolls back with the use case", async () => {
    await createAndUpdate();
    const before = await eventCount();
    await expect(
      withTransaction(t.ctx(), async (tx) => {
        await record(tx, "thing.delete", { type: "thing", id: "1" });
        throw new Error("use case failed");
      }),
    ).rejects.toThrow("use case failed");
    expect(await eventCount()).toBe(before);
    expect(await verifyChain(t.ctx())).toMatchObject({ ok: true, verified: before });
  });

  it("database triggers refuse UPDATE and DELETE", async () => {
    await createAndUpdate();
    const last = await eventCount();
    await expect(
      sql`update audit_events set action = 'forged' where seq = ${last - 1}`.execute(t.database.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_events where seq = ${last}`.execute(t.database.db)).rejects.toThrow(
      /append-only/,
    );
  });

  it("serialises concurrent writers into one unbroken chain", async () => {
    const before = await eventCount();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        withTransaction(t.ctx(), (tx) => record(tx, "thing.parallel", { type: "thing", id: String(i) })),
      ),
    );
    expect(await verifyChain(t.ctx())).toMatchObject({ ok: true, verified: before + 20 });
  });

  it("names the first altered event once the triggers are bypassed", async () => {
    await createAndUpdate();
    const altered = await eventCount(); // the update just recorded
    if (t.database.dialect === "postgres") {
      await sql`alter table audit_events disable trigger audit_events_append_only`.execute(t.database.db);
    } else {
      await sql`drop trigger audit_events_no_update`.execute(t.database.db);
    }
    await sql`update audit_events set payload = '{"name":"tampered"}' where seq = ${altered}`.execute(
      t.database.db,
    );
    const result = await verifyChain(t.ctx());
    expect(result).toMatchObject({ ok: false, firstBadSeq: altered, verified: altered - 1 });
    expect(result.message).toMatch(new RegExp(`event ${altered} \\(thing.update\\) has been altered`));
  });
});

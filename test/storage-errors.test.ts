import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTransaction } from "../src/kernel/context.ts";
import { createTestApp, type TestApp } from "./app.ts";

const report = (idempotencyKey = randomUUID()) => ({
  category: "fraud_theft",
  summary: "Invoices paid twice",
  details: "x".repeat(19_000),
  identityMode: "anonymous",
  password: "a reporter password",
  idempotencyKey,
});

describe(`storage errors (issue 14, finding 5) (${process.env.PROBITY_TEST_DIALECT ?? "sqlite"})`, () => {
  let t: TestApp;
  const lines: string[] = [];
  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    t = await createTestApp({ log: { level: "info", stream } });
  });
  afterAll(() => t.destroy());

  it("health answers ok while the database accepts writes", async () => {
    const res = await t.server.inject({ method: "GET", url: "/api/health" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: "ok", database: t.database.dialect });
  });

  it("withTransaction surfaces the use case's own error, not a failed rollback's", async () => {
    // On PostgreSQL a read-only transaction refuses the write (25006); on SQLite a full database
    // (SQLITE_FULL) has already rolled the transaction back, so ROLLBACK itself fails.
    const error = await withTransaction(t.ctx(), async (tx) => {
      if (t.database.dialect === "postgres") {
        await sql`set transaction read only`.execute(tx.db);
      } else {
        await sql`rollback`.execute(tx.db); // what SQLite does by itself on SQLITE_FULL
      }
      throw Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" });
    }).catch((e: unknown) => e as Error & { rollbackError?: string });
    expect(error.message).toBe("database or disk is full");
    if (t.database.dialect === "sqlite") expect(error.rollbackError).toMatch(/no transaction is active/);
  });

  it("a read-only PostgreSQL transaction is a storage error (25006), not a 500", async () => {
    if (t.database.dialect !== "postgres") return;
    const error = await withTransaction(t.ctx(), async (tx) => {
      await sql`set transaction read only`.execute(tx.db);
      await tx.db.insertInto("health_probe").values({ id: 2, checked_at: "x" }).execute();
    }).then(
      () => ({ code: "no error" }),
      (e: unknown) => e as { code?: string },
    );
    expect(error.code).toBe("25006");
  });

  it("a full SQLite database (SQLITE_FULL) answers 503 with the cause, logs it, and health says not writable", async () => {
    if (t.database.dialect !== "sqlite") return;
    const before = await t.server.inject({ method: "POST", url: "/api/speakup/reports", payload: report() });
    expect(before.statusCode, before.body).toBe(201);
    // No new page may be added: every insert that needs one fails with a genuine SQLITE_FULL.
    const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(t.database.db);
    await sql.raw(`pragma max_page_count = ${rows[0]!.page_count}`).execute(t.database.db);
    try {
      const res = await t.server.inject({ method: "POST", url: "/api/speakup/reports", payload: report() });
      expect(res.statusCode, res.body).toBe(503);
      expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
      expect(res.json()).toMatchObject({ code: "STORAGE_UNAVAILABLE", status: 503 });
      expect(res.json().detail).toMatch(
        /disk holding the database is full \(SQLITE_FULL\).*Nothing was saved/,
      );
      const logged = lines.join("");
      expect(logged).toMatch(/SQLITE_FULL/);
      expect(logged).not.toMatch(/cannot rollback/);

      t.clock.advance(10_000); // past the health probe's cache
      const health = await t.server.inject({ method: "GET", url: "/api/health" });
      expect(health.statusCode, health.body).toBe(503);
      expect(health.json()).toMatchObject({ status: "unavailable", database: "not writable" });
      expect(health.json().detail).toMatch(/maximum size|SQLITE_FULL/);
    } finally {
      await sql`pragma max_page_count = 1073741823`.execute(t.database.db);
    }
  });
});

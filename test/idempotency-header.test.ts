import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./app.ts";

const report = (extra: Record<string, unknown> = {}) => ({
  category: "fraud_theft",
  summary: "Invoices paid twice",
  identityMode: "anonymous",
  password: "a reporter password",
  ...extra,
});

describe(`Idempotency-Key header on POST /api/speakup/reports (issue 14, finding 7) (${process.env.PROBITY_TEST_DIALECT ?? "sqlite"})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.destroy());

  const file = (payload: unknown, key?: string) =>
    t.server.inject({
      method: "POST",
      url: "/api/speakup/reports",
      payload: payload as Record<string, unknown>,
      ...(key !== undefined && { headers: { "idempotency-key": key } }),
    });

  it("a retried submission with the same header files one report and returns the same receipt (COC-21.1)", async () => {
    const key = randomUUID();
    const first = await file(report(), key);
    expect(first.statusCode, first.body).toBe(201);
    const again = await file(report(), `"${key}"`); // the draft's structured-field string form
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().receipt).toBe(first.json().receipt);
    expect(again.json().caseId).toBe(first.json().caseId);
  });

  it("the header and the body field together must be the same key", async () => {
    const key = randomUUID();
    const same = await file(report({ idempotencyKey: key }), key);
    expect(same.statusCode, same.body).toBe(201);
    const differ = await file(report({ idempotencyKey: randomUUID() }), randomUUID());
    expect(differ.statusCode).toBe(422);
    expect(differ.json().detail).toMatch(/Idempotency-Key header and the idempotencyKey field differ/);
  });

  it("without header or field the request says the key is missing", async () => {
    const res = await file(report());
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: "idempotencyKey" })]),
    );
  });
});

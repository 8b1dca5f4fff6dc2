import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./app.ts";

const dialect = process.env.PROBITY_TEST_DIALECT ?? "sqlite";
const PROXY = "10.1.2.3";
const ELSEWHERE = "198.51.100.9";

const report = () => ({
  category: "fraud_theft",
  summary: "Invoices paid twice",
  identityMode: "anonymous",
  password: "a reporter password",
  idempotencyKey: randomUUID(),
});

describe(`behind a reverse proxy: TRUSTED_PROXIES (issue 14, finding 3) (${dialect})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { TRUSTED_PROXIES: "10.0.0.0/8,127.0.0.1" } });
  });
  afterAll(() => t.destroy());

  /** A report sent to the API from `peer` (the socket address) with the given X-Forwarded-For. */
  const fileFrom = (peer: string, forwardedFor?: string, payload: object = {}) =>
    t.server.inject({
      method: "POST",
      url: "/api/speakup/reports",
      remoteAddress: peer,
      ...(forwardedFor !== undefined && { headers: { "x-forwarded-for": forwardedFor } }),
      payload,
    });

  it("COC-22.2: two clients behind the same proxy each have their own report limit: A's 31st report in a minute is refused, B's first goes through", async () => {
    const a: number[] = [];
    // An empty body is refused by validation (400) after the limit counted it: cheap and enough.
    for (let i = 0; i < 31; i++) a.push((await fileFrom(PROXY, "203.0.113.1")).statusCode);
    expect(a.slice(0, 30)).toEqual(Array(30).fill(400));
    expect(a[30]).toBe(429);
    const b = await fileFrom(PROXY, "203.0.113.2", report());
    expect(b.statusCode, b.body).toBe(201);
  });

  it("a client that reaches the server directly cannot pick its own address with X-Forwarded-For", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++)
      statuses.push((await fileFrom(ELSEWHERE, `203.0.113.${100 + i}`)).statusCode);
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(400));
    expect(statuses[30]).toBe(429);
    // Nor spend another client's budget: the address it claimed is still free behind the proxy.
    expect((await fileFrom(PROXY, "203.0.113.100", report())).statusCode).toBe(201);
  });

  it("a client behind the proxy that sends its own X-Forwarded-For is still counted as itself (the proxy appends the real address)", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++)
      statuses.push((await fileFrom(PROXY, `192.0.2.${i + 1}, 203.0.113.50`)).statusCode);
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(400));
    expect(statuses[30]).toBe(429);
  });

  it("the sign-in limit is per forwarded client too", async () => {
    const login = (client: string) =>
      t.server.inject({
        method: "POST",
        url: "/api/auth/login",
        remoteAddress: PROXY,
        headers: { "x-forwarded-for": client },
        payload: {},
      });
    const a: number[] = [];
    for (let i = 0; i < 21; i++) a.push((await login("203.0.113.60")).statusCode);
    expect(a[20]).toBe(429);
    expect((await login("203.0.113.61")).statusCode).not.toBe(429);
  });

  it("COC-22.2: wrong mailbox tries lock one receipt, not the other reporters behind the same proxy", async () => {
    const filedA = await fileFrom(PROXY, "203.0.113.70", report());
    const filedB = await fileFrom(PROXY, "203.0.113.71", report());
    const receiptA = filedA.json().receipt as string;
    const receiptB = filedB.json().receipt as string;
    const open = (client: string, receipt: string, password: string) =>
      t.server.inject({
        method: "POST",
        url: "/api/speakup/mailbox/login",
        remoteAddress: PROXY,
        headers: { "x-forwarded-for": client },
        payload: { receipt, password },
      });
    const wrong: number[] = [];
    for (let i = 0; i < 11; i++) wrong.push((await open("203.0.113.72", receiptA, `guess ${i}`)).statusCode);
    expect(wrong.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(wrong[10]).toBe(429);
    // The other reporter, from another client or even from the guesser's, still gets in.
    expect((await open("203.0.113.71", receiptB, "a reporter password")).statusCode).toBe(200);
    expect((await open("203.0.113.72", receiptB, "a reporter password")).statusCode).toBe(200);
  });
});

describe(`TRUST_PROXY still works, with a warning (${dialect})`, () => {
  it("TRUST_PROXY=true still starts, with a start-up warning that clients could pick their own address", async () => {
    const lines: string[] = [];
    const stream = new (await import("node:stream")).Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const t = await createTestApp({ env: { TRUST_PROXY: "true" }, log: { level: "info", stream } });
    try {
      expect(lines.join("")).toMatch(/TRUST_PROXY=true believes X-Forwarded-For from anyone/);
    } finally {
      await t.destroy();
    }
  });
});

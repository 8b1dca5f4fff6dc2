/**
 * The servers bench/load.ts measures, in their own process: Probity on the Aleris demo and a bare
 * Fastify answering the same JSON as /api/health. Prints one JSON line (addresses and signed-in
 * sessions), then serves until its standard input closes.
 */
import type { AddressInfo } from "node:net";
import Fastify from "fastify";
import { createProbity } from "../src/app.ts";
import { seedIfEmpty } from "../src/cli/seed.ts";
import { demoAccountsForLogin } from "../src/demo/seed-demo.ts";
import { loadConfig } from "../src/kernel/config.ts";
import type { Dialect } from "../src/kernel/db.ts";
import { openBenchDatabase } from "./bench-db.ts";

/** A distinct client address per benchmark connection (TEST-NET-style 198.18.0.0/15). */
export const forwarded = (i: number) => `198.18.${Math.floor(i / 250)}.${(i % 250) + 1}`;

async function serve() {
  const dialect = (process.env.BENCH_DIALECT ?? "sqlite") as Dialect;
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 100);
  const bench = await openBenchDatabase(dialect);
  const config = loadConfig({
    PROBITY_DATA_DIR: bench.dir,
    LOG_LEVEL: "silent",
    TRUSTED_PROXIES: "127.0.0.1",
    HOST: "127.0.0.1",
    NODE_ENV: "production",
  });
  const log = console.log;
  console.log = () => {}; // the demo seed's progress lines would break the one JSON line
  await seedIfEmpty(bench.database, config);
  const app = await createProbity({ config, database: bench.database, logLevel: false });
  await app.server.listen({ port: 0, host: "127.0.0.1" });
  const base = `http://127.0.0.1:${(app.server.server.address() as AddressInfo).port}`;
  const bare = Fastify();
  bare.get("/health", async () => ({ status: "ok", database: dialect, version: "0.1.0" }));
  await bare.listen({ port: 0, host: "127.0.0.1" });
  const bareUrl = `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}/health`;

  const accounts = demoAccountsForLogin();
  const account = (role: string) => {
    const found = accounts.find((a) => a.roles.includes(role));
    if (!found) throw new Error(`The demo has no ${role} account.`);
    return found;
  };
  const signIn = async (who: { email: string; password: string }) => {
    const out: { cookie: string; csrf: string }[] = [];
    for (let i = 0; i < connections; i++) {
      const res = await fetch(`${base}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": forwarded(i) },
        body: JSON.stringify({ email: who.email, password: who.password }),
      });
      if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
      const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      out.push({ cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken });
    }
    return out;
  };
  const sessions = {
    handler: await signIn(account("compliance_officer")),
    admin: await signIn(account("admin")),
    hotline: await signIn(account("hotline_operator")),
  };
  log(JSON.stringify({ base, bareUrl, sessions }));
  process.stdin.resume();
  process.stdin.on("end", async () => {
    await bare.close();
    await app.close();
    await bench.drop();
    process.exit(0);
  });
}

if (process.env.BENCH_DIALECT !== undefined) await serve();

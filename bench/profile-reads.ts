/**
 * Where a read's time goes, without the network: the Aleris demo on SQLite, one signed-in handler,
 * `PROFILE_N` sequential requests per path through Fastify's inject (every hook, the serializer and
 * the database, not the socket). `node --import tsx bench/profile-reads.ts` prints the mean time per
 * request per path; with PROFILE_OUT=dir, a CPU profile of each path's requests only (not the seed)
 * is written there, for `node bench/profile-summary.mjs <file>`.
 */
import fs from "node:fs";
import { Session } from "node:inspector/promises";
import { createProbity } from "../src/app.ts";
import { seedIfEmpty } from "../src/cli/seed.ts";
import { demoAccountsForLogin } from "../src/demo/seed-demo.ts";
import { loadConfig } from "../src/kernel/config.ts";
import { openBenchDatabase } from "./bench-db.ts";

const N = Number(process.env.PROFILE_N ?? 400);
const bench = await openBenchDatabase("sqlite");
const config = loadConfig({ PROBITY_DATA_DIR: bench.dir, LOG_LEVEL: "silent", NODE_ENV: "production" });
const log = console.log;
console.log = () => {};
await seedIfEmpty(bench.database, config);
const app = await createProbity({ config, database: bench.database, logLevel: false });
const who = demoAccountsForLogin().find((a) => a.roles.includes("compliance_officer"));
if (!who) throw new Error("no compliance officer in the demo");
const login = await app.server.inject({
  method: "POST",
  url: "/api/auth/login",
  payload: { email: who.email, password: who.password },
});
const cookie = String(login.headers["set-cookie"]).split(";")[0] ?? "";
for (const url of (process.env.PROFILE_PATHS ?? "/api/health,/api/speakup/cases,/api/people").split(",")) {
  const res = await app.server.inject({ method: "GET", url, headers: { cookie } });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
  const inspector = process.env.PROFILE_OUT ? new Session() : undefined;
  if (inspector) {
    inspector.connect();
    await inspector.post("Profiler.enable");
    await inspector.post("Profiler.start");
  }
  const started = performance.now();
  for (let i = 0; i < N; i++) await app.server.inject({ method: "GET", url, headers: { cookie } });
  if (inspector) {
    const { profile } = await inspector.post("Profiler.stop");
    const file = `${process.env.PROFILE_OUT}/${url.replace(/\W+/g, "_")}.cpuprofile`;
    fs.writeFileSync(file, JSON.stringify(profile));
    inspector.disconnect();
  }
  log(`${url}: ${((performance.now() - started) / N).toFixed(2)} ms per request (${N} requests)`);
}
await app.close();
await bench.drop();

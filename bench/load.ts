/**
 * Reads under load (issue 14): the whole server on loopback, driven by autocannon at 100
 * connections, against a bare Fastify server measured in the same run. Paths: bare Fastify,
 * /api/health, the compliance officer's case list, the people list, the dashboard, and one write
 * (a hotline operator files a phone report: sealed, audited, numbered). Data: the Aleris demo.
 *
 * The servers run in a child process (bench/load-server.ts), so the load generator does not share
 * their event loop. Each connection has its own session and its own forwarded address
 * (TRUSTED_PROXIES=127.0.0.1), as users behind a reverse proxy would: the per-session and
 * per-client request limits then apply as in production without one benchmark client using up
 * the budget of all.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import type { Dialect } from "../src/kernel/db.ts";
import { forwarded } from "./load-server.ts";
import type { BenchResult } from "./run.ts";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

type Measured = { name: string; rps: number; p50: number; p99: number; errors: number; non2xx: number };

async function hammer(
  name: string,
  url: string,
  options: {
    headersFor?: (i: number) => Record<string, string>;
    method?: "GET" | "POST";
    body?: () => string;
  } = {},
): Promise<Measured> {
  let next = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    method: options.method ?? "GET",
    ...(options.headersFor && {
      setupClient: (client: { setHeaders(h: Record<string, string>): void }) => {
        client.setHeaders(options.headersFor!(next++));
      },
    }),
    ...(options.body && {
      requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, body: options.body!() }) }],
    }),
  });
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

type Session = { cookie: string; csrf: string };
type Served = { base: string; bareUrl: string; sessions: Record<"handler" | "admin" | "hotline", Session[]> };

async function measure(dialect: Dialect): Promise<Measured[]> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(import.meta.dirname, "load-server.ts")],
    {
      env: { ...process.env, BENCH_DIALECT: dialect, BENCH_CONNECTIONS: String(CONNECTIONS) },
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  const served = await new Promise<Served>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += String(chunk);
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve(JSON.parse(line) as Served);
    });
    child.on("exit", (code) => reject(new Error(`load-server exited with ${code}`)));
  });
  const { base, bareUrl, sessions } = served;
  const as = (list: Session[]) => (i: number) => ({
    cookie: list[i % list.length]!.cookie,
    "x-csrf-token": list[i % list.length]!.csrf,
    "x-forwarded-for": forwarded(i),
    "content-type": "application/json",
  });

  const results: Measured[] = [];
  try {
    results.push(await hammer("bare Fastify (same JSON)", bareUrl));
    results.push(
      await hammer("GET /api/health", `${base}/api/health`, {
        headersFor: (i) => ({ "x-forwarded-for": forwarded(i) }),
      }),
    );
    results.push(
      await hammer("GET /api/speakup/cases (compliance officer)", `${base}/api/speakup/cases`, {
        headersFor: as(sessions.handler),
      }),
    );
    results.push(
      await hammer("GET /api/people (admin)", `${base}/api/people`, { headersFor: as(sessions.admin) }),
    );
    results.push(
      await hammer("GET /api/dashboard (compliance officer)", `${base}/api/dashboard`, {
        headersFor: as(sessions.handler),
      }),
    );
    results.push(
      await hammer(
        "POST /api/speakup/intake (hotline operator files a phone report)",
        `${base}/api/speakup/intake`,
        {
          method: "POST",
          headersFor: as(sessions.hotline),
          body: () =>
            JSON.stringify({
              channel: "phone_domestic",
              category: "fraud_theft",
              summary: "Invoices paid twice",
              identityMode: "anonymous",
              idempotencyKey: randomUUID(),
            }),
        },
      ),
    );
  } finally {
    child.stdin.end();
    await new Promise((resolve) => child.once("exit", resolve));
  }
  return results;
}

export async function run(): Promise<BenchResult> {
  const dialects: Dialect[] = process.env.PROBITY_BENCH_PG_URL ? ["sqlite", "postgres"] : ["sqlite"];
  const table = [
    "| database | path | requests/s | ratio to bare | p50 | p99 | errors+timeouts | non-2xx |",
    "|---|---|---|---|---|---|---|---|",
  ];
  for (const dialect of dialects) {
    const rows = await measure(dialect);
    const bare = rows[0]!.rps;
    for (const r of rows) {
      table.push(
        `| ${dialect} | ${r.name} | ${Math.round(r.rps).toLocaleString("en")} | ${(r.rps / bare).toFixed(2)} | ${r.p50} ms | ${r.p99} ms | ${r.errors} | ${r.non2xx} |`,
      );
    }
  }
  return {
    title: "Reads under load (autocannon, loopback)",
    notes: `${CONNECTIONS} connections for ${SECONDS} s per path (BENCH_CONNECTIONS, BENCH_SECONDS), the servers in a child process and the load generator in this one, on the same ${os.cpus().length}-core machine (the generator takes part of the CPU). Data: the Aleris demo. Each connection is its own signed-in session and forwarded client (TRUSTED_PROXIES=127.0.0.1). Targets (issue 14): health ≥ 0.5 of bare Fastify, authenticated list reads ≥ 0.25, p99 under 100 ms.`,
    table,
  };
}

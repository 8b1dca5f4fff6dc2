#!/usr/bin/env node
// `npm test`: every test on SQLite, the same suite on PostgreSQL, and the e2e journeys in Chromium.
// Provides what the machine lacks: installs Chromium (as root, via apt), starts a throwaway
// PostgreSQL cluster in a temporary directory on a free port, builds the web app, runs Vitest,
// cleans up, and ends with the line `N passed, N failed`.
//
// Extra arguments go to `vitest run`, e.g. `npm test -- --project sqlite` or
// `npm test -- src/domains/people`. A --project filter skips setup that the chosen projects
// do not need. Environment: PROBITY_TEST_PG_URL (use this server instead of starting one),
// PROBITY_CHROMIUM (browser executable, default /usr/bin/chromium), PROBITY_PG_BIN (PostgreSQL bin dir).

import { spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const PROJECTS = ["sqlite", "postgres", "e2e"];
const TEMP_PREFIX = "probity-run-";
const chromiumPath = process.env.PROBITY_CHROMIUM || "/usr/bin/chromium";
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

const log = (message) => console.log(`[test] ${message}`);
const warn = (message) => console.warn(`[test] WARNING: ${message}`);
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)}s`;

// Phase name → seconds, printed at the end (CONTRIBUTING.md, "Where the time goes").
const phases = new Map();
function timed(name, promise) {
  const started = Date.now();
  return promise.finally(() => phases.set(name, (Date.now() - started) / 1000));
}

class SetupError extends Error {}

// ---------------------------------------------------------------- arguments

const vitestArgs = process.argv.slice(2);

function projectPatterns(args) {
  const patterns = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--project" && args[i + 1] !== undefined) patterns.push(args[++i]);
    else if (arg.startsWith("--project=")) patterns.push(arg.slice("--project=".length));
  }
  return patterns;
}

function globToRegExp(glob) {
  const escaped = glob
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${escaped}$`);
}

// The projects Vitest will run, mirroring its --project matching (globs, `!` to exclude).
function selectedProjects(args) {
  const patterns = projectPatterns(args);
  if (patterns.length === 0) return new Set(PROJECTS);
  const include = patterns.filter((p) => !p.startsWith("!")).map(globToRegExp);
  const exclude = patterns.filter((p) => p.startsWith("!")).map((p) => globToRegExp(p.slice(1)));
  return new Set(
    PROJECTS.filter(
      (name) =>
        (include.length === 0 || include.some((re) => re.test(name))) && !exclude.some((re) => re.test(name)),
    ),
  );
}

// ---------------------------------------------------------------- processes

const children = new Set();

// Each child leads its own process group, so a signal stops it together with its workers.
function run(command, args, options = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: "inherit", cwd: root, detached: true, ...options });
    children.add(child);
    child.on("error", (error) => {
      children.delete(child);
      reject(error);
    });
    child.on("exit", (code, signal) => {
      children.delete(child);
      resolvePromise(code ?? (signal ? 128 : 1));
    });
  });
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

async function stopChildren(signal) {
  const running = [...children];
  const exited = running.map((child) => new Promise((done) => child.once("exit", done)));
  for (const child of running) signalGroup(child, signal);
  const timeout = new Promise((done) => setTimeout(done, 10_000).unref());
  await Promise.race([Promise.all(exited), timeout]);
  for (const child of children) signalGroup(child, "SIGKILL");
}

// Two apt-get runs at once would fight over the dpkg lock.
let aptQueue = Promise.resolve();
function aptInstall(packages) {
  const task = aptQueue.then(async () => {
    const options = {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    };
    if ((await run("apt-get", ["update"], options)) !== 0) throw new SetupError("apt-get update failed");
    if ((await run("apt-get", ["install", "-y", ...packages], options)) !== 0) {
      throw new SetupError(`apt-get install ${packages.join(" ")} failed`);
    }
  });
  aptQueue = task.catch(() => {});
  return task;
}

function freePort() {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolvePromise(port));
    });
  });
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return error.code === "EPERM";
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8")); // a zombie is dead
  } catch {
    return true;
  }
}

// ---------------------------------------------------------------- Chromium

async function ensureChromium() {
  if (existsSync(chromiumPath)) {
    log(`Chromium: ${chromiumPath}`);
    return;
  }
  if (!isRoot || process.env.PROBITY_CHROMIUM) {
    throw new SetupError(
      `Chromium not found at ${chromiumPath}. Install it (as root: apt-get update && apt-get install -y chromium), ` +
        "set PROBITY_CHROMIUM to a Chromium executable, or skip the browser tests with `npm test -- --project sqlite --project postgres`.",
    );
  }
  const started = Date.now();
  log("Chromium not found; installing it with apt-get (root)");
  await aptInstall(["chromium"]);
  if (!existsSync(chromiumPath))
    throw new SetupError(`apt-get installed chromium but ${chromiumPath} is missing`);
  log(`Chromium installed in ${seconds(started)}`);
}

// ---------------------------------------------------------------- PostgreSQL

function postgresBinDir() {
  const candidates = [];
  if (process.env.PROBITY_PG_BIN) candidates.push(process.env.PROBITY_PG_BIN);
  const base = "/usr/lib/postgresql";
  if (existsSync(base)) {
    for (const version of readdirSync(base).sort((a, b) => Number(b) - Number(a))) {
      candidates.push(join(base, version, "bin"));
    }
  }
  const found = candidates.find((dir) => existsSync(join(dir, "initdb")) && existsSync(join(dir, "pg_ctl")));
  if (found) return found;
  const which = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" });
  if (which.status === 0 && which.stdout.trim()) return dirname(which.stdout.trim());
  return null;
}

async function findOrInstallPostgres() {
  let bin = postgresBinDir();
  if (bin) return bin;
  if (!isRoot) {
    throw new SetupError(
      "PostgreSQL server binaries (initdb, pg_ctl) not found. Install PostgreSQL, set PROBITY_PG_BIN to its bin directory, " +
        "set PROBITY_TEST_PG_URL to an existing server, or run `npm test -- --project sqlite --project e2e`.",
    );
  }
  log("PostgreSQL not found; installing it with apt-get (root)");
  await aptInstall(["postgresql"]);
  bin = postgresBinDir();
  if (!bin) throw new SetupError("PostgreSQL installed but initdb/pg_ctl not found");
  return bin;
}

// initdb and the server refuse to run as root: as root, they run as the `postgres` user.
function asClusterOwner(command, args) {
  return isRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
}

function runClusterCommand(command, args, { quiet = false } = {}) {
  const [cmd, cmdArgs] = asClusterOwner(command, args);
  return spawnSync(cmd, cmdArgs, { encoding: "utf8", stdio: quiet ? "pipe" : ["ignore", "pipe", "pipe"] });
}

let cluster = null; // { bin, data }

function stopCluster() {
  if (!cluster) return;
  const { bin, data } = cluster;
  cluster = null;
  if (!existsSync(join(data, "postmaster.pid"))) return;
  const stop = runClusterCommand(join(bin, "pg_ctl"), ["-D", data, "-m", "fast", "-w", "-t", "30", "stop"], {
    quiet: true,
  });
  if (stop.status !== 0) {
    runClusterCommand(join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], { quiet: true });
  }
}

// A run killed with SIGKILL cannot clean up; the next run stops its cluster and removes its directory.
function reapStaleRuns() {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(TEMP_PREFIX)) continue;
    const dir = join(tmpdir(), name);
    try {
      const owner = Number(readFileSync(join(dir, "owner.pid"), "utf8").trim());
      if (!owner || isAlive(owner)) continue;
      const data = join(dir, "pg", "data");
      const bin = existsSync(join(data, "postmaster.pid")) && postgresBinDir();
      if (bin)
        runClusterCommand(join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], {
          quiet: true,
        });
      rmSync(dir, { recursive: true, force: true });
      log(`removed ${dir}, left by an interrupted run (process ${owner})`);
    } catch {
      // Not a run of ours, or already gone.
    }
  }
}

async function startPostgres() {
  const started = Date.now();
  const bin = await findOrInstallPostgres();
  const dir = join(runDir, "pg");
  const data = join(dir, "data");
  mkdirSync(dir);
  cluster = { bin, data };
  if (isRoot) {
    const user = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
    const group = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
    if (user.status !== 0)
      throw new SetupError("running as root but there is no `postgres` user to own the test cluster");
    chownSync(dir, Number(user.stdout.trim()), Number(group.stdout.trim()));
    chmodSync(runDir, 0o711); // let the postgres user reach its directory
  }
  // C.UTF-8: code-point ordering like SQLite's BINARY collation, yet Unicode-aware lower()/ILIKE.
  const locale = spawnSync("locale", ["-a"], { encoding: "utf8" }).stdout?.match(/^C\.utf-?8$/im)?.[0] ?? "C";
  const initdb = runClusterCommand(join(bin, "initdb"), [
    "-D",
    data,
    "-U",
    "postgres",
    "--auth=trust",
    "-E",
    "UTF8",
    `--locale=${locale}`,
    "--no-sync",
  ]);
  if (initdb.status !== 0) throw new SetupError(`initdb failed:\n${initdb.stdout}\n${initdb.stderr}`);

  // The port is free when chosen; if another process takes it first, pg_ctl fails and we retry.
  let port;
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    const options = [
      "-c listen_addresses=127.0.0.1",
      `-p ${port}`,
      "-c fsync=off",
      "-c synchronous_commit=off",
      "-c full_page_writes=off",
      `-c unix_socket_directories=${dir}`,
      "-c max_connections=200",
    ].join(" ");
    const start = runClusterCommand(join(bin, "pg_ctl"), [
      "-D",
      data,
      "-o",
      options,
      "-l",
      join(dir, "log"),
      "-w",
      "-t",
      "60",
      "start",
    ]);
    if (start.status === 0) break;
    const serverLog = existsSync(join(dir, "log")) ? readFileSync(join(dir, "log"), "utf8") : "";
    if (attempt >= 3)
      throw new SetupError(`pg_ctl start failed:\n${start.stdout}\n${start.stderr}\n${serverLog}`);
    warn(`pg_ctl start failed on port ${port}; retrying`);
  }
  const version = spawnSync(join(bin, "postgres"), ["--version"], { encoding: "utf8" }).stdout.trim();
  log(`${version} started on 127.0.0.1:${port} (${dir}) in ${seconds(started)}`);
  return `postgres://postgres@127.0.0.1:${port}/postgres`;
}

// ---------------------------------------------------------------- web build

async function buildWeb() {
  const config = join(root, "web", "vite.config.ts");
  if (!existsSync(config)) {
    warn("web/vite.config.ts does not exist yet; skipping the web build (e2e tests will fail)");
    return true;
  }
  const started = Date.now();
  log("building the web app (vite build --config web/vite.config.ts)");
  const vite = join(root, "node_modules", "vite", "bin", "vite.js");
  const code = await run(
    process.execPath,
    [vite, "build", "--config", "web/vite.config.ts", "--logLevel", "warn"],
    {
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
  if (code !== 0) {
    warn(`the web build failed (exit ${code}); the e2e tests will fail`);
    return false;
  }
  log(`web app built in ${seconds(started)}`);
  return true;
}

// ---------------------------------------------------------------- server build

// The CLI tests start bin/probity.js dozens of times: compiled once here, each start skips the
// TypeScript loader (bin/probity.js runs dist/ only when it is newer than every source file).
// It runs beside Vitest (tsc keeps one core busy for 30-40 s): it holds dist/.build-lock, the lock
// test/compiled-server.ts waits on, so a CLI test that comes first waits for it instead of
// compiling again.
const buildLock = join(root, "dist", ".build-lock");
let holdingBuildLock = false;

function takeBuildLock() {
  mkdirSync(join(root, "dist"), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      mkdirSync(buildLock);
      holdingBuildLock = true;
      return true;
    } catch {
      // Another run is compiling this checkout; a lock older than 240 s is left by a killed run.
      const age = Date.now() - statSync(buildLock, { throwIfNoEntry: false })?.mtimeMs;
      if (!(age > 240_000)) return false;
      rmSync(buildLock, { recursive: true, force: true });
    }
  }
  return false;
}

function releaseBuildLock() {
  if (!holdingBuildLock) return;
  holdingBuildLock = false;
  try {
    rmdirSync(buildLock);
  } catch {
    // Already gone.
  }
}

async function buildServer() {
  if (!takeBuildLock()) {
    log("another run is compiling the server (dist/.build-lock); the CLI tests wait for it");
    return;
  }
  const started = Date.now();
  log("compiling the server (npm run build:server) beside the tests");
  try {
    const code = await run(process.execPath, [join(root, "scripts", "build-server.mjs")], {
      stdio: ["ignore", "ignore", "inherit"],
    });
    if (code !== 0) warn(`the server build failed (exit ${code}); the CLI tests run the sources through tsx`);
    else log(`server compiled in ${seconds(started)}`);
  } finally {
    releaseBuildLock();
  }
}

// ---------------------------------------------------------------- Vitest

async function runVitest(env, reportFile) {
  const started = Date.now();
  const vitest = join(root, "node_modules", "vitest", "vitest.mjs");
  const args = [
    vitest,
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${reportFile}`,
    ...vitestArgs,
  ];
  log(`vitest ${args.slice(1).join(" ")}`);
  const code = await run(process.execPath, args, { env, stdio: ["ignore", "inherit", "inherit"] });
  log(`vitest finished in ${seconds(started)} (exit ${code})`);
  return code;
}

function readTotals(reportFile) {
  if (!existsSync(reportFile)) return null;
  const report = JSON.parse(readFileSync(reportFile, "utf8"));
  // A file that fails to load (syntax error, failing beforeAll) has no failed tests but is a failure.
  const brokenFiles = (report.testResults ?? []).filter(
    (file) =>
      file.status === "failed" && !(file.assertionResults ?? []).some((test) => test.status === "failed"),
  );
  for (const file of brokenFiles) console.error(`[test] test file failed outside any test: ${file.name}`);
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + brokenFiles.length,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    total: report.numTotalTests ?? 0,
  };
}

// ---------------------------------------------------------------- main

// Everything this run creates lives here: owner.pid, the Vitest report, the PostgreSQL cluster.
let runDir = null;

function cleanup() {
  releaseBuildLock();
  try {
    stopCluster();
  } catch (error) {
    warn(`could not stop the test cluster: ${error}`);
  }
  if (runDir) rmSync(runDir, { recursive: true, force: true });
  runDir = null;
}

let stopping = false;
for (const [signal, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
  ["SIGHUP", 129],
]) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.error(`\n[test] ${signal}: stopping`);
    await stopChildren(signal);
    cleanup();
    process.exit(code);
  });
}
process.on("exit", cleanup);

async function main() {
  const started = Date.now();
  const projects = selectedProjects(vitestArgs);
  if (projects.size === 0)
    throw new SetupError(
      `no project matches ${projectPatterns(vitestArgs).join(", ")}; projects: ${PROJECTS.join(", ")}`,
    );
  log(`projects: ${[...projects].join(", ")}`);
  reapStaleRuns();
  runDir = mkdtempSync(join(tmpdir(), TEMP_PREFIX));
  writeFileSync(join(runDir, "owner.pid"), String(process.pid));
  const env = { ...process.env };
  const setups = [];
  if (projects.has("postgres")) {
    if (process.env.PROBITY_TEST_PG_URL)
      log(`PostgreSQL: using PROBITY_TEST_PG_URL=${process.env.PROBITY_TEST_PG_URL}`);
    else
      setups.push(
        timed(
          "PostgreSQL start",
          startPostgres().then((url) => {
            env.PROBITY_TEST_PG_URL = url;
          }),
        ),
      );
  }
  // Not awaited before Vitest starts: see buildServer.
  const serverBuild =
    projects.has("sqlite") || projects.has("postgres")
      ? timed("server compile (beside the tests)", buildServer())
      : Promise.resolve();
  if (projects.has("e2e")) {
    // apt-get and the build only contend for the CPU briefly; run them one after another
    // so their output stays readable, while PostgreSQL starts in parallel.
    setups.push(
      timed(
        "Chromium check and web build",
        (async () => {
          await ensureChromium();
          if (!(await buildWeb())) env.PROBITY_WEB_BUILD_FAILED = "1";
        })(),
      ),
    );
  }
  const results = await Promise.allSettled(setups);
  const failure = results.find((r) => r.status === "rejected");
  if (failure) throw failure.reason;
  phases.set("setup before Vitest", (Date.now() - started) / 1000);
  log(`setup done in ${seconds(started)}`);

  const reportFile = join(runDir, "vitest.json");
  const vitestStarted = Date.now();
  const code = await runVitest(env, reportFile);
  phases.set("Vitest", (Date.now() - vitestStarted) / 1000);
  await serverBuild;
  const totals = readTotals(reportFile);
  printPhases(reportFile, (Date.now() - started) / 1000);
  return { code, totals };
}

// The phase table of CONTRIBUTING.md: setup, the unit files (sqlite and postgres together), the
// e2e files, and the slowest files (each file's first test start to its end, from the report).
function printPhases(reportFile, total) {
  const files = existsSync(reportFile)
    ? (JSON.parse(readFileSync(reportFile, "utf8")).testResults ?? [])
    : [];
  const span = (list) =>
    list.length === 0
      ? undefined
      : (Math.max(...list.map((f) => f.endTime)) - Math.min(...list.map((f) => f.startTime))) / 1000;
  const unit = span(files.filter((f) => !f.name.endsWith(".e2e.ts")));
  const e2e = span(files.filter((f) => f.name.endsWith(".e2e.ts")));
  if (unit !== undefined) phases.set("unit files (sqlite + postgres)", unit);
  if (e2e !== undefined) phases.set("e2e files", e2e);
  phases.set("total", total);
  log("phases:");
  for (const [name, secs] of phases) log(`  ${name.padEnd(36)} ${secs.toFixed(1).padStart(7)} s`);
  const slowest = files
    .map((f) => ({ name: f.name.slice(root.length + 1), secs: (f.endTime - f.startTime) / 1000 }))
    .sort((a, b) => b.secs - a.secs)
    .slice(0, 5);
  if (slowest.length)
    log(`slowest files: ${slowest.map((f) => `${f.name} ${f.secs.toFixed(1)} s`).join(", ")}`);
}

let exitCode = 1;
let line = "0 passed, 0 failed";
try {
  const { code, totals } = await main();
  if (!totals) {
    console.error("[test] Vitest wrote no report; it did not run the tests");
  } else {
    line = `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`;
    if (totals.total === 0) console.error("[test] no tests ran");
    else if (code !== 0 && totals.failed === 0)
      console.error(`[test] Vitest exited with ${code} (unhandled errors above)`);
    exitCode = totals.total > 0 && totals.failed === 0 && code === 0 ? 0 : 1;
  }
} catch (error) {
  console.error(`[test] ${error instanceof SetupError ? error.message : (error?.stack ?? error)}`);
}
// A signal handler is already stopping everything and will exit with the signal's code.
if (stopping) await new Promise(() => {});
cleanup();
console.log(line);
process.exit(exitCode);

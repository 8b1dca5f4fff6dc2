#!/usr/bin/env node
// Proves that tests stand alone: runs every test of the given files by itself
// (`vitest run --project <project> <file> -t "^<full name>$"`) and lists those that fail alone.
//
//   node scripts/run-each-test.mjs src/domains/restructuring/workflow.test.ts [more files]
//   PROBITY_EACH_PROJECT=postgres PROBITY_TEST_PG_URL=… node scripts/run-each-test.mjs <files>
//
// Slow by design (one Vitest start per test): point it at the files you changed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const vitest = join(root, "node_modules", "vitest", "vitest.mjs");
const project = process.env.PROBITY_EACH_PROJECT ?? "sqlite";
const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node scripts/run-each-test.mjs <test file> [more test files]");
  process.exit(2);
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const dir = mkdtempSync(join(tmpdir(), "probity-each-"));

function vitestRun(file, extra) {
  const report = join(dir, "report.json");
  rmSync(report, { force: true });
  const result = spawnSync(
    process.execPath,
    [vitest, "run", "--project", project, "--reporter=json", `--outputFile=${report}`, file, ...extra],
    { cwd: root, encoding: "utf8", env: process.env },
  );
  let json = null;
  try {
    json = JSON.parse(readFileSync(report, "utf8"));
  } catch {
    // no report: the run itself failed
  }
  return { code: result.status, json, output: `${result.stdout}\n${result.stderr}` };
}

let ran = 0;
const failures = [];
for (const file of files) {
  const all = vitestRun(file, []);
  const tests = (all.json?.testResults ?? []).flatMap((r) => r.assertionResults ?? []);
  if (tests.length === 0) {
    failures.push(`${file}: no tests found (exit ${all.code})\n${all.output.slice(-2_000)}`);
    continue;
  }
  for (const test of tests) {
    if (test.status !== "passed") continue; // skipped or failing together: not our question
    const alone = vitestRun(file, ["-t", `^${escapeRegExp(test.fullName)}$`]);
    const results = (alone.json?.testResults ?? []).flatMap((r) => r.assertionResults ?? []);
    const own = results.filter((r) => r.status !== "skipped" && r.status !== "pending");
    ran++;
    const ok = alone.code === 0 && own.length === 1 && own[0].status === "passed";
    console.log(`${ok ? "ok  " : "FAIL"} ${file} > ${test.fullName}`);
    if (!ok) failures.push(`${file} > ${test.fullName} (ran ${own.length}, exit ${alone.code})`);
  }
}
rmSync(dir, { recursive: true, force: true });
console.log(`\n${ran} tests run alone, ${failures.length} failed`);
for (const failure of failures) console.log(`  ${failure}`);
process.exit(failures.length === 0 ? 0 : 1);

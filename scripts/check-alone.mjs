#!/usr/bin/env node
// Proves that tests stand alone, faster than scripts/run-each-test.mjs: one Vitest instance
// (transforms cached) runs each file once whole, then every test that passed by itself
// (a name pattern anchored on its full name), and lists those that fail alone.
//
//   node scripts/check-alone.mjs src/domains/certifications/certifications.test.ts [more files]
//   PROBITY_EACH_PROJECT=postgres PROBITY_TEST_PG_URL=… node scripts/check-alone.mjs <files>
import { resolve } from "node:path";
import { createVitest } from "vitest/node";

const project = process.env.PROBITY_EACH_PROJECT ?? "sqlite";
const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node scripts/check-alone.mjs <test file> [more test files]");
  process.exit(2);
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** The name `-t` matches: the suites' names and the test's, joined by spaces. */
function fullName(test) {
  const names = [test.name];
  for (let p = test.parent; p && p.type === "suite"; p = p.parent) names.unshift(p.name);
  return names.join(" ");
}
/** The tests of `file` in a run's result (Vitest keeps the modules of earlier runs in it too). */
const testsOf = (result, file) =>
  result.testModules.filter((m) => m.moduleId === resolve(file)).flatMap((m) => [...m.children.allTests()]);

const vitest = await createVitest("test", { watch: false, project: [project], reporters: [{}] });
let ran = 0;
const failures = [];
for (const file of files) {
  const specs = (await vitest.globTestSpecifications([resolve(file)])).filter(
    (s) => s.moduleId === resolve(file),
  );
  vitest.resetGlobalTestNamePattern();
  const all = testsOf(await vitest.runTestSpecifications(specs), file);
  if (all.length === 0) failures.push(`${file}: no tests found`);
  for (const test of all) {
    if (test.result().state !== "passed") continue; // skipped or failing together: not our question
    const name = fullName(test);
    vitest.setGlobalTestNamePattern(new RegExp(`^${escapeRegExp(name)}$`));
    const own = testsOf(await vitest.runTestSpecifications(specs), file).filter(
      (t) => t.result().state !== "skipped" && t.result().state !== "pending",
    );
    ran++;
    const ok = own.length === 1 && own[0].result().state === "passed";
    const why = own.flatMap((t) => t.result().errors ?? []).map((e) => e.message.split("\n")[0]);
    console.log(`${ok ? "ok  " : "FAIL"} ${file} > ${name}${ok ? "" : `\n       ${why.join("\n       ")}`}`);
    if (!ok) failures.push(`${file} > ${name} (ran ${own.length})`);
  }
}
await vitest.close();
console.log(`\n${ran} tests run alone, ${failures.length} failed`);
for (const failure of failures) console.log(`  ${failure}`);
process.exit(failures.length === 0 ? 0 : 1);

// Faker seeded from the file's and the test's names: the random names, emails and ids a factory
// makes are the same on every run, whether a test runs with its file or alone (`-t`), on either
// database. A random name used to be able to match a word of a report (the surname "Block" is a
// probable match for "Blocked", COC-22.2 named-people detection) and re-route a case once in many
// runs; now such a clash fails every run, at the change that causes it. Tests whose assertions
// depend on who a report names still give their people fixed names.
import { createHash } from "node:crypto";
import { relative } from "node:path";
import { faker } from "@faker-js/faker";
import { beforeEach, expect } from "vitest";

/** A name without the dialect the suites carry in their titles ("… (sqlite)"), as a 32-bit seed. */
const seedOf = (name: string) =>
  createHash("sha256")
    .update(name.replace(/ \((sqlite|postgres)\)/g, ""))
    .digest()
    .readUInt32BE(0);

// Vitest runs this file before each test file, even in a shared worker (isolate: false).
faker.seed(seedOf(relative(process.cwd(), expect.getState().testPath ?? "")));
beforeEach(({ task }) => {
  faker.seed(seedOf(task.fullName));
});

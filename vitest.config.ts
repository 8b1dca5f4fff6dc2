import { availableParallelism } from "node:os";
import { configDefaults, defineConfig } from "vitest/config";

// One suite, two dialects (as Kysely's own tests do), plus the browser journeys.
// `npm test` (scripts/test.mjs) provides PostgreSQL and Chromium; see CONTRIBUTING.md.
const unitFiles = ["src/**/*.test.ts", "test/**/*.test.ts"];
const unitExclude = [...configDefaults.exclude, "test/e2e/**", "web/**"];

// Vitest's default is one worker fewer than the cores: one worker on a 2-core machine, which left
// a core idle for the whole run. Two at least (CONTRIBUTING.md, "Where the time goes").
const workers = Math.max(2, availableParallelism() - 1);

// The unit test files of one project share a worker process and its loaded modules: importing the
// application (every domain, fastify, zod schemas, faker, date-holidays) cost 1.5 s of CPU per file,
// once per process now. Each file still gets its own database and app. PROBITY_TEST_ISOLATE=1 gives
// each file a fresh process again (a file that passes only after another one loaded a module it
// forgot to import fails then, as it does when run alone).
const isolate = process.env.PROBITY_TEST_ISOLATE === "1";

export default defineConfig({
  test: {
    pool: "forks",
    maxWorkers: workers,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: { label: "sqlite", color: "green" },
          include: unitFiles,
          exclude: unitExclude,
          isolate,
          setupFiles: ["test/seed-faker.ts"],
          env: { PROBITY_TEST_DIALECT: "sqlite" },
          globalSetup: ["test/global-setup-sqlite.ts"],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: { label: "postgres", color: "blue" },
          include: unitFiles,
          exclude: unitExclude,
          isolate,
          setupFiles: ["test/seed-faker.ts"],
          env: { PROBITY_TEST_DIALECT: "postgres" },
          globalSetup: ["test/global-setup-postgres.ts"],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: { label: "e2e", color: "magenta" },
          include: ["test/e2e/**/*.e2e.ts"],
          env: { PROBITY_TEST_DIALECT: "sqlite" },
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One file at a time, after the unit suites: one file (its server, Chromium and the test)
          // keeps 0.7 of 2 cores busy, but two files starting their servers together on a loaded
          // machine missed the harness's 60 s start-up limit (CONTRIBUTING.md, "Where the time goes").
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});

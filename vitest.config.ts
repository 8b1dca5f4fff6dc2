import { configDefaults, defineConfig } from "vitest/config";

// One suite, two dialects (as Kysely's own tests do), plus the browser journeys.
// `npm test` (scripts/test.mjs) provides PostgreSQL and Chromium; see CONTRIBUTING.md.
const unitFiles = ["src/**/*.test.ts", "test/**/*.test.ts"];
const unitExclude = [...configDefaults.exclude, "test/e2e/**", "web/**"];

export default defineConfig({
  test: {
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: { label: "sqlite", color: "green" },
          include: unitFiles,
          exclude: unitExclude,
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
          fileParallelism: false,
          // The browser and the app server need the CPU to themselves: run after the unit suites.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { loadConfig } from "../kernel/config.ts";
import { ensureSchedule } from "../kernel/jobs.ts";
import { seedIfEmpty } from "./seed.ts";

describe(`two servers started together with --demo (issue 14, finding 7) (${process.env.PROBITY_TEST_DIALECT ?? "sqlite"})`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.destroy());

  it.skipIf(process.env.PROBITY_TEST_DIALECT !== "postgres")(
    "register the same schedule at the same time without a duplicate key",
    async () => {
      const schedule = { name: "test.race", jobName: "test.race", intervalSeconds: 60 };
      // Server B looks before server A commits, so both find no row; B's insert waits for A's commit.
      const a = await t.database.db.startTransaction().execute();
      const b = await t.database.db.startTransaction().execute();
      await ensureSchedule({ ...t.ctx(), db: a }, schedule);
      const second = ensureSchedule({ ...t.ctx(), db: b }, schedule).then(
        () => null,
        (e: unknown) => e,
      );
      await a.commit().execute();
      const error = await second;
      await (error ? b.rollback() : b.commit()).execute();
      expect(error).toBeNull();
      const rows = await t.database.db
        .selectFrom("schedules")
        .selectAll()
        .where("name", "=", "test.race")
        .execute();
      expect(rows).toHaveLength(1);
    },
  );

  it.skipIf(process.env.PROBITY_TEST_DIALECT !== "postgres")(
    "seed an empty PostgreSQL once: the second seeder waits and seeds nothing",
    async () => {
      const config = loadConfig({ PROBITY_DATA_DIR: t.dir });
      const results = await Promise.all([seedIfEmpty(t.database, config), seedIfEmpty(t.database, config)]);
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      expect(results.filter((r) => r === null)).toHaveLength(1);
      const seeds = await t.database.db
        .selectFrom("audit_events")
        .select("seq")
        .where("action", "=", "demo.seed")
        .execute();
      expect(seeds).toHaveLength(1);
    },
    120_000,
  );
});

import pg from "pg";
import { createPgTemplate, dropPgDatabase, PG_TEMPLATE_ENV } from "./db.ts";

// Fails the postgres project once, with a clear message, instead of once per test file. Then
// migrates one template database per run, which createTestDb clones (CREATE DATABASE … TEMPLATE)
// instead of migrating each test database.
export async function setup(): Promise<() => Promise<void>> {
  const url = process.env.PROBITY_TEST_PG_URL;
  if (!url) {
    throw new Error(
      "PROBITY_TEST_PG_URL is not set. Run `npm test` (it starts a throwaway PostgreSQL cluster), " +
        "or set PROBITY_TEST_PG_URL to a server where the tests may CREATE DATABASE, " +
        "or run only SQLite with `npm test -- --project sqlite`.",
    );
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    throw new Error(`Cannot connect to PostgreSQL at PROBITY_TEST_PG_URL (${url}): ${String(error)}`);
  } finally {
    await client.end().catch(() => {});
  }
  const template = await createPgTemplate(url);
  process.env[PG_TEMPLATE_ENV] = template;
  return async () => {
    delete process.env[PG_TEMPLATE_ENV];
    await dropPgDatabase(url, template);
  };
}

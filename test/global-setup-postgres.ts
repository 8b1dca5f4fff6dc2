import pg from "pg";

// Fails the postgres project once, with a clear message, instead of once per test file.
export async function setup(): Promise<void> {
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
}

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { withTransaction } from "./context.ts";
import { nextInSequence } from "./sequence.ts";

describe(`named sequences (${process.env.PROBITY_TEST_DIALECT ?? "sqlite"})`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.destroy());

  it("hands out 1, 2, 3 … per name, without duplicates under concurrency", async () => {
    const drawn = await Promise.all(
      Array.from({ length: 12 }, () => withTransaction(t.ctx(), (tx) => nextInSequence(tx, "COI-2026-"))),
    );
    expect(drawn.sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(await withTransaction(t.ctx(), (tx) => nextInSequence(tx, "GFT-2026-"))).toBe(1);
  });
});

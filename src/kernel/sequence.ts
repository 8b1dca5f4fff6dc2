import type { Ctx } from "./context.ts";

type SequencesTable = { sequences: { name: string; last: number } };

/**
 * The next value of a named counter, atomically: an upsert that locks the counter's row until the
 * caller's transaction ends, so concurrent use cases on PostgreSQL never draw the same number
 * (a max()+1 would, and fail on the unique constraint).
 */
export async function nextInSequence(ctx: Ctx, name: string): Promise<number> {
  const row = await ctx.db
    .withTables<SequencesTable>()
    .insertInto("sequences")
    .values({ name, last: 1 })
    .onConflict((oc) => oc.column("name").doUpdateSet((eb) => ({ last: eb("sequences.last", "+", 1) })))
    .returning("last")
    .executeTakeFirstOrThrow();
  return Number(row.last);
}

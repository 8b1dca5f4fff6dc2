import type { SelectQueryBuilder } from "kysely";

/** Which page of a list, counted from 1. */
export type PageRequest = { page: number; pageSize: number };

/** One page of a list with the total the filter matches. */
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

/**
 * One page of a filtered query and the number of rows the filter matches: the filter's count,
 * then its rows in the caller's order (`ordered` selects and orders; it should end on a unique
 * key so pages do not overlap), cut at `(page - 1) * pageSize`. The lists' paging, in one place.
 */
export async function readPage<DB, TB extends keyof DB, O, Row, R>(
  filtered: SelectQueryBuilder<DB, TB, O>,
  f: PageRequest,
  ordered: (q: SelectQueryBuilder<DB, TB, O>) => SelectQueryBuilder<DB, TB, Row>,
  view: (row: Row) => R,
): Promise<Page<R>> {
  // Kysely cannot name the selection through the generic tables; the row is { n }.
  const { n } = (await filtered
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow()) as { n: number };
  const rows = await ordered(filtered)
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { items: rows.map(view), total: Number(n), page: f.page, pageSize: f.pageSize };
}

import type { Selectable, SelectQueryBuilder } from "kysely";
import type { KernelTables } from "../../kernel/tables.ts";

/** The kernel's queues the admin pages list (outbox, jobs): rows carry an id and a creation time. */
type Queue = "outbox" | "jobs";

/**
 * One page of a filtered queue, newest first (ties by id), with the total the filter matches:
 * the admin lists' paging, in one place.
 */
export async function newestFirstPage<T extends Queue, R>(
  q: SelectQueryBuilder<KernelTables, T, object>,
  f: { page: number; pageSize: number },
  view: (row: Selectable<KernelTables[T]>) => R,
): Promise<{ items: R[]; total: number; page: number; pageSize: number }> {
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  // selectAll() on one table is that table's Selectable row; Kysely cannot see it through the generic T.
  const rows = (await q
    .selectAll()
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute()) as unknown as Selectable<KernelTables[T]>[];
  return { items: rows.map(view), total: Number(n), page: f.page, pageSize: f.pageSize };
}

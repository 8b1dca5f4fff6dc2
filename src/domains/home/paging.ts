import type { Selectable, SelectQueryBuilder } from "kysely";
import type { KernelTables } from "../../kernel/tables.ts";

/** The kernel's queues the admin pages list (outbox, jobs): rows carry an id and a creation time. */
type Queue = "outbox" | "jobs";
type QueueRows<T extends Queue> = SelectQueryBuilder<KernelTables, T, Selectable<KernelTables[T]>>;

/** A queue's rows, newest first (ties by id): the admin lists' order, paged by kernel/paging.ts. */
export const newestFirst = <T extends Queue>(q: SelectQueryBuilder<KernelTables, T, object>) =>
  // selectAll() on one table is that table's Selectable row; Kysely cannot see it through the generic T.
  q.selectAll().orderBy("created_at", "desc").orderBy("id", "desc") as unknown as QueueRows<T>;

import { type Ctx, tablesOf } from "../../kernel/context.ts";
import type { CommitteeTables } from "./tables.ts";

/** The context's database, typed with the committees domain's tables (and the people it reads). */
export const committeesDb = (ctx: Ctx) => tablesOf<CommitteeTables>(ctx);

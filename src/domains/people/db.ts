import { type Ctx, tablesOf } from "../../kernel/context.ts";
import type { PeopleTables } from "./tables.ts";

/** The context's database, typed with the people domain's tables. */
export const peopleDb = (ctx: Ctx) => tablesOf<PeopleTables>(ctx);

import { type Ctx, tablesOf } from "../../kernel/context.ts";
import type { ScreeningTables } from "./tables.ts";

/** The context's database, typed with the screening domain's tables. */
export const screeningDb = (ctx: Ctx) => tablesOf<ScreeningTables>(ctx);

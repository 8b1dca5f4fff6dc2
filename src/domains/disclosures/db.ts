import { isoToday } from "../../kernel/clock.ts";
import { type Ctx, tablesOf } from "../../kernel/context.ts";
import type { PeopleTables } from "../people/index.ts";
import type { DisclosureTables } from "./tables.ts";

/** The context's database, typed with the disclosure tables and the directory they refer to. */
export const discDb = (ctx: Ctx) => tablesOf<DisclosureTables & PeopleTables>(ctx);

export const todayOf = (ctx: Ctx) => isoToday(ctx.clock);

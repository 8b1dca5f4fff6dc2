import { isoToday } from "../../kernel/clock.ts";
import { type Ctx, tablesOf } from "../../kernel/context.ts";
import type { PeopleTables } from "../people/index.ts";
import type { PolicyTables } from "../policies/index.ts";
import type { CertificationTables } from "./tables.ts";

/** The context's database, typed with the certification tables and those they refer to. */
export const certDb = (ctx: Ctx) => tablesOf<CertificationTables & PolicyTables & PeopleTables>(ctx);

export const todayOf = (ctx: Ctx) => isoToday(ctx.clock);

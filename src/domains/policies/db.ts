import { type Ctx, tablesOf } from "../../kernel/context.ts";
import type { PeopleTables } from "../people/index.ts";
import type { PolicyTables } from "./tables.ts";

/** The context's database, typed with the policy tables (and the directory they refer to). */
export const policiesDb = (ctx: Ctx) => tablesOf<PolicyTables & PeopleTables>(ctx);

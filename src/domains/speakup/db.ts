import { type Ctx, tablesOf } from "../../kernel/context.ts";
import type { PeopleTables } from "../people/index.ts";
import type { SpeakupTables } from "./tables.ts";

export const speakupDb = (ctx: Ctx) => tablesOf<SpeakupTables & PeopleTables>(ctx);

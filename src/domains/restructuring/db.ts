import { type Ctx, tablesOf } from "../../kernel/context.ts";
import type { PeopleTables } from "../people/index.ts";
import type { RestructuringTables } from "./tables.ts";

/** The context's database, typed with the restructuring domain's tables. */
export const rxDb = (ctx: Ctx) => tablesOf<RestructuringTables & Pick<PeopleTables, "users">>(ctx);

/** A bigint column as read from either dialect (number on SQLite, string on PostgreSQL). */
export const big = (value: string | number | bigint | null): bigint => BigInt(value ?? 0);
export const int = (value: string | number | bigint | null): number => Number(value ?? 0);
/** Writes a bigint column: decimal text is exact on both dialects. */
export const col = (value: bigint | number): string => value.toString();

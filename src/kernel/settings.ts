import type { z } from "zod";
import { isoNow } from "./clock.ts";
import type { Ctx } from "./context.ts";

/** Typed JSON settings; a stored value that no longer parses falls back to the default. */
export async function getSetting<T>(ctx: Ctx, key: string, schema: z.ZodType<T>, fallback: T): Promise<T> {
  const row = await ctx.db.selectFrom("settings").select("value").where("key", "=", key).executeTakeFirst();
  return parseSetting(row?.value ?? null, schema, fallback);
}

/** A stored setting's text as getSetting reads it, for a query that fetched it beside other rows. */
export function parseSetting<T>(stored: string | null, schema: z.ZodType<T>, fallback: T): T {
  if (stored === null) return fallback;
  const parsed = schema.safeParse(JSON.parse(stored));
  return parsed.success ? parsed.data : fallback;
}

export async function putSetting(ctx: Ctx, key: string, value: unknown): Promise<void> {
  const now = isoNow(ctx.clock);
  const text = JSON.stringify(value);
  const updated = await ctx.db
    .updateTable("settings")
    .set({ value: text, updated_at: now })
    .where("key", "=", key)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    await ctx.db.insertInto("settings").values({ key, value: text, updated_at: now }).execute();
  }
}

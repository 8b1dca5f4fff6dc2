import { systemCtx } from "../app.ts";
import { isEmpty, seedDemo } from "../demo/seed-demo.ts";
import type { Database } from "../kernel/db.ts";

export async function seedIfEmpty(database: Database) {
  const ctx = systemCtx(database, undefined, "demo seed");
  if (!(await isEmpty(ctx))) return null;
  return seedDemo(ctx);
}

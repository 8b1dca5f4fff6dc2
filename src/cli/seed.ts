import { systemCtx } from "../app.ts";
import { isEmpty, seedDemo } from "../demo/seed-demo.ts";
import type { Config } from "../kernel/config.ts";
import type { Database } from "../kernel/db.ts";
import { keyRingFromConfig } from "../kernel/key-ring.ts";

/** Seeds the demo into an empty database; the key is needed to seal the demo's reports. */
export async function seedIfEmpty(database: Database, config: Config) {
  const ctx = {
    ...systemCtx(database, undefined, "demo seed"),
    keyRing: await keyRingFromConfig(systemCtx(database, undefined, "key check"), config),
  };
  if (!(await isEmpty(ctx))) return null;
  return seedDemo(ctx);
}

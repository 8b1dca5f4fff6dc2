import { systemCtx } from "../app.ts";
import { isEmpty, seedDemo } from "../demo/seed-demo.ts";
import type { Config } from "../kernel/config.ts";
import { loadOrCreateKeyRing } from "../kernel/crypto.ts";
import type { Database } from "../kernel/db.ts";

/** Seeds the demo into an empty database; the key file is needed to seal the demo's reports. */
export async function seedIfEmpty(database: Database, config: Config) {
  const ctx = {
    ...systemCtx(database, undefined, "demo seed"),
    keyRing: await loadOrCreateKeyRing(config.keyFile),
  };
  if (!(await isEmpty(ctx))) return null;
  return seedDemo(ctx);
}

// The entry of a screening worker thread (see parallel.ts). In the production build (dist/) the
// compiled screen-worker.js sits beside this file; from the sources, workers start without the
// TypeScript loader of the main thread, so this registers tsx and then loads screen-worker.ts.
import { existsSync } from "node:fs";

const compiled = new URL("./screen-worker.js", import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("./screen-worker.ts");
}

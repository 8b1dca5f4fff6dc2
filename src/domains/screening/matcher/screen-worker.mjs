// The entry of a screening worker thread (see parallel.ts): workers start without the TypeScript
// loader of the main thread, so this registers tsx and then loads the worker itself.
import { register } from "tsx/esm/api";

register();
await import("./screen-worker.ts");

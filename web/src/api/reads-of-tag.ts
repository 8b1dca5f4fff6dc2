// TODO: use client.readsOfTag once merged (another change adds it to api/client.ts); this file goes then.
import type { OpId } from "./client.ts";
import { OPERATIONS } from "./operations.gen.ts";

/** The read operations of an OpenAPI tag: its routes share `/api/<tag>/`, so a write can refresh them all. */
export const readsOfTag = (tag: string): OpId[] =>
  (Object.entries(OPERATIONS) as [OpId, { method: string; path: string }][])
    .filter(([, op]) => op.method === "GET" && op.path.startsWith(`/api/${tag}/`))
    .map(([id]) => id);

import type { Migration } from "kysely";
import * as foundation from "./2026-11-21-001-foundation.ts";

/** Every migration, in order. Names are dated so their order is their history. */
export const migrations: Record<string, Migration> = {
  "2026-11-21-001-foundation": foundation,
};

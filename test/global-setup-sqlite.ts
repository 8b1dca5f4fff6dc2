import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createSqliteTemplate, SQLITE_TEMPLATE_ENV } from "./db.ts";

// One migrated SQLite file per run; createTestDb copies it instead of migrating each test
// database (the workers inherit the variable: Vitest starts them after the global setup).
export async function setup(): Promise<() => void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "probity-template-"));
  process.env[SQLITE_TEMPLATE_ENV] = await createSqliteTemplate(dir);
  return () => {
    delete process.env[SQLITE_TEMPLATE_ENV];
    fs.rmSync(dir, { recursive: true, force: true });
  };
}

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { openDatabase } from "./db.ts";

const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe.skipIf(process.env.PROBITY_TEST_DIALECT === "postgres")("the SQLite database file", () => {
  it("COC-22.2: creates probity.db and its -wal and -shm readable by the owner only (0600)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "probity-perm-"));
    const previous = process.umask(0o022);
    try {
      const file = path.join(dir, "data", "probity.db");
      const database = openDatabase({ sqliteFile: file });
      await sql`create table t (x text)`.execute(database.db);
      await sql`insert into t values ('secret')`.execute(database.db);
      for (const f of [file, `${file}-wal`, `${file}-shm`]) {
        expect(fs.existsSync(f), f).toBe(true);
        expect(mode(f).toString(8), f).toBe("600");
      }
      await database.close();
      // A file left 0644 by an older version is tightened when it is opened again.
      fs.chmodSync(file, 0o644);
      const again = openDatabase({ sqliteFile: file });
      expect(mode(file).toString(8)).toBe("600");
      await again.close();
    } finally {
      process.umask(previous);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

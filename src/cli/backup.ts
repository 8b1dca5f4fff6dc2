import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { sql } from "kysely";
import type { Config } from "../kernel/config.ts";
import { openDatabase } from "../kernel/db.ts";

const PG_BIN_DIRS = [
  "/usr/lib/postgresql/15/bin",
  "/usr/lib/postgresql/16/bin",
  "/usr/lib/postgresql/17/bin",
];

function pgTool(name: string): string {
  for (const dir of PG_BIN_DIRS) if (fs.existsSync(path.join(dir, name))) return path.join(dir, name);
  return name;
}

function runTool(tool: string, args: string[]): void {
  const result = spawnSync(tool, args, { encoding: "utf8" });
  if (result.error) throw new Error(`${tool} could not run: ${result.error.message}`);
  if (result.status !== 0)
    throw new Error(`${path.basename(tool)} failed: ${result.stderr.trim().split("\n").pop()}`);
}

const sqliteFile = (config: Config) => path.join(config.dataDir, "probity.db");

/** A consistent copy while the server runs: VACUUM INTO (SQLite) or pg_dump's custom format. */
export async function backup(config: Config, file: string): Promise<string> {
  const target = path.resolve(file);
  if (fs.existsSync(target)) throw new Error(`${target} already exists; choose a new file name.`);
  if (config.databaseUrl) {
    runTool(pgTool("pg_dump"), ["--format=custom", "--no-owner", `--file=${target}`, config.databaseUrl]);
    return target;
  }
  if (!fs.existsSync(sqliteFile(config))) throw new Error(`There is no database at ${sqliteFile(config)}.`);
  const database = openDatabase({ sqliteFile: sqliteFile(config) });
  try {
    await sql`vacuum into ${target}`.execute(database.db);
  } finally {
    await database.close();
  }
  return target;
}

/** Replaces the database with a backup. Stop the server first. */
export async function restore(config: Config, file: string): Promise<void> {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new Error(`No such file: ${source}`);
  if (config.databaseUrl) {
    runTool(pgTool("pg_restore"), [
      "--clean",
      "--if-exists",
      "--no-owner",
      "--single-transaction",
      `--dbname=${config.databaseUrl}`,
      source,
    ]);
    return;
  }
  // Check that it is a Probity database before touching the live one.
  try {
    const check = new SQLite(source, { readonly: true, fileMustExist: true });
    check.prepare("select count(*) from kysely_migration").get();
    check.close();
  } catch {
    throw new Error(`${source} is not a Probity SQLite backup.`);
  }
  const target = sqliteFile(config);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(`${target}${suffix}`, { force: true });
  fs.copyFileSync(source, `${target}.restoring`);
  fs.renameSync(`${target}.restoring`, target);
}

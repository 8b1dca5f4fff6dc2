import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { type Config, loadConfig } from "../kernel/config.ts";

/** The application is imported when a command runs, so `probity --help` stays fast. */
const loadKeyTools = async () => ({
  ...(await import("../app.ts")),
  ...(await import("../kernel/crypto.ts")),
  ...(await import("../kernel/key-provider.ts")),
  ...(await import("../kernel/key-ring.ts")),
});

/** `probity keys …` and `probity doctor`: the operator's side of kernel/key-ring.ts (docs/operations.md). */
export function registerKeysCommand(program: Command) {
  const keys = program
    .command("keys")
    .description("The key that seals speak-up reports (docs/operations.md)");

  keys
    .command("generate")
    .description("Write a new random key file (mode 0600); refuses to overwrite one")
    .requiredOption("--file <path>", "where to write the key")
    .action(async (opts: { file: string }) => {
      const { writeNewKeyFile } = await loadKeyTools();
      const file = path.resolve(opts.file);
      if (fs.existsSync(file)) throw new Error(`${file} already exists; a key file is never overwritten.`);
      await writeNewKeyFile(file);
      console.log(`New key written to ${file}. Back it up now, away from the database backups.`);
    });

  keys
    .command("rotate")
    .description(
      "Re-seal every case key and second-factor secret under the key in --new-key-file (created if missing); safe to re-run",
    )
    .requiredOption("--new-key-file <path>", "the new key file")
    .option("--batch-size <n>", "rows per transaction", "200")
    .action(async (opts: { newKeyFile: string; batchSize: string }) => {
      const { openProbityDatabase, systemCtx, parseKey, writeNewKeyFile, keyRingFromConfig, rotateKeys } =
        await loadKeyTools();
      const config = loadConfig();
      const file = path.resolve(opts.newKeyFile);
      const newKek = fs.existsSync(file)
        ? await parseKey(fs.readFileSync(file, "utf8"), `The key file ${file}`)
        : await writeNewKeyFile(file);
      const database = await openProbityDatabase(config);
      try {
        const ctx = systemCtx(database, undefined, "cli keys rotate");
        const ring = await keyRingFromConfig(ctx, config);
        const result = await rotateKeys(
          { ...ctx, keyRing: ring },
          ring,
          newKek,
          Number(opts.batchSize) || 200,
        );
        for (const [name, r] of Object.entries(result))
          console.log(`${name}: ${r.rewrapped} re-sealed, ${r.alreadyNew} already under the new key`);
        console.log(
          `Rotation done. Point every server at ${file} (PROBITY_KEY_FILE, or PROBITY_KEY with its content), ` +
            "remove PROBITY_PREVIOUS_KEY_FILE, and keep the old key until backups made before today have expired.",
        );
      } finally {
        await database.close();
      }
    });

  program
    .command("doctor")
    .description("Check that the configured key opens a sample of sealed rows; exits non-zero otherwise")
    .option("--sample <n>", "rows to try per kind of sealed value", "20")
    .action(async (opts: { sample: string }) => {
      const { openProbityDatabase, systemCtx, keyProviderFor, keyRingFromConfig, checkKeyOpensSample } =
        await loadKeyTools();
      const config = loadConfig();
      const database = await openProbityDatabase(config);
      try {
        const ctx = systemCtx(database, undefined, "cli doctor");
        console.log(`Database: ${database.dialect}${database.file ? ` (${database.file})` : ""}`);
        console.log(`Key: ${keyProviderFor(config).describe}`);
        const ring = await keyRingFromConfig(ctx, config);
        const report = await checkKeyOpensSample(ctx, ring, Number(opts.sample) || 20);
        for (const [name, n] of Object.entries(report.counts)) console.log(`  ${name}: ${n}`);
        console.log(
          `Sample: ${report.sampled} sealed rows tried, ${report.openedByCurrent} opened by the key` +
            (report.openedByPrevious ? `, ${report.openedByPrevious} only by the previous key` : "") +
            `, ${report.failed.length} not opened.`,
        );
        if (report.failed.length) {
          for (const f of report.failed) console.error(`  not opened: ${f.table} ${f.id}`);
          console.error(
            "FAILED: the key does not open every sealed row. See docs/operations.md, section Keys.",
          );
          process.exitCode = 1;
        } else if (report.openedByPrevious) {
          console.log("A rotation is not finished: run `probity keys rotate` again (docs/operations.md).");
        } else console.log("OK: the key opens the sealed data.");
      } finally {
        await database.close();
      }
    });
}

/** What `probity backup` prints and writes beside the backup: the key is not in it. */
export function backupChecklist(config: Config, written: string): string {
  const key = config.keyBase64 !== undefined ? "the PROBITY_KEY environment variable" : config.keyFile;
  // new Date(): the checklist is a report printed once to the operator, not a use case.
  return [
    `Backup checklist (${new Date().toISOString()})`,
    `[x] Database copied to ${written}.`,
    `[ ] The key is NOT in this backup. It is in ${key}.`,
    "    Without it no speak-up report, reporter mailbox or second factor in this backup can be opened.",
    "    Keep a copy of the key in a different place from the database backups (a password manager,",
    "    a sealed envelope in a safe, your secret store), and check that copy after every rotation.",
    `[ ] The audit signing key is NOT in this backup either. It is in ${config.auditSigningKeyFile};`,
    "    keep a copy beside the key's: without it the server refuses to start on a database whose audit",
    "    log holds signed checkpoints. Ship the exported checkpoints (audit-checkpoints.jsonl) off-site too.",
    "[ ] After a restore: start with the same keys, then run `probity doctor` (it must say OK).",
    "[ ] Run `probity audit verify --checkpoint <your off-site copy of audit-checkpoints.jsonl>`.",
    "See docs/operations.md.",
  ].join("\n");
}

import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Command, CommanderError, Option } from "commander";
// Only what the command definitions need is imported up front (roles.ts imports nothing): each
// action imports the application when it runs, so `probity --help` does not load every domain.
import { ROLE_NAMES } from "../domains/people/roles.ts";
import { registerKeysCommand } from "./keys.ts";
import { registerListsCommand } from "./lists.ts";
import { registerOfferingCommand } from "./offering.ts";
import { registerScreenCommand } from "./screen.ts";

const VERSION = (createRequire(import.meta.url)("../../package.json") as { version: string }).version;
const loadApp = () => import("../app.ts");
const loadConfig = async (...args: Parameters<typeof import("../kernel/config.ts").loadConfig>) =>
  (await import("../kernel/config.ts")).loadConfig(...args);

const program = new Command()
  .name("probity")
  .description(
    "Probity: governance, ethics and compliance. Reads PROBITY_DATA_DIR or DATABASE_URL like the server.",
  )
  .version(VERSION)
  .showHelpAfterError()
  .exitOverride();

program
  .command("serve")
  .description("Run the web application and the job worker")
  .option("-p, --port <port>", "port to listen on (default: PORT or 3000)")
  .option(
    "--demo",
    "seed the Aleris demo into an empty database and show the demo accounts on the sign-in page",
  )
  .action(async (opts: { port?: string; demo?: boolean }) => {
    const { createProbity, openProbityDatabase } = await loadApp();
    const { seedIfEmpty } = await import("./seed.ts");
    const { demoAccountsForLogin } = await import("../demo/seed-demo.ts");
    const config = await loadConfig({
      ...process.env,
      ...(opts.port !== undefined && { PORT: opts.port }),
    });
    const database = await openProbityDatabase(config);
    if (opts.demo) await seedIfEmpty(database, config);
    const accounts = opts.demo ? demoAccountsForLogin() : [];
    // The same redacting logger as every other process, at the level LOG_LEVEL names (info by default).
    const app = await createProbity({ config, database, demoAccounts: accounts });
    const address = await app.server.listen({ port: config.port, host: config.host });
    app.jobs.start();
    const port = new URL(address).port;
    const url = config.publicUrl.replace(/:\d+$/, `:${port}`);
    console.log(
      `Probity ${VERSION} is running at ${url} (${database.dialect}${database.file ? `: ${database.file}` : ""})`,
    );
    console.log(`API documentation: ${url}/api/docs`);
    if (accounts.length) {
      console.log("\nDemo accounts (password for all: %s):", accounts[0]!.password);
      for (const a of accounts) console.log(`  ${a.email.padEnd(32)} ${a.note}`);
    }
    const stop = async () => {
      await app.close();
      process.exit(0);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });

program
  .command("migrate")
  .description("Apply pending database migrations")
  .action(async () => {
    const { openProbityDatabase } = await loadApp();
    const database = await openProbityDatabase(await loadConfig());
    console.log(`Database is up to date (${database.dialect}).`);
    await database.close();
  });

program
  .command("seed")
  .description("Seed data into an empty database")
  .requiredOption("--demo", "the Aleris International demo company")
  .action(async () => {
    const { openProbityDatabase } = await loadApp();
    const { seedIfEmpty } = await import("./seed.ts");
    const config = await loadConfig();
    const database = await openProbityDatabase(config);
    const seeded = await seedIfEmpty(database, config);
    console.log(
      seeded
        ? `Seeded the demo: ${seeded.people} people, ${seeded.users} users.`
        : "The database already has people; nothing seeded.",
    );
    await database.close();
  });

const audit = program.command("audit").description("The tamper-evident audit log");
audit
  .command("verify")
  .description(
    "Recompute the hash chain and check every signed checkpoint; exits non-zero naming what does not match",
  )
  .option("--checkpoint <file>", "also check the checkpoints exported to this file (audit-checkpoints.jsonl)")
  .option("--public-key <base64>", "the audit signing public key (default: read from the signing key file)")
  .option("--read-only", "open the database read-only (no migrations, nothing written: read-only media)")
  .action(async (opts: { checkpoint?: string; publicKey?: string; readOnly?: boolean }) => {
    const { openProbityDatabase, systemCtx } = await loadApp();
    const { verifyLog } = await import("../domains/audit/index.ts");
    const { countCheckpoints, parseCheckpointFile, readAuditPublicKey } = await import(
      "../kernel/audit-checkpoint.ts"
    );
    const { openDatabase } = await import("../kernel/db.ts");
    const config = await loadConfig();
    const exported = opts.checkpoint ? parseCheckpointFile(opts.checkpoint) : [];
    const publicKey =
      opts.publicKey ??
      (fs.existsSync(config.auditSigningKeyFile)
        ? await readAuditPublicKey(config.auditSigningKeyFile)
        : undefined);
    const database = opts.readOnly
      ? openDatabase({
          databaseUrl: config.databaseUrl,
          sqliteFile: path.join(config.dataDir, "probity.db"),
          readOnly: true,
        })
      : await openProbityDatabase(config);
    try {
      const ctx = systemCtx(database, undefined, "cli");
      if (!publicKey && (exported.length > 0 || (await countCheckpoints(ctx)) > 0)) {
        throw new Error(
          `Cannot check the signed checkpoints: no signing key at ${config.auditSigningKeyFile}. Give --public-key or set PROBITY_AUDIT_SIGNING_KEY_FILE.`,
        );
      }
      const result = await verifyLog(ctx, publicKey ? { publicKey, exported } : undefined);
      if (!result.ok) {
        const where = result.firstBadSeq === null ? "" : ` at event ${result.firstBadSeq}`;
        console.error(`Audit log verification FAILED${where}: ${result.message}`);
        process.exitCode = 1;
        return;
      }
      console.log(result.message);
    } finally {
      await database.close();
    }
  });

audit
  .command("checkpoint")
  .description("Sign a checkpoint of the audit chain now and append it to the export file")
  .action(async () => {
    const { openProbityDatabase, systemCtx } = await loadApp();
    const { countCheckpoints, loadOrCreateAuditSigner, writeCheckpoint } = await import(
      "../kernel/audit-checkpoint.ts"
    );
    const config = await loadConfig();
    const database = await openProbityDatabase(config);
    try {
      const ctx = systemCtx(database, undefined, "cli");
      const signer = await loadOrCreateAuditSigner(config.auditSigningKeyFile, await countCheckpoints(ctx));
      const written = await writeCheckpoint(ctx, signer, {
        exportFile: config.auditCheckpointFile,
        mailTo: config.auditCheckpointEmail,
      });
      console.log(
        written
          ? `Signed checkpoint at event ${written.seq}, appended to ${config.auditCheckpointFile}.`
          : "Nothing new since the last checkpoint.",
      );
    } finally {
      await database.close();
    }
  });

const users = program.command("users").description("User accounts");
users
  .command("create")
  .description("Create a user account")
  .requiredOption("--email <email>", "sign-in email")
  .requiredOption("--name <name>", "display name")
  .addOption(new Option("--role <role...>", "roles").choices(ROLE_NAMES).default([]))
  .option("--person <id>", "the person this account belongs to")
  .option("--password <password>", "initial password (or set PROBITY_PASSWORD)")
  .action(
    async (opts: { email: string; name: string; role: string[]; person?: string; password?: string }) => {
      const password = opts.password ?? process.env.PROBITY_PASSWORD;
      if (!password) throw new Error("Give --password or set PROBITY_PASSWORD.");
      const { openProbityDatabase, systemCtx } = await loadApp();
      const { createUser } = await import("../domains/people/index.ts");
      const database = await openProbityDatabase(await loadConfig());
      try {
        const user = await createUser(systemCtx(database, undefined, "cli"), {
          email: opts.email.trim().toLowerCase(),
          displayName: opts.name,
          password,
          personId: opts.person ?? null,
          roles: opts.role as (typeof ROLE_NAMES)[number][],
        });
        console.log(`Created user ${user.email} (${user.roles.join(", ") || "no roles"}).`);
      } finally {
        await database.close();
      }
    },
  );

const imports = program.command("import").description("Import data");
imports
  .command("people")
  .description("HR import of people from CSV (create, update, end employment)")
  .argument("<file>", "CSV file with a header row (see examples/people-import.csv)")
  .option("--dry-run", "show what would change without writing")
  .action(async (file: string, opts: { dryRun?: boolean }) => {
    if (!fs.existsSync(file)) throw new Error(`No such file: ${file}`);
    const { openProbityDatabase, systemCtx } = await loadApp();
    const { importPeople } = await import("../domains/people/index.ts");
    const database = await openProbityDatabase(await loadConfig());
    try {
      const result = await importPeople(systemCtx(database, undefined, "cli import"), {
        csv: fs.readFileSync(file),
        dryRun: Boolean(opts.dryRun),
      });
      const s = result.summary;
      console.log(`Read as ${result.read.encoding}, ${result.read.delimiter}-separated.`);
      console.log(
        `${result.dryRun ? "Dry run: would create" : "Created"} ${s.created}, update ${s.updated}, end ${s.ended}, unchanged ${s.unchanged}.`,
      );
      for (const e of result.errors) console.error(`row ${e.row}, ${e.column}: ${e.message}`);
      if (result.errors.length) process.exitCode = 1;
    } finally {
      await database.close();
    }
  });

program
  .command("backup")
  .description("Write a consistent copy of the database to FILE (SQLite file, or pg_dump custom format)")
  .argument("<file>", "the backup file to create")
  .action(async (file: string) => {
    const { backup } = await import("./backup.ts");
    const { backupChecklist } = await import("./keys.ts");
    const config = await loadConfig();
    const written = await backup(config, file);
    const checklist = backupChecklist(config, written);
    fs.writeFileSync(`${written}.checklist.txt`, `${checklist}\n`);
    console.log(`Backup written to ${written}; checklist in ${written}.checklist.txt:\n\n${checklist}`);
  });

program
  .command("restore")
  .description("Replace the database with a backup made by `probity backup` (stop the server first)")
  .argument("<file>", "the backup file")
  .action(async (file: string) => {
    const { restore } = await import("./backup.ts");
    await restore(await loadConfig(), file);
    console.log(
      "Database restored. Start with the same key, then run `probity doctor` and `probity audit verify`.",
    );
  });

registerScreenCommand(program);
registerListsCommand(program);
registerOfferingCommand(program);
registerKeysCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exit(error.exitCode);
  }
  const result = (
    error as { extra?: { result?: { errors?: { row: number; column: string; message: string }[] } } }
  ).extra?.result;
  for (const e of result?.errors ?? []) console.error(`row ${e.row}, ${e.column}: ${e.message}`);
  console.error(`probity: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

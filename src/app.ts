import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import pino from "pino";
import { registerAuditRoutes } from "./domains/audit/index.ts";
import { certificationJobs, registerCertificationRoutes } from "./domains/certifications/index.ts";
import { committeeJobs, registerCommitteeRoutes } from "./domains/committees/index.ts";
import {
  disclosureJobs,
  registerDisclosureRoutes,
  registerLegalHoldCheck,
} from "./domains/disclosures/index.ts";
import { registerHomeRoutes } from "./domains/home/index.ts";
import {
  authenticateSession,
  peopleJobs,
  registerAdminRoutes,
  registerAuthRoutes,
  registerPeopleRoutes,
} from "./domains/people/index.ts";
import { registerPolicyRoutes } from "./domains/policies/index.ts";
import { registerRestructuringRoutes, restructuringJobs } from "./domains/restructuring/index.ts";
import { registerScreeningRoutes, screeningJobs } from "./domains/screening/index.ts";
import {
  ReceiptThrottle,
  registerPortalRoutes,
  registerSpeakupRoutes,
  speakupJobs,
} from "./domains/speakup/index.ts";
import {
  type AuditSigner,
  auditCheckpointJob,
  countCheckpoints,
  loadOrCreateAuditSigner,
} from "./kernel/audit-checkpoint.ts";
import { type Clock, systemClock } from "./kernel/clock.ts";
import type { Config } from "./kernel/config.ts";
import { type Ctx, systemActor } from "./kernel/context.ts";
import type { KeyRing } from "./kernel/crypto.ts";
import { type Database, openDatabase } from "./kernel/db.ts";
import { buildServer, loggerOptions } from "./kernel/http/server.ts";
import {
  createJobRunner,
  ensureSchedules,
  type JobRegistration,
  type JobRunner,
  jobHandlers,
} from "./kernel/jobs.ts";
import { keyRingFromConfig } from "./kernel/key-ring.ts";
import { mailSendJob, mailSweepJob } from "./kernel/mail.ts";
import { migrateToLatest } from "./kernel/migrate.ts";
import { migrations } from "./migrations/index.ts";

export const VERSION: string = (createRequire(import.meta.url)("../package.json") as { version: string })
  .version;
const WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "web", "dist");

/** Opens (and migrates) the database the configuration names. */
export async function openProbityDatabase(config: Config): Promise<Database> {
  const database = openDatabase({
    databaseUrl: config.databaseUrl,
    sqliteFile: path.join(config.dataDir, "probity.db"),
  });
  try {
    await migrateToLatest(database.db, migrations);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

export const systemCtx = (database: Database, clock: Clock = systemClock, label = "system"): Ctx => ({
  db: database.db,
  dialect: database.dialect,
  actor: systemActor(label),
  clock,
});

export type Probity = {
  config: Config;
  database: Database;
  clock: Clock;
  keyRing: KeyRing;
  auditSigner: AuditSigner;
  server: FastifyInstance;
  jobs: JobRunner;
  close(): Promise<void>;
};

export async function createProbity(options: {
  config: Config;
  database?: Database;
  clock?: Clock;
  demoAccounts?: { email: string; password: string; roles: string[] }[];
  /** Overrides config.logLevel (tests); false silences all. */
  logLevel?: Config["logLevel"] | false;
  /** Where log lines go (stdout by default); tests capture them here. */
  logStream?: NodeJS.WritableStream;
}): Promise<Probity> {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  registerLegalHoldCheck();
  const database = options.database ?? (await openProbityDatabase(config));
  // Refuses to start when the key is missing or does not open the database (docs/operations.md).
  const keyRing = await keyRingFromConfig(systemCtx(database, clock, "key check"), config);
  const auditSigner = await loadOrCreateAuditSigner(
    config.auditSigningKeyFile,
    await countCheckpoints(systemCtx(database, clock)),
  );
  // One logger configuration for the server and the job runner (no address, cookie or body, ever).
  const level = options.logLevel === false ? "silent" : (options.logLevel ?? config.logLevel);
  const logger = options.logStream
    ? pino(loggerOptions(level), options.logStream)
    : pino(loggerOptions(level));
  for (const warning of config.warnings) logger.warn(warning);

  const server = await buildServer({
    config,
    database,
    clock,
    version: VERSION,
    webRoot: WEB_ROOT,
    logger: options.logLevel === false ? false : { level, stream: options.logStream },
    authenticate: async (token) => {
      const s = await authenticateSession(systemCtx(database, clock), token);
      if (!s) return null;
      return {
        actor: {
          kind: "user",
          userId: s.userId,
          personId: s.personId,
          label: s.email,
          roles: s.roles,
          permissions: s.permissions,
        },
        email: s.email,
        displayName: s.displayName,
        csrfToken: s.csrfToken,
        totpEnabled: s.totpEnabled,
        mustEnrolTotp: s.mustEnrolTotp,
        mustChangePassword: s.mustChangePassword,
      };
    },
  });
  const deps = {
    database,
    clock,
    config,
    keyRing,
    version: VERSION,
    demoAccounts: options.demoAccounts ?? [],
  };
  registerHomeRoutes(server, deps);
  registerAuthRoutes(server, deps);
  registerPeopleRoutes(server, deps);
  registerAdminRoutes(server, deps);
  registerAuditRoutes(server, { ...deps, auditPublicKey: auditSigner.publicKey });
  registerPolicyRoutes(server, deps);
  registerCertificationRoutes(server, deps);
  registerScreeningRoutes(server, deps);
  registerRestructuringRoutes(server, deps);
  registerCommitteeRoutes(server, deps);
  const throttle = new ReceiptThrottle();
  registerSpeakupRoutes(server, { ...deps, throttle });
  registerDisclosureRoutes(server, deps);
  registerPortalRoutes(server, { ...deps, throttle });

  // Every job is registered the same way: the kernel's (they need the configuration) and each
  // domain's list, in one loop. The order is the order the schedules are created in.
  const registrations: JobRegistration[] = [
    { name: "mail.send", job: mailSendJob({ smtpUrl: config.smtpUrl, from: config.mailFrom }) },
    { name: "mail.sweep", job: mailSweepJob({ smtpUrl: config.smtpUrl }), everySeconds: 60 },
    ...peopleJobs,
    // Issue 14, finding 4: a signed checkpoint of the audit chain every 15 minutes when it moved.
    {
      name: "audit.checkpoint",
      job: auditCheckpointJob(auditSigner, {
        exportFile: config.auditCheckpointFile,
        mailTo: config.auditCheckpointEmail,
      }),
      everySeconds: 900,
    },
    ...certificationJobs,
    ...disclosureJobs,
    ...committeeJobs,
    ...speakupJobs,
    ...restructuringJobs,
    ...screeningJobs,
  ];
  const jobs = createJobRunner({ database, clock, logger, keyRing, handlers: jobHandlers(registrations) });
  await ensureSchedules(systemCtx(database, clock), registrations);

  return {
    config,
    database,
    clock,
    keyRing,
    auditSigner,
    server,
    jobs,
    async close() {
      await jobs.stop();
      await server.close();
      await database.close();
    },
  };
}

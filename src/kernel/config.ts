import path from "node:path";
import { z } from "zod";
import type { VaultTransitSettings } from "./key-provider.ts";

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// URL")
    .optional(),
  PROBITY_DATA_DIR: z.string().default("./data"),
  PROBITY_KEY_FILE: z.string().optional(),
  PROBITY_AUDIT_SIGNING_KEY_FILE: z.string().optional(),
  PROBITY_AUDIT_CHECKPOINT_FILE: z.string().optional(),
  AUDIT_CHECKPOINT_EMAIL: z.email("AUDIT_CHECKPOINT_EMAIL must be an e-mail address").optional(),
  PROBITY_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, "PROBITY_KEY must be a 32-byte key in base64 (the content of a key file)")
    .optional(),
  PROBITY_PREVIOUS_KEY_FILE: z.string().optional(),
  VAULT_ADDR: z.string().url("VAULT_ADDR must be a URL such as https://vault.example.com:8200").optional(),
  VAULT_TOKEN: z.string().optional(),
  PROBITY_VAULT_TRANSIT_KEY: z
    .string()
    .regex(/^[\w.-]+$/, "PROBITY_VAULT_TRANSIT_KEY must be the name of a Vault transit key")
    .optional(),
  PUBLIC_URL: z.string().url("PUBLIC_URL must be a URL such as https://probity.example.com").optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "SMTP_URL must be an smtp:// or smtps:// URL")
    .optional(),
  MAIL_FROM: z.string().default("Probity <no-reply@probity.local>"),
  TRUST_PROXY: z
    .string()
    .regex(
      /^(true|false|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*|loopback|linklocal|uniquelocal)$/,
      "TRUST_PROXY must be true, false, or a comma-separated list of the proxies' addresses/CIDRs (or loopback)",
    )
    .default("false"),
  UPLOAD_BUDGET_MB_PER_HOUR: z.coerce.number().int().min(1).max(1_000_000).default(500),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  NODE_ENV: z.string().default("development"),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  keyFile: string;
  /** Ed25519 key that signs audit checkpoints; kept outside the database like the key file. */
  auditSigningKeyFile: string;
  /** Signed checkpoints are appended here, one JSON line each, for the operator to ship off-site. */
  auditCheckpointFile: string;
  /** Who receives each checkpoint by mail (the Audit Committee chair); optional. */
  auditCheckpointEmail: string | undefined;
  /** PROBITY_KEY: the key itself (base64), instead of the key file; see kernel/key-provider.ts. */
  keyBase64: string | undefined;
  /** The key a rotation replaces, still tried when opening until `probity keys rotate` is done. */
  previousKeyFile: string | undefined;
  /** The KEK as a Vault transit data key (PROBITY_VAULT_TRANSIT_KEY); the key file then holds its ciphertext. */
  vault: VaultTransitSettings | undefined;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: z.infer<typeof schema>["LOG_LEVEL"];
  /**
   * Fastify's trustProxy: false (default; the socket address is the client), true (whatever
   * X-Forwarded-For says), or the proxies' addresses. Set it when Probity runs behind a reverse proxy.
   */
  trustProxy: boolean | string[];
  /** Bytes of files the public portal accepts per hour from people who are not signed in. */
  uploadBudgetBytesPerHour: number;
  isProduction: boolean;
};

/** Reads and validates the environment; throws one message that names every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== "")));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration: ${lines.join("; ")}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.PROBITY_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    keyFile: path.resolve(e.PROBITY_KEY_FILE ?? path.join(dataDir, "probity.key")),
    auditSigningKeyFile: path.resolve(
      e.PROBITY_AUDIT_SIGNING_KEY_FILE ?? path.join(dataDir, "audit-signing.key"),
    ),
    auditCheckpointFile: path.resolve(
      e.PROBITY_AUDIT_CHECKPOINT_FILE ?? path.join(dataDir, "audit-checkpoints.jsonl"),
    ),
    auditCheckpointEmail: e.AUDIT_CHECKPOINT_EMAIL,
    keyBase64: e.PROBITY_KEY,
    previousKeyFile: e.PROBITY_PREVIOUS_KEY_FILE && path.resolve(e.PROBITY_PREVIOUS_KEY_FILE),
    vault: vaultSettings(e),
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    uploadBudgetBytesPerHour: e.UPLOAD_BUDGET_MB_PER_HOUR * 1024 * 1024,
    isProduction: e.NODE_ENV === "production",
  };
}

function vaultSettings(e: z.infer<typeof schema>): VaultTransitSettings | undefined {
  if (!e.PROBITY_VAULT_TRANSIT_KEY) return undefined;
  if (!e.VAULT_ADDR || !e.VAULT_TOKEN)
    throw new Error("Invalid configuration: PROBITY_VAULT_TRANSIT_KEY needs VAULT_ADDR and VAULT_TOKEN");
  return { addr: e.VAULT_ADDR, token: e.VAULT_TOKEN, keyName: e.PROBITY_VAULT_TRANSIT_KEY };
}

function parseTrustProxy(value: string): boolean | string[] {
  if (value === "true") return true;
  if (value === "false") return false;
  return value.split(",").map((v) => v.trim());
}

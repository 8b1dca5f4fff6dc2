import { isIP } from "node:net";
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
  TRUSTED_PROXIES: z
    .string()
    .refine(
      (v) => v.split(",").every((p) => isProxyAddress(p.trim())),
      "TRUSTED_PROXIES must be a comma-separated list of the reverse proxies' addresses or CIDRs (10.0.0.0/8,127.0.0.1), or loopback, linklocal, uniquelocal",
    )
    .optional(),
  /** Deprecated: TRUSTED_PROXIES. Still read (with a warning) when TRUSTED_PROXIES is not set. */
  TRUST_PROXY: z
    .string()
    .refine(
      (v) => v === "true" || v === "false" || v.split(",").every((p) => isProxyAddress(p.trim())),
      "TRUST_PROXY must be true, false, or a comma-separated list of the proxies' addresses/CIDRs (or loopback); it is deprecated: use TRUSTED_PROXIES",
    )
    .optional(),
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
   * Fastify's trustProxy, from TRUSTED_PROXIES: false (default; the socket address is the client)
   * or the proxies' addresses/CIDRs, so X-Forwarded-For is believed only from them. `true` (believe
   * anyone) only comes from the deprecated TRUST_PROXY=true, with a warning.
   */
  trustProxy: boolean | string[];
  /** Said once at start-up (deprecated or unsafe settings); the server logs them at warn. */
  warnings: string[];
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
    ...trustedProxies(e),
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

const PROXY_PRESETS = new Set(["loopback", "linklocal", "uniquelocal"]);

/** An address, a CIDR (address/prefix) or one of proxy-addr's named ranges. */
function isProxyAddress(entry: string): boolean {
  if (PROXY_PRESETS.has(entry)) return true;
  const [address = "", prefix, ...rest] = entry.split("/");
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (version === 4 ? 32 : 128);
}

const list = (value: string) => value.split(",").map((v) => v.trim());

/**
 * Who may say, in X-Forwarded-For, which client a request comes from. Only the listed proxies: a
 * request from anywhere else is its socket address, whatever header it carries, so a client cannot
 * pick its own address to dodge a per-client limit or spend someone else's.
 */
function trustedProxies(e: z.infer<typeof schema>): { trustProxy: boolean | string[]; warnings: string[] } {
  if (e.TRUSTED_PROXIES !== undefined) {
    const warnings =
      e.TRUST_PROXY === undefined
        ? []
        : ["TRUST_PROXY is ignored because TRUSTED_PROXIES is set; remove it."];
    return { trustProxy: list(e.TRUSTED_PROXIES), warnings };
  }
  if (e.TRUST_PROXY === undefined || e.TRUST_PROXY === "false") return { trustProxy: false, warnings: [] };
  if (e.TRUST_PROXY === "true") {
    return {
      trustProxy: true,
      warnings: [
        "TRUST_PROXY=true believes X-Forwarded-For from anyone: a client that reaches the server directly can pick its own address and dodge or spend other clients' request limits. Set TRUSTED_PROXIES to the reverse proxy's addresses (for example 10.0.0.0/8,127.0.0.1) instead.",
      ],
    };
  }
  return {
    trustProxy: list(e.TRUST_PROXY),
    warnings: ["TRUST_PROXY is deprecated: rename it to TRUSTED_PROXIES (same value)."],
  };
}

import fs from "node:fs";
import path from "node:path";
import { parseKey, writeNewKeyFile } from "./crypto.ts";

/**
 * Where the key-encryption key comes from. Every app server on one database must use the same
 * source (the same file content, or the same PROBITY_KEY); key-ring.ts refuses to start otherwise.
 * `load` answers null when the key does not exist yet; only a provider that can make a key has
 * `create`, and it is called only for an empty database.
 */
export type KeyProvider = {
  /** Names the source in messages (never the key itself). */
  describe: string;
  /** What to do when the key is missing, for the refusal message. */
  fix: string;
  load(): Promise<Uint8Array | null>;
  create?(): Promise<Uint8Array>;
};

export function fileKeyProvider(file: string): KeyProvider {
  return {
    describe: `the key file ${file}`,
    fix: `restore the key file to ${file} (PROBITY_KEY_FILE) from where you keep it, or set PROBITY_KEY`,
    async load() {
      if (!fs.existsSync(file)) return null;
      keepPrivate(file);
      return parseKey(fs.readFileSync(file, "utf8"), `The key file ${file}`);
    },
    create: () => writeNewKeyFile(file),
  };
}

/**
 * Takes group and other access away from a key file. A file this process may not change (a
 * container secret, a read-only mount, another owner's file) is left as the platform made it: its
 * access is then the platform's to control, and refusing to start would help no one.
 */
export function keepPrivate(file: string): void {
  if ((fs.statSync(file).mode & 0o077) === 0) return;
  try {
    fs.chmodSync(file, 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EPERM" && code !== "EROFS" && code !== "EACCES") throw error;
  }
}

/** The key as base64 in an environment variable (a container secret, a systemd credential …). */
export function envKeyProvider(name: string, value: string): KeyProvider {
  return {
    describe: `the environment variable ${name}`,
    fix: `set ${name} to the key every other server uses`,
    load: () => parseKey(value, `The environment variable ${name}`),
  };
}

/** One key source per deployment: PROBITY_KEY when set, else Vault transit when set, else the key file. */
export function keyProviderFor(config: {
  keyFile: string;
  keyBase64?: string | undefined;
  vault?: VaultTransitSettings | undefined;
}): KeyProvider {
  if (config.keyBase64 !== undefined) return envKeyProvider("PROBITY_KEY", config.keyBase64);
  if (config.vault) return vaultTransitKeyProvider(config.vault, config.keyFile);
  return fileKeyProvider(config.keyFile);
}

export type VaultTransitSettings = { addr: string; token: string; keyName: string };

/**
 * HashiCorp Vault's transit engine (or OpenBao's, same API): the KEK is a Vault data key. Only its
 * Vault ciphertext (`vault:v1:…`) is kept, in `wrappedFile`; every start asks Vault to decrypt it,
 * so the key is usable only while Vault grants this server's token `transit/decrypt/<key>`.
 */
export function vaultTransitKeyProvider(vault: VaultTransitSettings, wrappedFile: string): KeyProvider {
  const base = vault.addr.replace(/\/+$/, "");
  const call = async (op: string, body: Record<string, unknown>) => {
    let response: Response;
    try {
      response = await fetch(`${base}/v1/transit/${op}/${encodeURIComponent(vault.keyName)}`, {
        method: "POST",
        headers: { "X-Vault-Token": vault.token, "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
    } catch (error) {
      throw new Error(`Vault at ${base} could not be reached: ${(error as Error).message}`);
    }
    const json = (await response.json().catch(() => ({}))) as {
      data?: { plaintext?: string; ciphertext?: string };
      errors?: string[];
    };
    if (!response.ok || !json.data?.plaintext)
      throw new Error(
        `Vault answered ${response.status} to transit/${op}/${vault.keyName}: ${(json.errors ?? []).join("; ") || "no key in the answer"}`,
      );
    return json.data;
  };
  return {
    describe: `the Vault transit key "${vault.keyName}" at ${base} (wrapped key in ${wrappedFile})`,
    fix: `restore ${wrappedFile} (PROBITY_KEY_FILE) and check VAULT_ADDR, VAULT_TOKEN and PROBITY_VAULT_TRANSIT_KEY`,
    async load() {
      if (!fs.existsSync(wrappedFile)) return null;
      const data = await call("decrypt", { ciphertext: fs.readFileSync(wrappedFile, "utf8").trim() });
      return parseKey(data.plaintext ?? "", `Vault's answer for ${wrappedFile}`);
    },
    async create() {
      const data = await call("datakey/plaintext", { bits: 256 });
      const key = await parseKey(data.plaintext ?? "", "Vault's new data key");
      if (!data.ciphertext?.startsWith("vault:"))
        throw new Error("Vault's new data key came without its ciphertext.");
      fs.mkdirSync(path.dirname(wrappedFile), { recursive: true });
      fs.writeFileSync(wrappedFile, `${data.ciphertext}\n`, { mode: 0o600, flag: "wx" });
      return key;
    },
  };
}

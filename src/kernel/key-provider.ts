import fs from "node:fs";
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
      if (fs.statSync(file).mode & 0o077) fs.chmodSync(file, 0o600);
      return parseKey(fs.readFileSync(file, "utf8"), `The key file ${file}`);
    },
    create: () => writeNewKeyFile(file),
  };
}

/** The key as base64 in an environment variable (a container secret, a systemd credential …). */
export function envKeyProvider(name: string, value: string): KeyProvider {
  return {
    describe: `the environment variable ${name}`,
    fix: `set ${name} to the key every other server uses`,
    load: () => parseKey(value, `The environment variable ${name}`),
  };
}

/** One key source per deployment: PROBITY_KEY when set, else the key file. */
export function keyProviderFor(config: { keyFile: string; keyBase64?: string | undefined }): KeyProvider {
  return config.keyBase64 !== undefined
    ? envKeyProvider("PROBITY_KEY", config.keyBase64)
    : fileKeyProvider(config.keyFile);
}

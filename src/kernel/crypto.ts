import fs from "node:fs";
import path from "node:path";
import sodium from "libsodium-wrappers";

/**
 * The key-encryption key (KEK) comes from a key provider outside the database (a key file or
 * PROBITY_KEY; see key-provider.ts). Data keys are random per record and stored wrapped by the KEK,
 * so a copy of the database alone reveals nothing that is encrypted. `macKey` keys the hashes that
 * must stay stable across key rotation (person refs, rate counters); it is kept in the database,
 * sealed by the KEK (key-ring.ts). `previous` keys are only tried when opening, during a rotation.
 */
export type KeyRing = { kek: Uint8Array; previous: Uint8Array[]; macKey: Uint8Array; source: string };

export const KEY_BYTES = 32;

export async function generateKey(): Promise<Uint8Array> {
  await sodium.ready;
  return sodium.crypto_aead_xchacha20poly1305_ietf_keygen();
}

/** Writes a new random key file (mode 0600); refuses to overwrite one. */
export async function writeNewKeyFile(file: string): Promise<Uint8Array> {
  const key = await generateKey();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${sodium.to_base64(key, sodium.base64_variants.ORIGINAL)}\n`, {
    mode: 0o600,
    flag: "wx",
  });
  return key;
}

/** Parses a base64 key, naming where it came from when it is not a 32-byte key. */
export async function parseKey(text: string, source: string): Promise<Uint8Array> {
  await sodium.ready;
  let key: Uint8Array;
  try {
    key = sodium.from_base64(text.trim(), sodium.base64_variants.ORIGINAL);
  } catch {
    throw new Error(`${source} does not hold a base64 key.`);
  }
  if (key.length !== KEY_BYTES) throw new Error(`${source} does not hold a ${KEY_BYTES}-byte key.`);
  return key;
}

const b64 = (bytes: Uint8Array) => sodium.to_base64(bytes, sodium.base64_variants.ORIGINAL);
const unb64 = (text: string) => sodium.from_base64(text, sodium.base64_variants.ORIGINAL);

/** XChaCha20-Poly1305 with a random nonce; `ad` binds the ciphertext to its record. Returns base64 nonce.ciphertext. */
export function seal(key: Uint8Array, plaintext: Uint8Array | string, ad: string): string {
  const nonce = sodium.randombytes_buf(sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
  const message = typeof plaintext === "string" ? sodium.from_string(plaintext) : plaintext;
  const cipher = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(message, ad, null, nonce, key);
  return `${b64(nonce)}.${b64(cipher)}`;
}

export function open(key: Uint8Array, sealed: string, ad: string): Uint8Array {
  const [nonce, cipher] = sealed.split(".");
  if (!nonce || !cipher) throw new Error("sealed value is malformed");
  return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(null, unb64(cipher), ad, unb64(nonce), key);
}

export const openText = (key: Uint8Array, sealed: string, ad: string) =>
  sodium.to_string(open(key, sealed, ad));

export function newDataKey(ring: KeyRing, ad: string): { key: Uint8Array; wrapped: string } {
  const key = sodium.crypto_aead_xchacha20poly1305_ietf_keygen();
  return { key, wrapped: seal(ring.kek, key, `dek:${ad}`) };
}

/** Opens a value sealed by the ring's KEK, or by a previous KEK while a rotation is under way. */
export function openWithRing(ring: KeyRing, sealed: string, ad: string): Uint8Array {
  try {
    return open(ring.kek, sealed, ad);
  } catch (error) {
    for (const key of ring.previous) {
      try {
        return open(key, sealed, ad);
      } catch {}
    }
    throw error;
  }
}

export const unwrapDataKey = (ring: KeyRing, wrapped: string, ad: string) =>
  openWithRing(ring, wrapped, `dek:${ad}`);

import fs from "node:fs";
import path from "node:path";
import sodium from "libsodium-wrappers";

/**
 * The key-encryption key (KEK) lives in a file outside the database (PROBITY_KEY_FILE), created on
 * first start with mode 0600. Data keys are random per record and stored wrapped by the KEK, so a
 * copy of the database alone reveals nothing that is encrypted.
 */
export type KeyRing = { kek: Uint8Array; file: string };

export async function loadOrCreateKeyRing(file: string): Promise<KeyRing> {
  await sodium.ready;
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const key = sodium.crypto_aead_xchacha20poly1305_ietf_keygen();
    fs.writeFileSync(file, `${sodium.to_base64(key, sodium.base64_variants.ORIGINAL)}\n`, {
      mode: 0o600,
      flag: "wx",
    });
  }
  const mode = fs.statSync(file).mode & 0o777;
  if (mode & 0o077) fs.chmodSync(file, 0o600);
  const kek = sodium.from_base64(fs.readFileSync(file, "utf8").trim(), sodium.base64_variants.ORIGINAL);
  if (kek.length !== sodium.crypto_aead_xchacha20poly1305_ietf_KEYBYTES) {
    throw new Error(
      `The key file ${file} does not hold a ${sodium.crypto_aead_xchacha20poly1305_ietf_KEYBYTES}-byte key.`,
    );
  }
  return { kek, file };
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

export const unwrapDataKey = (ring: KeyRing, wrapped: string, ad: string) =>
  open(ring.kek, wrapped, `dek:${ad}`);

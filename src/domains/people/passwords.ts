import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (19 MiB, 2 passes): OWASP's recommended minimum.
export const hashPassword = (password: string) => hash(password);

const DUMMY = hash("timing-equaliser-not-a-password");

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  // Verify against a dummy when there is no account, so timing does not reveal which emails exist.
  if (!stored) {
    await verify(await DUMMY, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}

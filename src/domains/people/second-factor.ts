import { createHash, randomBytes } from "node:crypto";
import * as OTPAuth from "otpauth";
import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { AppError, invalid } from "../../kernel/errors.ts";
import { addToCounter, counterKey, resetCounter } from "../../kernel/rate-counters.ts";
import { peopleDb } from "./db.ts";
import { verifyPassword } from "./passwords.ts";
import { openTotpSecret } from "./totp-secret.ts";
import type { RecoveryCodesView } from "./views.ts";

export const RECOVERY_CODE_COUNT = 10;
const TOTP_PERIOD_MS = 30_000;

export function totpFor(secret: string, label = "Probity") {
  return new OTPAuth.TOTP({
    issuer: "Probity",
    label,
    algorithm: "SHA1",
    digits: 6,
    period: TOTP_PERIOD_MS / 1000,
    secret: OTPAuth.Secret.fromBase32(secret),
  });
}

/** The time step a code belongs to (±1 step of clock drift), or null when it is wrong. */
export function totpStep(secret: string, code: string, now: Date): number | null {
  const timestamp = now.getTime();
  const delta = totpFor(secret).validate({ token: code.replace(/\s/g, ""), window: 1, timestamp });
  return delta === null ? null : Math.floor(timestamp / TOTP_PERIOD_MS) + delta;
}

/** Marks `step` used; true when it was newer than the last step used (one conditional UPDATE). */
export async function markTotpStepUsed(ctx: Ctx, userId: string, step: number): Promise<boolean> {
  const result = await peopleDb(ctx)
    .updateTable("users")
    .set({ totp_last_step: step })
    .where("id", "=", userId)
    .where((eb) => eb.or([eb("totp_last_step", "is", null), eb("totp_last_step", "<", step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Checks a TOTP code and consumes its time step in one conditional UPDATE, so a code (or an older
 * one) is accepted at most once even by parallel requests (RFC 6238 §5.2: "the verifier MUST NOT
 * accept the second attempt of the same OTP"). `secret` is the plain secret.
 */
export async function consumeTotp(
  ctx: Ctx,
  userId: string,
  secret: string,
  code: string,
  now: Date,
): Promise<boolean> {
  const step = totpStep(secret, code, now);
  return step !== null && (await markTotpStepUsed(ctx, userId, step));
}

/** Checks a code from the user's enrolled authenticator (sealed secret in the row). */
export async function consumeEnrolledTotp(
  ctx: Ctx,
  userId: string,
  code: string,
  now: Date,
): Promise<boolean> {
  const user = await peopleDb(ctx)
    .selectFrom("users")
    .select(["totp_secret", "totp_enabled"])
    .where("id", "=", userId)
    .executeTakeFirst();
  if (!user?.totp_enabled || !user.totp_secret) return false;
  return consumeTotp(ctx, userId, openTotpSecret(ctx, userId, user.totp_secret), code, now);
}

// 16 characters of a 32-letter alphabet: 80 random bits each, so a plain sha256 is enough (no
// password hashing needed). No 0/1/l/o, so codes written down are not misread.
const ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
const normalise = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, "");
const hashCode = (code: string) => createHash("sha256").update(normalise(code)).digest("hex");

function newRecoveryCode(): string {
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}-${chars.slice(12, 16)}`;
}

/** Replaces the user's recovery codes with ten new ones, returned once in plain text. */
export async function issueRecoveryCodes(ctx: Ctx, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const db = peopleDb(ctx);
  await db.deleteFrom("user_recovery_codes").where("user_id", "=", userId).execute();
  const now = isoNow(ctx.clock);
  await db
    .insertInto("user_recovery_codes")
    .values(codes.map((c) => ({ user_id: userId, code_hash: hashCode(c), created_at: now, used_at: null })))
    .execute();
  return codes;
}

/** Uses a recovery code instead of a TOTP code; each works once (one conditional UPDATE). */
export async function consumeRecoveryCode(ctx: Ctx, userId: string, code: string): Promise<boolean> {
  if (normalise(code).length !== 16) return false;
  const result = await peopleDb(ctx)
    .updateTable("user_recovery_codes")
    .set({ used_at: isoNow(ctx.clock) })
    .where("user_id", "=", userId)
    .where("code_hash", "=", hashCode(code))
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function recoveryCodesLeft(ctx: Ctx, userId: string): Promise<number> {
  const row = await peopleDb(ctx)
    .selectFrom("user_recovery_codes")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export type Reauthentication = { password?: string | undefined; code?: string | undefined };

/** Wrong passwords or codes a signed-in user may give when re-authenticating, per window. */
export const REAUTH_TRIES = 5;
const REAUTH_WINDOW_MS = 15 * 60_000;

/**
 * Counts a re-authentication try, atomically and before it is checked, so a stolen session cannot
 * guess the password through the account screens (changing the password, replacing the
 * authenticator, new recovery codes) any faster than through sign-in. Past the budget the session
 * holder waits: this only ever blocks that session's own account, so nobody else is locked out.
 */
export async function spendReauthenticationTry(ctx: Ctx, userId: string): Promise<string> {
  const key = counterKey(ctx, "reauth", userId);
  if ((await addToCounter(ctx, key, 1, REAUTH_WINDOW_MS)) > REAUTH_TRIES)
    throw new AppError(
      "RATE_LIMITED",
      "Too many wrong passwords or codes. Wait 15 minutes and try again, or sign out and sign in again.",
    );
  return key;
}

/**
 * Proves the person at the keyboard is the account holder, not just someone holding its session:
 * the password or a current code from the enrolled authenticator (issue 12, finding 15).
 */
export async function reauthenticate(
  ctx: Ctx,
  userId: string,
  proof: Reauthentication,
  now: Date,
): Promise<void> {
  if (!proof.password && !proof.code)
    throw new AppError(
      "FORBIDDEN",
      "Confirm it is you: give your password or a current code from your authenticator app.",
    );
  const budget = await spendReauthenticationTry(ctx, userId);
  if (proof.password) {
    const user = await peopleDb(ctx)
      .selectFrom("users")
      .select("password_hash")
      .where("id", "=", userId)
      .executeTakeFirstOrThrow();
    if (await verifyPassword(user.password_hash, proof.password)) return resetCounter(ctx, budget);
    throw invalid("The password is wrong.", [{ path: "password", message: "is wrong" }]);
  }
  if (proof.code) {
    if (await consumeEnrolledTotp(ctx, userId, proof.code, now)) return resetCounter(ctx, budget);
    throw invalid("The authentication code is wrong, expired or already used.", [
      { path: "code", message: "is wrong, expired or already used" },
    ]);
  }
  throw new AppError(
    "FORBIDDEN",
    "Confirm it is you: give your password or a current code from your authenticator app.",
  );
}

/** Regenerates the recovery codes; needs the password, since the old codes stop working. */
export async function regenerateRecoveryCodes(
  ctx: Ctx,
  input: { password: string },
): Promise<RecoveryCodesView> {
  if (ctx.actor.kind !== "user") throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  const userId = ctx.actor.userId;
  const user = await peopleDb(ctx)
    .selectFrom("users")
    .select(["password_hash", "totp_enabled"])
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
  if (!user.totp_enabled) throw new AppError("CONFLICT", "Enrol an authenticator app first.");
  const budget = await spendReauthenticationTry(ctx, userId);
  if (!(await verifyPassword(user.password_hash, input.password))) {
    throw invalid("The password is wrong.", [{ path: "password", message: "is wrong" }]);
  }
  await resetCounter(ctx, budget);
  return withTransaction(ctx, async (tx) => {
    const recoveryCodes = await issueRecoveryCodes(tx, userId);
    await record(
      tx,
      "auth.recovery_codes.regenerate",
      { type: "user", id: userId },
      {
        count: recoveryCodes.length,
      },
    );
    return { recoveryCodes };
  });
}

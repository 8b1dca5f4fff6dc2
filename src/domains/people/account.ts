import * as OTPAuth from "otpauth";
import QRCode from "qrcode";
import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { AppError, invalid } from "../../kernel/errors.ts";
import { resetCounter } from "../../kernel/rate-counters.ts";
import { peopleDb } from "./db.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";
import { passwordRule } from "./schemas.ts";
import {
  issueRecoveryCodes,
  markTotpStepUsed,
  type Reauthentication,
  reauthenticate,
  spendReauthenticationTry,
  totpFor,
  totpStep,
} from "./second-factor.ts";
import { hashToken } from "./sign-in.ts";
import { openTotpSecret, sealTotpSecret } from "./totp-secret.ts";
import type { TotpEnrolledView, TotpEnrolmentView } from "./views.ts";

function currentUserId(ctx: Ctx): string {
  if (ctx.actor.kind !== "user") throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  return ctx.actor.userId;
}

/**
 * Starts TOTP enrolment: a new secret, not active until a code from it is confirmed. Replacing an
 * enrolled authenticator needs the password or a current code (issue 12, finding 15): a stolen
 * session alone must not be able to move the second factor to the thief's phone.
 */
export async function startTotpEnrolment(ctx: Ctx, proof: Reauthentication = {}): Promise<TotpEnrolmentView> {
  const userId = currentUserId(ctx);
  const now = ctx.clock.now();
  const enrolled = await peopleDb(ctx)
    .selectFrom("users")
    .select(["totp_enabled"])
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
  if (enrolled.totp_enabled) await reauthenticate(ctx, userId, proof, now);
  return withTransaction(ctx, async (tx) => {
    const db = peopleDb(tx);
    const user = await db
      .selectFrom("users")
      .select(["email"])
      .where("id", "=", userId)
      .executeTakeFirstOrThrow();
    const secret = new OTPAuth.Secret({ size: 20 }).base32;
    await db
      .updateTable("users")
      // The current authenticator keeps working until a code from the new one is confirmed.
      .set({ totp_pending_secret: sealTotpSecret(tx, userId, secret), updated_at: isoNow(tx.clock) })
      .where("id", "=", userId)
      .execute();
    await record(
      tx,
      "auth.totp.start",
      { type: "user", id: userId },
      { replaces: Boolean(enrolled.totp_enabled) },
    );
    const otpauthUrl = totpFor(secret, user.email).toString();
    return { secret, otpauthUrl, qrDataUrl: await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 220 }) };
  });
}

/** Confirms enrolment with a code from the new authenticator; issues ten single-use recovery codes. */
export async function confirmTotpEnrolment(ctx: Ctx, code: string): Promise<TotpEnrolledView> {
  const userId = currentUserId(ctx);
  return withTransaction(ctx, async (tx) => {
    const db = peopleDb(tx);
    const user = await db
      .selectFrom("users")
      .select(["totp_pending_secret"])
      .where("id", "=", userId)
      .executeTakeFirstOrThrow();
    if (!user.totp_pending_secret) throw new AppError("CONFLICT", "Start the enrolment first.");
    const step = totpStep(openTotpSecret(tx, userId, user.totp_pending_secret), code, tx.clock.now());
    if (step === null) {
      throw invalid("The code does not match; check the time on your phone and try the current code.", [
        { path: "code", message: "does not match" },
      ]);
    }
    // The confirming code cannot then be replayed to sign in.
    await markTotpStepUsed(tx, userId, step);
    await db
      .updateTable("users")
      .set({
        totp_secret: user.totp_pending_secret,
        totp_pending_secret: null,
        totp_enabled: 1,
        updated_at: isoNow(tx.clock),
      })
      .where("id", "=", userId)
      .execute();
    const recoveryCodes = await issueRecoveryCodes(tx, userId);
    await record(
      tx,
      "auth.totp.enrol",
      { type: "user", id: userId },
      { recoveryCodes: recoveryCodes.length },
    );
    // Shown once: only their hashes are kept.
    return { ok: true, recoveryCodes };
  });
}

/** Changes the password and ends every other session of the user. */
export async function changePassword(
  ctx: Ctx,
  input: { currentPassword: string; newPassword: string; sessionToken: string },
): Promise<{ ok: true }> {
  const userId = currentUserId(ctx);
  const parsed = passwordRule.safeParse(input.newPassword);
  if (!parsed.success)
    throw invalid(`The new password ${parsed.error.issues[0]?.message}.`, [
      { path: "newPassword", message: parsed.error.issues[0]?.message ?? "is invalid" },
    ]);
  const db = peopleDb(ctx);
  const user = await db
    .selectFrom("users")
    .select(["password_hash"])
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
  const budget = await spendReauthenticationTry(ctx, userId);
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw invalid("The current password is wrong.", [{ path: "currentPassword", message: "is wrong" }]);
  }
  await resetCounter(ctx, budget);
  const passwordHash = await hashPassword(input.newPassword);
  return withTransaction(ctx, async (tx) => {
    await peopleDb(tx)
      .updateTable("users")
      .set({ password_hash: passwordHash, must_change_password: 0, updated_at: isoNow(tx.clock) })
      .where("id", "=", userId)
      .execute();
    await peopleDb(tx)
      .deleteFrom("sessions")
      .where("user_id", "=", userId)
      .where("id_hash", "!=", hashToken(input.sessionToken))
      .execute();
    await record(tx, "auth.password.change", { type: "user", id: userId });
    return { ok: true };
  });
}

import { createHash } from "node:crypto";
import { sql } from "kysely";
import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { AppError } from "../../kernel/errors.ts";
import { randomToken } from "../../kernel/ids.ts";
import {
  addToCounter,
  counterKey,
  type Proof,
  requireProofPast,
  resetCounter,
} from "../../kernel/rate-counters.ts";
import { peopleDb } from "./db.ts";
import { verifyPassword } from "./passwords.ts";
import { isPrivileged, permissionsOf } from "./roles.ts";
import { consumeRecoveryCode, consumeTotp } from "./second-factor.ts";
import { getSecuritySettings, parseSecuritySettings, SECURITY_SETTING } from "./security-settings.ts";
import { openTotpSecret } from "./totp-secret.ts";

/** Sign-in tries per e-mail address in a window that need no proof of work. */
export const FREE_SIGN_IN_TRIES = 5;
export const SIGN_IN_WINDOW_MINUTES = 15;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export type SignInResult =
  | { status: "ok"; token: string; csrfToken: string; userId: string }
  | { status: "totp_required" };

const BAD_CREDENTIALS = "The email or password is wrong.";

/**
 * Password, then TOTP when enrolled. Every try is counted per e-mail address before anything is
 * checked (one atomic increment, so parallel tries cannot slip past the limit). Past five tries in
 * fifteen minutes a try is evaluated only with a solved proof-of-work puzzle: the account is never
 * locked, so knowing someone's e-mail does not let an attacker keep them out; it only makes the
 * attacker's guesses expensive, while the real user's browser solves one puzzle in a second or two.
 */
export async function signIn(
  ctx: Ctx,
  input: {
    email: string;
    password: string;
    totp?: string | undefined;
    /** One of the user's single-use recovery codes, instead of a TOTP code. */
    recoveryCode?: string | undefined;
    pow?: Proof | undefined;
  },
): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const db = peopleDb(ctx);
  const budget = counterKey(ctx, "login", email);
  const tries = await addToCounter(ctx, budget, 1, SIGN_IN_WINDOW_MINUTES * 60_000);
  await requireProofPast(
    ctx,
    budget,
    tries - FREE_SIGN_IN_TRIES,
    input.pow,
    "Many sign-in attempts were made for this account. Your browser solves a short puzzle before the next try; if this keeps happening, tell your administrator.",
  );
  const user = await db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirst();
  const now = ctx.clock.now();
  const passwordOk = await verifyPassword(user?.password_hash ?? null, input.password);
  if (!user || !passwordOk) {
    if (user) await recordFailure(ctx, user.id, tries, "password");
    throw new AppError("UNAUTHENTICATED", BAD_CREDENTIALS);
  }
  if (user.disabled) throw new AppError("FORBIDDEN", "This account is disabled; ask an administrator.");
  let secondFactor: "totp" | "recovery_code" | null = null;
  if (user.totp_enabled && user.totp_secret) {
    if (!input.totp && !input.recoveryCode) return { status: "totp_required" };
    // A code is consumed once (its time step, or the recovery code, is marked used atomically).
    secondFactor = input.recoveryCode ? "recovery_code" : "totp";
    const isAccepted = input.recoveryCode
      ? await consumeRecoveryCode(ctx, user.id, input.recoveryCode)
      : await consumeTotp(
          ctx,
          user.id,
          openTotpSecret(ctx, user.id, user.totp_secret),
          input.totp ?? "",
          now,
        );
    if (!isAccepted) {
      await recordFailure(ctx, user.id, tries, "totp");
      throw new AppError(
        "UNAUTHENTICATED",
        input.recoveryCode
          ? "The recovery code is wrong or has been used already."
          : "The authentication code is wrong, has expired or has been used already.",
      );
    }
  }
  const settings = await getSecuritySettings(ctx);
  await resetCounter(ctx, budget);
  return withTransaction(ctx, async (tx) => {
    const token = randomToken(32);
    const csrfToken = randomToken(24);
    const nowIso = isoNow(tx.clock);
    await peopleDb(tx)
      .insertInto("sessions")
      .values({
        id_hash: hashToken(token),
        user_id: user.id,
        csrf_token: csrfToken,
        created_at: nowIso,
        last_seen_at: nowIso,
        expires_at: new Date(now.getTime() + settings.absoluteTimeoutHours * 3_600_000).toISOString(),
      })
      .execute();
    await peopleDb(tx)
      .updateTable("users")
      .set({ failed_logins: 0, locked_until: null, last_login_at: nowIso })
      .where("id", "=", user.id)
      .execute();
    await record(
      {
        ...tx,
        actor: {
          kind: "user",
          userId: user.id,
          personId: user.person_id,
          label: user.email,
          roles: [],
          permissions: new Set<string>(),
        },
      },
      "auth.login",
      { type: "user", id: user.id },
      { mfa: Boolean(user.totp_enabled), ...(secondFactor && { factor: secondFactor }) },
    );
    return { status: "ok" as const, token, csrfToken, userId: user.id };
  });
}

async function recordFailure(ctx: Ctx, userId: string, tries: number, factor: "password" | "totp") {
  await withTransaction(ctx, async (tx) => {
    // The window's count as shown to administrators; parallel failures keep the highest.
    await peopleDb(tx)
      .updateTable("users")
      .set({
        failed_logins: sql<number>`case when failed_logins < ${tries} then ${tries} else failed_logins end`,
      })
      .where("id", "=", userId)
      .execute();
    await record(tx, "auth.login_failed", { type: "user", id: userId }, { factor, failures: tries });
  });
}

export type Session = {
  userId: string;
  email: string;
  displayName: string;
  personId: string | null;
  roles: string[];
  permissions: Set<string>;
  csrfToken: string;
  totpEnabled: boolean;
  mustEnrolTotp: boolean;
  mustChangePassword: boolean;
};

type SessionRow = {
  csrf_token: string;
  last_seen_at: string;
  expires_at: string;
  id: string;
  email: string;
  display_name: string;
  person_id: string | null;
  totp_enabled: number | boolean;
  disabled: number | boolean;
  must_change_password: number | boolean;
  roles: string | null;
  security: string | null;
};

/**
 * Reads a session token; enforces idle and absolute timeouts. Returns null when not valid.
 *
 * Every signed-in request runs this, so it is one statement, written as SQL: the session, its user,
 * the user's roles and the security settings (the idle timeout) together. Three builder queries
 * cost a third of a list read's time (issue 14, "reads under load"; bench/profile-reads.ts).
 */
export async function authenticateSession(ctx: Ctx, token: string): Promise<Session | null> {
  if (token.length > 100) return null;
  const db = peopleDb(ctx);
  const idHash = hashToken(token);
  // Role names are identifiers (roles.ts): a comma cannot occur in one.
  const roleList =
    ctx.dialect === "postgres"
      ? sql`(select string_agg(r.role, ',') from user_roles r where r.user_id = u.id)`
      : sql`(select group_concat(r.role, ',') from user_roles r where r.user_id = u.id)`;
  const { rows } = await sql<SessionRow>`
    select s.csrf_token, s.last_seen_at, s.expires_at,
           u.id, u.email, u.display_name, u.person_id, u.totp_enabled, u.disabled, u.must_change_password,
           ${roleList} as roles,
           (select st.value from settings st where st.key = ${SECURITY_SETTING}) as security
      from sessions s
      join users u on u.id = s.user_id
     where s.id_hash = ${idHash}`.execute(db);
  const row = rows[0];
  if (!row || row.disabled) return null;
  const settings = parseSecuritySettings(row.security);
  const now = ctx.clock.now();
  const idleLimit = new Date(row.last_seen_at).getTime() + settings.idleTimeoutMinutes * 60_000;
  if (row.expires_at <= now.toISOString() || idleLimit <= now.getTime()) {
    await db.deleteFrom("sessions").where("id_hash", "=", idHash).execute();
    return null;
  }
  // Touch at most once a minute: one write per request would serialise every page load.
  if (now.getTime() - new Date(row.last_seen_at).getTime() > 60_000) {
    await db
      .updateTable("sessions")
      .set({ last_seen_at: now.toISOString() })
      .where("id_hash", "=", idHash)
      .execute();
  }
  const roles = row.roles ? row.roles.split(",") : [];
  const totpEnabled = Boolean(row.totp_enabled);
  return {
    userId: row.id,
    email: row.email,
    displayName: row.display_name,
    personId: row.person_id,
    roles,
    permissions: permissionsOf(roles),
    csrfToken: row.csrf_token,
    totpEnabled,
    mustEnrolTotp: settings.totpRequiredForPrivileged && isPrivileged(roles) && !totpEnabled,
    mustChangePassword: Boolean(row.must_change_password),
  };
}

export async function signOut(ctx: Ctx, token: string): Promise<void> {
  await withTransaction(ctx, async (tx) => {
    const session = await peopleDb(tx)
      .selectFrom("sessions")
      .select("user_id")
      .where("id_hash", "=", hashToken(token))
      .executeTakeFirst();
    if (!session) return;
    await peopleDb(tx).deleteFrom("sessions").where("id_hash", "=", hashToken(token)).execute();
    await record(tx, "auth.logout", { type: "user", id: session.user_id });
  });
}

import * as OTPAuth from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../../test/db.ts";
import { actorWith, buildUser } from "../../../test/factories.ts";
import type { AppError } from "../../kernel/errors.ts";
import { solveChallenge } from "../../kernel/rate-counters.ts";
import { changePassword, confirmTotpEnrolment, startTotpEnrolment } from "./account.ts";
import { updateUser } from "./manage-users.ts";
import { getSecuritySettings, updateSecuritySettings } from "./security-settings.ts";
import { authenticateSession, FREE_SIGN_IN_TRIES, signIn } from "./sign-in.ts";

describe(`sign-in, sessions and TOTP (${process.env.PROBITY_TEST_DIALECT ?? "sqlite"})`, () => {
  let t: TestDb;
  const admin = actorWith(["admin"]);
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.destroy());

  const asUser = (s: {
    userId: string;
    roles: string[];
    permissions: Set<string>;
    personId: string | null;
  }) =>
    t.ctx({
      kind: "user",
      userId: s.userId,
      personId: s.personId,
      label: "u",
      roles: s.roles,
      permissions: s.permissions,
    });

  it("signs in with the right password only, stores the session hashed, and never leaks which part was wrong", async () => {
    const user = await buildUser(t.ctx(admin), ["auditor"], { email: "auditor@test.example" });
    await expect(
      signIn(t.ctx(), { email: "auditor@test.example", password: "wrong password!" }),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED", message: "The email or password is wrong." });
    await expect(
      signIn(t.ctx(), { email: "nobody@test.example", password: "whatever" }),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED", message: "The email or password is wrong." });
    const ok = await signIn(t.ctx(), { email: " Auditor@Test.example ", password: user.password });
    if (ok.status !== "ok") throw new Error("expected a session");
    const stored = await t.database.db
      .withTables<{ sessions: { id_hash: string } }>()
      .selectFrom("sessions")
      .select("id_hash")
      .execute();
    expect(stored.map((s) => s.id_hash)).not.toContain(ok.token);
    const session = await authenticateSession(t.ctx(), ok.token);
    expect(session).toMatchObject({ email: "auditor@test.example", roles: ["auditor"] });
    expect([...session!.permissions]).toContain("audit.read");
    // Privileged roles must enrol TOTP by default.
    expect(session!.mustEnrolTotp).toBe(true);
  });

  it("counts parallel wrong passwords atomically: of 12 at once only 5 are evaluated, the rest need a proof of work", async () => {
    const user = await buildUser(t.ctx(admin), [], { email: "race@test.example" });
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () =>
        signIn(t.ctx(), { email: "race@test.example", password: "nope nope nope" }),
      ),
    );
    const codes = results.map((r) => (r.status === "rejected" ? (r.reason as { code: string }).code : "ok"));
    expect(codes.filter((c) => c === "UNAUTHENTICATED")).toHaveLength(FREE_SIGN_IN_TRIES);
    expect(codes.filter((c) => c === "RATE_LIMITED")).toHaveLength(12 - FREE_SIGN_IN_TRIES);
    const failures = await t.database.db
      .selectFrom("audit_events")
      .select("payload")
      .where("action", "=", "auth.login_failed")
      .where("subject_id", "=", user.id)
      .execute();
    expect(failures).toHaveLength(FREE_SIGN_IN_TRIES);
    const row = await t.database.db
      .selectFrom("users" as never)
      .select("failed_logins" as never)
      .where("id" as never, "=", user.id as never)
      .executeTakeFirstOrThrow();
    expect((row as { failed_logins: number }).failed_logins).toBe(FREE_SIGN_IN_TRIES);
    expect(results.some((r) => r.status === "fulfilled")).toBe(false);
    // A solved puzzle is good for one try only: replaying it is refused.
    const refused = await signIn(t.ctx(), { email: "race@test.example", password: "x" }).catch(
      (e: AppError) => e,
    );
    const challenge = (refused as AppError).extra.challenge as string;
    const pow = { challenge, solution: solveChallenge(challenge) };
    await expect(
      signIn(t.ctx(), { email: "race@test.example", password: "nope nope nope", pow }),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(
      signIn(t.ctx(), { email: "race@test.example", password: "nope nope nope", pow }),
    ).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });

  it("never locks the real user out: after 40 wrong tries by someone who knows the e-mail, the right password gets in with one solved puzzle", async () => {
    const user = await buildUser(t.ctx(admin), [], { email: "target@test.example" });
    for (let i = 0; i < 40; i++) {
      await signIn(t.ctx(), { email: "target@test.example", password: `guess ${i}` }).catch(() => undefined);
    }
    const first = await signIn(t.ctx(), { email: "target@test.example", password: user.password }).catch(
      (e: AppError) => e,
    );
    expect(first).toMatchObject({ code: "RATE_LIMITED" });
    const challenge = (first as AppError).extra.challenge as string;
    const ok = await signIn(t.ctx(), {
      email: "target@test.example",
      password: user.password,
      pow: { challenge, solution: solveChallenge(challenge) },
    });
    expect(ok.status).toBe("ok");
    // Success clears the budget: the next sign-in needs no puzzle.
    await expect(
      signIn(t.ctx(), { email: "target@test.example", password: user.password }),
    ).resolves.toMatchObject({ status: "ok" });
  });

  it("asks the same puzzle for an unknown e-mail, so the limit does not reveal who has an account", async () => {
    for (let i = 0; i < FREE_SIGN_IN_TRIES; i++)
      await expect(signIn(t.ctx(), { email: "ghost@test.example", password: "x" })).rejects.toMatchObject({
        code: "UNAUTHENTICATED",
      });
    await expect(signIn(t.ctx(), { email: "ghost@test.example", password: "x" })).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
  });

  it("expires sessions after the idle and the absolute timeout", async () => {
    const user = await buildUser(t.ctx(admin), [], { email: "idle@test.example" });
    const first = await signIn(t.ctx(), { email: "idle@test.example", password: user.password });
    if (first.status !== "ok") throw new Error("expected a session");
    t.clock.advance(29 * 60_000);
    expect(await authenticateSession(t.ctx(), first.token)).not.toBeNull();
    t.clock.advance(31 * 60_000);
    expect(await authenticateSession(t.ctx(), first.token)).toBeNull();

    const second = await signIn(t.ctx(), { email: "idle@test.example", password: user.password });
    if (second.status !== "ok") throw new Error("expected a session");
    for (let i = 0; i < 25; i++) {
      t.clock.advance(29 * 60_000);
      await authenticateSession(t.ctx(), second.token);
    }
    // 12 h 5 min later, though never idle: the absolute timeout applies.
    expect(await authenticateSession(t.ctx(), second.token)).toBeNull();
  });

  it("reads the session with its roles and the idle timeout an administrator set, in one statement", async () => {
    const user = await buildUser(t.ctx(admin), ["hotline_operator", "board_member"], {
      email: "short@test.example",
    });
    const s = await signIn(t.ctx(), { email: "short@test.example", password: user.password });
    if (s.status !== "ok") throw new Error("expected a session");
    const session = await authenticateSession(t.ctx(), s.token);
    expect(session?.roles.slice().sort()).toEqual(["board_member", "hotline_operator"]);
    expect(session?.permissions.size).toBeGreaterThan(0);
    const before = await getSecuritySettings(t.ctx());
    try {
      await updateSecuritySettings(t.ctx(admin), { ...before, idleTimeoutMinutes: 5 });
      t.clock.advance(4 * 60_000);
      expect(await authenticateSession(t.ctx(), s.token)).not.toBeNull();
      t.clock.advance(6 * 60_000);
      expect(await authenticateSession(t.ctx(), s.token)).toBeNull();
    } finally {
      await updateSecuritySettings(t.ctx(admin), before);
    }
  });

  it("enrols TOTP and then requires the code at sign-in", async () => {
    const user = await buildUser(t.ctx(admin), ["compliance_officer"], { email: "cco@test.example" });
    const first = await signIn(t.ctx(), { email: "cco@test.example", password: user.password });
    if (first.status !== "ok") throw new Error("expected a session");
    const session = (await authenticateSession(t.ctx(), first.token))!;
    expect(session.mustEnrolTotp).toBe(true);
    const { secret, otpauthUrl, qrDataUrl } = await startTotpEnrolment(asUser(session));
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/Probity:cco%40test.example\?/);
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) });
    await expect(confirmTotpEnrolment(asUser(session), "000000")).rejects.toMatchObject({ code: "INVALID" });
    await confirmTotpEnrolment(asUser(session), totp.generate({ timestamp: t.clock.now().getTime() }));
    // The database holds the secret only sealed by the key file.
    const stored = await t.database.db
      .withTables<{ users: { id: string; totp_secret: string | null } }>()
      .selectFrom("users")
      .select("totp_secret")
      .where("id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(stored.totp_secret).not.toContain(secret);
    expect(stored.totp_secret).toMatch(/^[A-Za-z0-9+/=]+\.[A-Za-z0-9+/=]+$/);
    expect((await authenticateSession(t.ctx(), first.token))!.mustEnrolTotp).toBe(false);

    await expect(signIn(t.ctx(), { email: "cco@test.example", password: user.password })).resolves.toEqual({
      status: "totp_required",
    });
    await expect(
      signIn(t.ctx(), { email: "cco@test.example", password: user.password, totp: "123456" }),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    // The code that confirmed the enrolment is spent (no replay): sign in with the next one.
    t.clock.advance(30_000);
    const code = totp.generate({ timestamp: t.clock.now().getTime() });
    await expect(
      signIn(t.ctx(), { email: "cco@test.example", password: user.password, totp: code }),
    ).resolves.toMatchObject({ status: "ok" });
  });

  it("lets an administrator turn the TOTP requirement off (as the demo does)", async () => {
    const user = await buildUser(t.ctx(admin), ["hotline_operator"], { email: "op@test.example" });
    await updateSecuritySettings(t.ctx(admin), {
      totpRequiredForPrivileged: false,
      idleTimeoutMinutes: 30,
      absoluteTimeoutHours: 12,
    });
    const s = await signIn(t.ctx(), { email: "op@test.example", password: user.password });
    if (s.status !== "ok") throw new Error("expected a session");
    expect((await authenticateSession(t.ctx(), s.token))!.mustEnrolTotp).toBe(false);
    await updateSecuritySettings(t.ctx(admin), {
      totpRequiredForPrivileged: true,
      idleTimeoutMinutes: 30,
      absoluteTimeoutHours: 12,
    });
  });

  it("ends sessions when the account is disabled, and other sessions when the password changes", async () => {
    const user = await buildUser(t.ctx(admin), [], { email: "pw@test.example" });
    const a = await signIn(t.ctx(), { email: "pw@test.example", password: user.password });
    const b = await signIn(t.ctx(), { email: "pw@test.example", password: user.password });
    if (a.status !== "ok" || b.status !== "ok") throw new Error("expected sessions");
    const session = (await authenticateSession(t.ctx(), a.token))!;
    await expect(
      changePassword(asUser(session), {
        currentPassword: "wrong",
        newPassword: "a much longer password",
        sessionToken: a.token,
      }),
    ).rejects.toMatchObject({ code: "INVALID" });
    await expect(
      changePassword(asUser(session), {
        currentPassword: user.password,
        newPassword: "short",
        sessionToken: a.token,
      }),
    ).rejects.toMatchObject({ code: "INVALID" });
    await changePassword(asUser(session), {
      currentPassword: user.password,
      newPassword: "a much longer password",
      sessionToken: a.token,
    });
    expect(await authenticateSession(t.ctx(), a.token)).not.toBeNull();
    expect(await authenticateSession(t.ctx(), b.token)).toBeNull();
    await updateUser(t.ctx(admin), user.id, { disabled: true });
    expect(await authenticateSession(t.ctx(), a.token)).toBeNull();
    await expect(
      signIn(t.ctx(), { email: "pw@test.example", password: "a much longer password" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

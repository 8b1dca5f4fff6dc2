import * as OTPAuth from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../../test/db.ts";
import { actorWith, buildUser } from "../../../test/factories.ts";
import { changePassword, confirmTotpEnrolment, startTotpEnrolment } from "./account.ts";
import { updateUser } from "./manage-users.ts";
import { updateSecuritySettings } from "./security-settings.ts";
import { authenticateSession, signIn } from "./sign-in.ts";

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

  it("locks the account for fifteen minutes after five failures", async () => {
    const user = await buildUser(t.ctx(admin), [], { email: "lock@test.example" });
    for (let i = 0; i < 5; i++)
      await expect(
        signIn(t.ctx(), { email: "lock@test.example", password: "nope nope nope" }),
      ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(
      signIn(t.ctx(), { email: "lock@test.example", password: user.password }),
    ).rejects.toMatchObject({ code: "RATE_LIMITED" });
    t.clock.advance(16 * 60_000);
    await expect(
      signIn(t.ctx(), { email: "lock@test.example", password: user.password }),
    ).resolves.toMatchObject({ status: "ok" });
    const failures = await t.database.db
      .selectFrom("audit_events")
      .select("payload")
      .where("action", "=", "auth.login_failed")
      .where("subject_id", "=", user.id)
      .execute();
    expect(failures).toHaveLength(5);
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

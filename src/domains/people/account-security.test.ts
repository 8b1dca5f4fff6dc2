import * as OTPAuth from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../../test/db.ts";
import { actorWith, buildUser } from "../../../test/factories.ts";
import type { Ctx } from "../../kernel/context.ts";
import { changePassword, confirmTotpEnrolment, startTotpEnrolment } from "./account.ts";
import { createUser, resetTotp } from "./manage-users.ts";
import { REAUTH_TRIES, RECOVERY_CODE_COUNT, regenerateRecoveryCodes } from "./second-factor.ts";
import { authenticateSession, signIn } from "./sign-in.ts";

/** Issue 12, finding 15: TOTP replay, re-authentication, recovery codes, initial passwords. */
describe(`account security (${process.env.PROBITY_TEST_DIALECT ?? "sqlite"})`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.destroy());

  const asUser = (userId: string): Ctx =>
    t.ctx({ kind: "user", userId, personId: null, label: "u", roles: [], permissions: new Set() });

  /** A user with an enrolled authenticator; returns its TOTP generator and recovery codes. */
  async function enrolled(email: string) {
    const user = await buildUser(t.ctx(), [], { email });
    const { secret } = await startTotpEnrolment(asUser(user.id));
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) });
    const confirmed = await confirmTotpEnrolment(
      asUser(user.id),
      totp.generate({ timestamp: t.clock.now().getTime() }),
    );
    t.clock.advance(30_000);
    const code = () => totp.generate({ timestamp: t.clock.now().getTime() });
    return { ...user, totp, code, recoveryCodes: confirmed.recoveryCodes };
  }

  it("a TOTP code is accepted once: the same code again, even in parallel, is refused", async () => {
    const u = await enrolled("replay@test.example");
    const code = u.code();
    const tries = await Promise.allSettled(
      [1, 2, 3].map(() => signIn(t.ctx(), { email: u.email, password: u.password, totp: code })),
    );
    expect(tries.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    await expect(signIn(t.ctx(), { email: u.email, password: u.password, totp: code })).rejects.toMatchObject(
      {
        code: "UNAUTHENTICATED",
        message: expect.stringContaining("used already"),
      },
    );
    // An older code (still inside the ±1 step drift window) is refused too; the next one works.
    t.clock.advance(30_000);
    await expect(signIn(t.ctx(), { email: u.email, password: u.password, totp: code })).rejects.toMatchObject(
      {
        code: "UNAUTHENTICATED",
      },
    );
    await expect(
      signIn(t.ctx(), { email: u.email, password: u.password, totp: u.code() }),
    ).resolves.toMatchObject({ status: "ok" });
  });

  it("enrolment issues ten single-use recovery codes, stored only as hashes, each good once at sign-in", async () => {
    const u = await enrolled("recovery@test.example");
    expect(u.recoveryCodes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(u.recoveryCodes).size).toBe(RECOVERY_CODE_COUNT);
    for (const c of u.recoveryCodes) expect(c).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const stored = await t.database.db
      .withTables<{ user_recovery_codes: { user_id: string; code_hash: string } }>()
      .selectFrom("user_recovery_codes")
      .select("code_hash")
      .where("user_id", "=", u.id)
      .execute();
    expect(stored).toHaveLength(RECOVERY_CODE_COUNT);
    const plain = u.recoveryCodes.map((c) => c.replaceAll("-", ""));
    for (const s of stored) for (const c of plain) expect(s.code_hash).not.toContain(c);

    const code = u.recoveryCodes[0]!;
    await expect(
      signIn(t.ctx(), { email: u.email, password: u.password, recoveryCode: code.toUpperCase() }),
    ).resolves.toMatchObject({ status: "ok" });
    await expect(
      signIn(t.ctx(), { email: u.email, password: u.password, recoveryCode: code }),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED", message: expect.stringContaining("recovery code") });
    await expect(
      signIn(t.ctx(), { email: u.email, password: "wrong password!", recoveryCode: u.recoveryCodes[1] }),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("regenerating recovery codes needs the password and voids the old ones", async () => {
    const u = await enrolled("regen@test.example");
    await expect(
      regenerateRecoveryCodes(asUser(u.id), { password: "not the password" }),
    ).rejects.toMatchObject({ code: "INVALID" });
    const { recoveryCodes } = await regenerateRecoveryCodes(asUser(u.id), { password: u.password });
    expect(recoveryCodes).toHaveLength(RECOVERY_CODE_COUNT);
    await expect(
      signIn(t.ctx(), { email: u.email, password: u.password, recoveryCode: u.recoveryCodes[2] }),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(
      signIn(t.ctx(), { email: u.email, password: u.password, recoveryCode: recoveryCodes[0] }),
    ).resolves.toMatchObject({ status: "ok" });
  });

  it("replacing the authenticator needs the password or a current code, not the session alone", async () => {
    const u = await enrolled("replace@test.example");
    await expect(startTotpEnrolment(asUser(u.id))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(startTotpEnrolment(asUser(u.id), { password: "guessing wrong" })).rejects.toMatchObject({
      code: "INVALID",
    });
    await expect(startTotpEnrolment(asUser(u.id), { code: "000000" })).rejects.toMatchObject({
      code: "INVALID",
    });
    await expect(startTotpEnrolment(asUser(u.id), { password: u.password })).resolves.toMatchObject({
      secret: expect.any(String),
    });
    t.clock.advance(30_000);
    await expect(startTotpEnrolment(asUser(u.id), { code: u.code() })).resolves.toMatchObject({
      secret: expect.any(String),
    });
    // Nor can an administrator remove their own authenticator through the admin screen.
    const admin = await buildUser(t.ctx(), ["admin"], { email: "self-reset@test.example" });
    await expect(
      resetTotp(t.ctx(actorWith(["admin"], { userId: admin.id })), admin.id),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("an account an administrator creates with an initial password must change it at first sign-in", async () => {
    const admin = await buildUser(t.ctx(), ["admin"], { email: "creator@test.example" });
    const created = await createUser(t.ctx(actorWith(["admin"], { userId: admin.id })), {
      email: "newcomer@test.example",
      displayName: "New Comer",
      personId: null,
      password: "initial password 2026",
      roles: [],
    });
    expect(created.mustChangePassword).toBe(true);
    const s = await signIn(t.ctx(), { email: "newcomer@test.example", password: "initial password 2026" });
    if (s.status !== "ok") throw new Error("expected a session");
    expect((await authenticateSession(t.ctx(), s.token))!.mustChangePassword).toBe(true);
    await changePassword(asUser(created.id), {
      currentPassword: "initial password 2026",
      newPassword: "my own long password",
      sessionToken: s.token,
    });
    expect((await authenticateSession(t.ctx(), s.token))!.mustChangePassword).toBe(false);
    // Accounts the system seeds (the demo, the CLI's first administrator) are not forced.
    const seeded = await buildUser(t.ctx(), [], { email: "seeded@test.example" });
    expect(seeded.mustChangePassword).toBe(false);
  });

  it("a stolen session cannot guess the password through the account screens: wrong tries are counted, in parallel too (issue 12, finding 15)", async () => {
    const user = await buildUser(t.ctx(), [], { email: "guessed@test.example" });
    const s = await signIn(t.ctx(), { email: "guessed@test.example", password: user.password });
    if (s.status !== "ok") throw new Error("expected a session");
    const attempt = (currentPassword: string) =>
      changePassword(asUser(user.id), {
        currentPassword,
        newPassword: "a new long password",
        sessionToken: s.token,
      });
    const results = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => attempt(`guess ${i}`)));
    const codes = results.map((r) => (r.status === "rejected" ? (r.reason as { code: string }).code : "ok"));
    expect(codes.filter((c) => c === "INVALID")).toHaveLength(REAUTH_TRIES);
    expect(codes.filter((c) => c === "RATE_LIMITED")).toHaveLength(12 - REAUTH_TRIES);
    // Even the right password waits for the window to pass; then it works.
    await expect(attempt(user.password)).rejects.toMatchObject({ code: "RATE_LIMITED" });
    t.clock.advance(16 * 60_000);
    await expect(attempt(user.password)).resolves.toEqual({ ok: true });
  });
});

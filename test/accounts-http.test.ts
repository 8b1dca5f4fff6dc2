import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestApp, signedIn, type TestApp } from "./app.ts";
import { mailsTo, tasksOf as tasksOfUser } from "./records.ts";

type UserView = { id: string; email: string; roles: string[]; pendingRoles: string[] };
type Grant = { id: string; role: string; status: string; user: { id: string }; can: { decide: boolean } };

/** Issue 12, findings 11 and 15, over HTTP. */
describe(`accounts over HTTP (${process.env.PROBITY_TEST_DIALECT ?? "sqlite"})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ totp: "off" });
  });
  afterAll(() => t.destroy());

  const me = async (c: Client) => (await c.get("/api/auth/me")).json() as { user: { id: string } };
  const tasksOf = (userId: string) => tasksOfUser(t.database, userId, { open: true });
  const auditActions = async () =>
    (await t.database.db.selectFrom("audit_events").select("action").execute()).map((e) => e.action);

  describe("four-eyes role grants (finding 11)", () => {
    it("COC-22.2: an administrator cannot grant itself compliance_officer in one step; another administrator approves it", async () => {
      const chair = await signedIn(t, ["audit_committee_chair"]);
      const chairId = (await me(chair)).user.id;
      const admin = await signedIn(t, ["admin"]);
      const adminId = (await me(admin)).user.id;

      const patched = await admin.send("PATCH", `/api/users/${adminId}`, {
        roles: ["admin", "compliance_officer"],
      });
      expect(patched.statusCode).toBe(200);
      const view = patched.json() as UserView;
      expect(view.roles).toEqual(["admin"]);
      expect(view.pendingRoles).toEqual(["compliance_officer"]);
      // Not a handler yet: the speak-up cases stay closed to it.
      expect((await admin.get("/api/speakup/cases")).statusCode).toBe(403);

      // The requester cannot approve its own request.
      const grants = (await admin.get("/api/role-grants")).json() as { items: Grant[] };
      const grant = grants.items.find((g) => g.user.id === adminId && g.role === "compliance_officer")!;
      expect(grant).toMatchObject({ status: "pending", can: { decide: false } });
      const self = await admin.send("POST", `/api/role-grants/${grant.id}/approve`);
      expect(self.statusCode).toBe(403);
      expect(self.json().detail).toContain("four-eyes");

      // The Audit Committee chair has a task and an e-mail, and sees the request.
      expect((await tasksOf(chairId)).some((x) => x.kind === "people.role_grant.oversee")).toBe(true);
      const chairEmail = (await chair.get("/api/auth/me")).json().user.email as string;
      const mail = await mailsTo(t.database, chairEmail);
      expect(mail.some((m) => m.subject.includes("Compliance officer"))).toBe(true);
      const seen = (await chair.get("/api/role-grants")).json() as { items: Grant[] };
      expect(seen.items.find((g) => g.id === grant.id)).toMatchObject({
        status: "pending",
        can: { decide: false },
      });
      expect((await chair.send("POST", `/api/role-grants/${grant.id}/approve`)).statusCode).toBe(403);

      // A second administrator approves: the role is granted.
      const second = await signedIn(t, ["admin"]);
      const approved = await second.send("POST", `/api/role-grants/${grant.id}/approve`);
      expect(approved.statusCode).toBe(200);
      expect(approved.json()).toMatchObject({ status: "approved" });
      expect((await admin.get("/api/speakup/cases")).statusCode).toBe(200);
      expect((await second.send("POST", `/api/role-grants/${grant.id}/approve`)).statusCode).toBe(409);
      const actions = await auditActions();
      expect(actions).toEqual(expect.arrayContaining(["role_grant.request", "role_grant.approve"]));

      // The chair marks it seen; the oversight task closes.
      expect((await chair.send("POST", `/api/role-grants/${grant.id}/acknowledge`)).statusCode).toBe(200);
      expect((await tasksOf(chairId)).some((x) => x.href?.includes(grant.id))).toBe(false);
    });

    it("a new account created with a four-eyes role gets it only as a request; the grantee cannot approve; a rejection is audited", async () => {
      const admin = await signedIn(t, ["admin"]);
      const created = await admin.send("POST", "/api/users", {
        email: "new.auditor@test.example",
        displayName: "New Auditor",
        password: "initial password 2026",
        roles: ["auditor", "board_member"],
      });
      expect(created.statusCode).toBe(201);
      const user = created.json() as UserView;
      expect(user.roles).toEqual(["board_member"]);
      expect(user.pendingRoles).toEqual(["auditor"]);
      const grant = ((await admin.get("/api/role-grants")).json() as { items: Grant[] }).items.find(
        (g) => g.user.id === user.id,
      )!;
      // An administrator who is the grantee may not decide either.
      const granteeAdmin = await signedIn(t, ["admin"]);
      const granteeId = (await me(granteeAdmin)).user.id;
      await admin.send("PATCH", `/api/users/${granteeId}`, { roles: ["admin", "general_counsel"] });
      const own = ((await granteeAdmin.get("/api/role-grants")).json() as { items: Grant[] }).items.find(
        (g) => g.user.id === granteeId,
      )!;
      expect((await granteeAdmin.send("POST", `/api/role-grants/${own.id}/approve`)).statusCode).toBe(403);

      const rejected = await granteeAdmin.send("POST", `/api/role-grants/${grant.id}/reject`, {
        note: "No audit work planned.",
      });
      expect(rejected.statusCode).toBe(200);
      expect(rejected.json()).toMatchObject({ status: "rejected" });
      expect((await auditActions()).includes("role_grant.reject")).toBe(true);
      // Roles that read nothing sensitive are still granted at once; removing a role is immediate.
      const list = (await admin.get("/api/users?q=new.auditor")).json() as { items: UserView[] };
      expect(list.items[0]).toMatchObject({ roles: ["board_member"], pendingRoles: [] });
    });

    it("an employee or investor may not list role grants", async () => {
      const investor = await signedIn(t, ["investor"]);
      expect((await investor.get("/api/role-grants")).statusCode).toBe(403);
    });
  });

  describe("initial passwords (finding 15)", () => {
    it("an account an administrator created reaches only the change-password endpoint until it changes the password", async () => {
      const admin = await signedIn(t, ["admin"]);
      await admin.send("POST", "/api/users", {
        email: "first.login@test.example",
        displayName: "First Login",
        password: "initial password 2026",
        roles: [],
      });
      const login = await t.server.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { email: "first.login@test.example", password: "initial password 2026" },
      });
      expect(login.statusCode).toBe(200);
      const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
      const csrf = (login.json() as { csrfToken: string }).csrfToken;
      const get = (url: string) => t.server.inject({ method: "GET", url, headers: { cookie } });
      const meRes = await get("/api/auth/me");
      expect(meRes.statusCode).toBe(200);
      expect(meRes.json()).toMatchObject({ mustChangePassword: true });
      const blocked = await get("/api/tasks");
      expect(blocked.statusCode).toBe(403);
      expect(blocked.json()).toMatchObject({ code: "PASSWORD_CHANGE_REQUIRED" });
      expect((await get("/api/dashboard")).statusCode).toBe(403);
      const changed = await t.server.inject({
        method: "POST",
        url: "/api/auth/password",
        headers: { cookie, "x-csrf-token": csrf },
        payload: { currentPassword: "initial password 2026", newPassword: "a password of my own" },
      });
      expect(changed.statusCode).toBe(200);
      expect((await get("/api/tasks")).statusCode).toBe(200);
    });
  });

  describe("dashboard (finding 15)", () => {
    it("the API returns headcount, audit-event and outbox counts only to those whose permission reads them", async () => {
      const investor = await signedIn(t, ["investor"]);
      const employee = await signedIn(t, []);
      for (const c of [investor, employee]) {
        const d = (await c.get("/api/dashboard")).json();
        expect(d).toMatchObject({ people: null, auditEvents: null, outboxPending: null, deadJobs: null });
        expect(d.headcountByCountry).toEqual([]);
      }
      const admin = await signedIn(t, ["admin"]);
      const d = (await admin.get("/api/dashboard")).json();
      expect(d.auditEvents).toBeGreaterThan(0);
      expect(d.outboxPending).toEqual(expect.any(Number));
      expect(d.people).toMatchObject({ active: expect.any(Number) });
    });
  });

  describe("authenticator routes (finding 15)", () => {
    it("the first enrolment needs no body; a wrong recovery code is refused at sign-in", async () => {
      const user = await signedIn(t, []);
      const start = await user.send("POST", "/api/auth/totp/start");
      expect(start.statusCode, start.body).toBe(200);
      const regen = await user.send("POST", "/api/auth/recovery-codes", { password: "whatever it is" });
      expect(regen.statusCode).toBe(409);
    });
  });
});

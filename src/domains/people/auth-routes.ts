import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { okResponse } from "../../kernel/http/responses.ts";
import { endpoints, type RouteDeps, typed } from "../../kernel/http/routes.ts";
import { ctxOf, SESSION_COOKIE } from "../../kernel/http/server.ts";
import { changePassword, confirmTotpEnrolment, startTotpEnrolment } from "./account.ts";
import { getOrganisation } from "./organisation.ts";
import type { Permission } from "./roles.ts";
import { recoveryCodesLeft, regenerateRecoveryCodes } from "./second-factor.ts";
import { getSecuritySettings } from "./security-settings.ts";
import { signIn, signOut } from "./sign-in.ts";
import {
  loginInfoView,
  loginResultView,
  meView,
  recoveryCodesView,
  totpEnrolledView,
  totpEnrolmentView,
} from "./views.ts";

const route = endpoints(["auth"]);

export function registerAuthRoutes(app: FastifyInstance, deps: RouteDeps) {
  const r = typed(app);
  const cookieOptions = {
    path: "/",
    httpOnly: true,
    sameSite: "lax" as const,
    secure: deps.config.publicUrl.startsWith("https://"),
  };

  r.get(
    "/api/auth/login-info",
    route(
      "auth.login_info",
      { public: true },
      { summary: "What the sign-in page shows", response: { 200: loginInfoView } },
    ),
    async (request) => {
      const ctx = ctxOf(request, deps);
      const org = await getOrganisation(ctx);
      const security = await getSecuritySettings(ctx);
      return {
        organisationName: org.name,
        demo: deps.demoAccounts.length > 0,
        totpRequiredForPrivileged: security.totpRequiredForPrivileged,
        demoAccounts: deps.demoAccounts,
      };
    },
  );

  const login = route(
    "auth.login",
    { public: true },
    {
      summary: "Sign in with email, password and (when enrolled) a TOTP code",
      body: z.object({
        email: z.string().min(1).max(320),
        password: z.string().min(1).max(200),
        totp: z.string().max(12).optional(),
        /** A solved puzzle, when the previous answer asked for one (429 with `challenge`). */
        pow: z.object({ challenge: z.string().max(200), solution: z.string().max(32) }).optional(),
        recoveryCode: z.string().max(40).optional(),
      }),
      response: { 200: loginResultView },
    },
  );
  r.post(
    "/api/auth/login",
    { ...login, config: { ...login.config, rateLimit: { max: 20, timeWindow: "1 minute" } } },
    async (request, reply) => {
      const result = await signIn(ctxOf(request, deps), request.body);
      if (result.status === "totp_required") return { status: "totp_required" as const };
      reply.setCookie(SESSION_COOKIE, result.token, cookieOptions);
      return { status: "ok" as const, csrfToken: result.csrfToken };
    },
  );

  r.post(
    "/api/auth/logout",
    route(
      "auth.logout",
      { authenticated: true, beforeTotp: true, beforePasswordChange: true },
      { response: { 200: okResponse } },
    ),
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await signOut(ctxOf(request, deps), token);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return { ok: true as const };
    },
  );

  r.get(
    "/api/auth/me",
    route(
      "auth.me",
      { authenticated: true, beforeTotp: true, beforePasswordChange: true },
      { summary: "The signed-in user, roles, permissions and CSRF token", response: { 200: meView } },
    ),
    async (request) => {
      const s = request.session!;
      const actor = s.actor;
      return {
        user: { id: actor.userId, email: s.email, displayName: s.displayName, personId: actor.personId },
        roles: [...actor.roles],
        permissions: [...actor.permissions].sort() as Permission[],
        totpEnabled: s.totpEnabled,
        mustEnrolTotp: s.mustEnrolTotp,
        mustChangePassword: s.mustChangePassword,
        recoveryCodesLeft: s.totpEnabled ? await recoveryCodesLeft(ctxOf(request, deps), actor.userId) : 0,
        csrfToken: s.csrfToken,
      };
    },
  );

  r.post(
    "/api/auth/totp/start",
    route(
      "auth.totp.start",
      { authenticated: true, beforeTotp: true },
      {
        summary: "Begin enrolling an authenticator app (replacing one needs the password or a current code)",
        body: z
          .object({
            password: z.string().max(200).optional(),
            code: z.string().max(12).optional(),
          })
          .nullish(),
        response: { 200: totpEnrolmentView },
      },
    ),
    async (request) => startTotpEnrolment(ctxOf(request, deps), request.body ?? {}),
  );

  r.post(
    "/api/auth/recovery-codes",
    route(
      "auth.recovery_codes.regenerate",
      { authenticated: true },
      {
        summary: "Replace the recovery codes (needs the password); the new ones are shown once",
        body: z.object({ password: z.string().min(1).max(200) }),
        response: { 200: recoveryCodesView },
      },
    ),
    async (request) => regenerateRecoveryCodes(ctxOf(request, deps), request.body),
  );

  r.post(
    "/api/auth/totp/confirm",
    route(
      "auth.totp.enrol",
      { authenticated: true, beforeTotp: true },
      {
        body: z.object({ code: z.string().regex(/^\s*\d{3}\s?\d{3}\s*$/, "must be the 6-digit code") }),
        response: { 200: totpEnrolledView },
      },
    ),
    async (request) => confirmTotpEnrolment(ctxOf(request, deps), request.body.code),
  );

  r.post(
    "/api/auth/password",
    route(
      "auth.password.change",
      { authenticated: true, beforeTotp: true, beforePasswordChange: true },
      {
        body: z.object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().max(200) }),
        response: { 200: okResponse },
      },
    ),
    async (request) =>
      changePassword(ctxOf(request, deps), {
        ...request.body,
        sessionToken: request.cookies[SESSION_COOKIE] ?? "",
      }),
  );
}

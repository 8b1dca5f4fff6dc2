import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { createProbity, type Probity } from "../src/app.ts";
import { type RoleName, updateSecuritySettings } from "../src/domains/people/index.ts";
import { loadConfig } from "../src/kernel/config.ts";
import { createTestDb, type TestDb } from "./db.ts";
import { buildUser } from "./factories.ts";

export type TestApp = TestDb & { app: Probity; server: FastifyInstance };

/** The whole application on a fresh test database, driven with fastify.inject (no network). */
export async function createTestApp(
  options: {
    env?: Record<string, string>;
    /** Capture log lines at this level (silent by default). */
    log?: { level: "trace" | "debug" | "info"; stream: NodeJS.WritableStream };
    /**
     * "off": privileged roles sign in without TOTP, so a test reaches the permission check instead
     * of the TOTP gate's 403 (test/http.test.ts covers the gate itself).
     */
    totp?: "off";
  } = {},
): Promise<TestApp> {
  const t = await createTestDb();
  const config = loadConfig({ PROBITY_DATA_DIR: t.dir, LOG_LEVEL: "silent", ...options.env });
  const app = await createProbity({
    config,
    database: t.database,
    clock: t.clock,
    logLevel: options.log?.level ?? false,
    ...(options.log && { logStream: options.log.stream }),
  });
  await app.server.ready();
  if (options.totp === "off")
    await updateSecuritySettings(t.ctx(), {
      totpRequiredForPrivileged: false,
      idleTimeoutMinutes: 30,
      absoluteTimeoutHours: 12,
    });
  return {
    ...t,
    app,
    server: app.server,
    async destroy() {
      await app.server.close();
      await t.destroy();
    },
  };
}

export type Client = {
  cookie: string;
  csrf: string;
  get(url: string): Promise<LightMyRequestResponse>;
  send(
    method: "POST" | "PUT" | "PATCH" | "DELETE",
    url: string,
    body?: unknown,
  ): Promise<LightMyRequestResponse>;
};

/** Creates a user with `roles`, signs in over HTTP and returns a client carrying the cookie and CSRF token. */
export async function signedIn(
  t: TestApp,
  roles: RoleName[],
  options: { personId?: string | null; displayName?: string } = {},
): Promise<Client> {
  const user = await buildUser(t.ctx(), roles, {
    personId: options.personId ?? null,
    displayName: options.displayName,
  });
  return loginAs(t, user);
}

/** Signs an existing user in over HTTP; the client carries the session cookie and CSRF token. */
export async function loginAs(t: TestApp, user: { email: string; password: string }): Promise<Client> {
  const res = await t.server.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { email: user.email, password: user.password },
  });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  return {
    cookie,
    csrf,
    get: (url) => t.server.inject({ method: "GET", url, headers: { cookie } }),
    send: (method, url, body) =>
      t.server.inject({
        method,
        url,
        headers: { cookie, "x-csrf-token": csrf },
        ...(body !== undefined && { payload: body as object }),
      }),
  };
}

/** A FormData as a body for fastify.inject: its multipart content type (with the boundary) and bytes. */
export async function multipart(fd: FormData) {
  const request = new Request("http://localhost/", { method: "POST", body: fd });
  return {
    headers: { "content-type": request.headers.get("content-type")! },
    payload: Buffer.from(await request.arrayBuffer()),
  };
}

/** Form fields as a browser posts a form without files (urlencoded), for fastify.inject. */
export const formBody = (fields: Record<string, string>) => ({
  headers: { "content-type": "application/x-www-form-urlencoded" },
  payload: new URLSearchParams(fields).toString(),
});

import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import cookie from "@fastify/cookie";
import formbody from "@fastify/formbody";
import helmet from "@fastify/helmet";
import multipart from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { Clock } from "../clock.ts";
import type { Config } from "../config.ts";
import { type Actor, anonymousActor, type Ctx, hasPermission } from "../context.ts";
import type { KeyRing } from "../crypto.ts";
import type { Database } from "../db.ts";
import { AppError } from "../errors.ts";
import { errorHandler, sendProblem } from "./problem.ts";

export const SESSION_COOKIE = "probity_session";

export type SessionInfo = {
  actor: Actor & { kind: "user" };
  email: string;
  displayName: string;
  csrfToken: string;
  totpEnabled: boolean;
  mustEnrolTotp: boolean;
  /** An administrator set the password: only the change-password route until it is changed. */
  mustChangePassword: boolean;
};

/** What a route declares: its action name (permission, audit event and operation id) and who may call it. */
export type RouteAccess = {
  action: string;
  /** The permission required; omit only with `public` or `authenticated`. */
  permission?: string;
  /** No session needed (login, health, the public speak-up portal). */
  public?: boolean;
  /** Any signed-in user. */
  authenticated?: boolean;
  /** Reachable while TOTP enrolment is still pending (auth routes). */
  beforeTotp?: boolean;
  /** Reachable while an administrator-set password must still be changed (me, logout, change). */
  beforePasswordChange?: boolean;
};

declare module "fastify" {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor;
    session: SessionInfo | null;
  }
}

export type HttpDeps = {
  config: Config;
  database: Database;
  clock: Clock;
  version: string;
  authenticate: (token: string) => Promise<SessionInfo | null>;
  webRoot?: string | undefined;
  logger?: boolean | object;
};

export type App = FastifyInstance;
export type TypedApp = ReturnType<FastifyInstance["withTypeProvider"]> & FastifyInstance;

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function loggerOptions(level: string) {
  return {
    level,
    // No IP address, user agent or referrer is ever logged (reporter anonymity, DESIGN.md).
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url.split("?")[0] }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    redact: ["req.headers", "headers.cookie", "*.password", "*.totp", "*.csrfToken"],
  };
}

export async function buildServer(deps: HttpDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? loggerOptions(deps.config.logLevel),
    bodyLimit: 5 * 1024 * 1024,
    trustProxy: false,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  // Fastify wants null decorators for reference types; the onRequest hook sets the real value.
  app.decorateRequest("actor", null as never);
  app.decorateRequest("session", null);

  // Deny by default: a route that does not say who may call it is a programming error.
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/") || route.url.startsWith("/api/docs")) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${route.method} ${route.url} declares no access (config.access)`);
    if (!access.public && !access.authenticated && !access.permission) {
      throw new Error(`Route ${route.method} ${route.url} needs a permission, authenticated or public`);
    }
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", "data:"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    referrerPolicy: { policy: "no-referrer" },
    crossOriginEmbedderPolicy: false,
    hsts: deps.config.publicUrl.startsWith("https://"),
  });
  await app.register(cookie);
  // HTML forms (the public speak-up portal works without JavaScript): urlencoded and multipart.
  await app.register(formbody, { bodyLimit: 1024 * 1024 });
  await app.register(multipart, {
    limits: { fileSize: 10 * 1024 * 1024, files: 5, fields: 50, fieldSize: 100 * 1024 },
  });
  await app.register(rateLimit, {
    global: true,
    max: 1200,
    timeWindow: "1 minute",
    // Signed-in users are limited per session, so colleagues behind one NAT or proxy do not share
    // a budget; anonymous callers per client address (kept in memory only, never stored or logged).
    keyGenerator: (request) => {
      const token = request.cookies?.[SESSION_COOKIE];
      return token
        ? `s:${createHash("sha256").update(token).digest("base64url").slice(0, 22)}`
        : `ip:${request.ip}`;
    },
    errorResponseBuilder: (_req, context) => {
      const error = new AppError("RATE_LIMITED", `Too many requests; try again in ${context.after}.`);
      return Object.assign(error, { statusCode: 429 });
    },
  });

  await app.register(swagger, {
    openapi: {
      info: {
        title: "Probity API",
        description: "Governance, ethics and compliance. Errors are application/problem+json (RFC 9457).",
        version: deps.version,
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: SESSION_COOKIE },
          csrf: { type: "apiKey", in: "header", name: "x-csrf-token" },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true });
  app.get(
    "/api/openapi.json",
    { config: { access: { action: "openapi.read", public: true } }, schema: { hide: true } },
    async () => app.swagger(),
  );

  app.addHook("onRequest", async (request, reply) => {
    request.actor = anonymousActor;
    const access = request.routeOptions.config?.access;
    if (!access) return;
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await deps.authenticate(token) : null;
    if (session) {
      request.session = session;
      request.actor = session.actor;
    }
    if (access.public) return;
    if (!session) return sendProblem(reply, 401, "UNAUTHENTICATED", "Sign in to continue.");
    if (WRITE_METHODS.has(request.method) && request.headers["x-csrf-token"] !== session.csrfToken) {
      return sendProblem(
        reply,
        403,
        "CSRF",
        "The CSRF token is missing or wrong; reload the page and try again.",
      );
    }
    if (session.mustChangePassword && !access.beforePasswordChange) {
      return sendProblem(
        reply,
        403,
        "PASSWORD_CHANGE_REQUIRED",
        "An administrator set your password: choose your own password before you continue.",
      );
    }
    if (session.mustEnrolTotp && !access.beforeTotp) {
      return sendProblem(
        reply,
        403,
        "TOTP_ENROLMENT_REQUIRED",
        "Your role requires two-factor authentication: enrol an authenticator app first.",
      );
    }
    if (access.permission && !hasPermission(session.actor, access.permission)) {
      return sendProblem(reply, 403, "FORBIDDEN", `You do not have the permission "${access.permission}".`);
    }
  });

  app.addHook("onSend", async (request, reply, payload) => {
    if (request.url.startsWith("/api/") && !reply.hasHeader("cache-control"))
      reply.header("cache-control", "no-store");
    return payload;
  });

  const webRoot = deps.webRoot;
  const hasWeb = webRoot !== undefined && fs.existsSync(path.join(webRoot, "index.html"));
  if (hasWeb) {
    // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
    await app.register(fastifyStatic, { root: webRoot, prefix: "/", wildcard: true, index: ["index.html"] });
  }
  app.setNotFoundHandler((request, reply) => {
    if (!request.url.startsWith("/api/") && request.method === "GET" && hasWeb) {
      return reply.type("text/html").sendFile("index.html");
    }
    if (!request.url.startsWith("/api/") && request.method === "GET") {
      return reply
        .type("text/html")
        .send("<h1>Probity</h1><p>The web app is not built. Run <code>npm run build:web</code>.</p>");
    }
    return sendProblem(
      reply,
      404,
      "NOT_FOUND",
      `${request.method} ${request.url.split("?")[0]} does not exist.`,
    );
  });

  return app;
}

/** The use-case context of a request. */
export function ctxOf(
  request: FastifyRequest,
  deps: { database: Database; clock: Clock; keyRing?: KeyRing },
): Ctx {
  return {
    db: deps.database.db,
    dialect: deps.database.dialect,
    actor: request.actor,
    clock: deps.clock,
    ...(deps.keyRing && { keyRing: deps.keyRing }),
  };
}

export function sendCsv(reply: FastifyReply, filename: string, csv: string) {
  return reply
    .header("content-type", "text/csv; charset=utf-8")
    .header("content-disposition", `attachment; filename="${filename}"`)
    .send(csv);
}

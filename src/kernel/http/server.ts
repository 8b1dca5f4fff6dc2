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
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
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
import { type RouteRecord, routeRecord } from "./route-table.ts";

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
  /**
   * Acts for nobody (the public speak-up portal, COC-22.2): the staff session cookie is never
   * read, so the session is neither looked up nor touched and no row written by the request can
   * be linked to a signed-in employee. Implies `public`.
   */
  anonymous?: boolean;
  /** Reachable while an administrator-set password must still be changed (me, logout, change). */
  beforePasswordChange?: boolean;
};

declare module "fastify" {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyInstance {
    /** Every route as declared (see route-table.ts). */
    routeTable: RouteRecord[];
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
  /** false silences the server; otherwise `loggerOptions(level)` with an optional destination. */
  logger?: false | { level: string; stream?: NodeJS.WritableStream | undefined };
};

export type App = FastifyInstance;
export type TypedApp = ReturnType<FastifyInstance["withTypeProvider"]> & FastifyInstance;

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The one place a URL is written to a log: its path only (a query string can carry anything). */
const pathOnly = (url: string) => url.split("?")[0]?.slice(0, 200) ?? "";

/**
 * The logger options of every Probity process (server, CLI, jobs): whatever the level, no client
 * address, user agent, referrer, cookie, query string or body is ever written (reporter anonymity,
 * COC-22.2, DESIGN.md). Requests are logged as method, path and status; a 4xx error as its code
 * only (its message can quote the body); a 5xx error with its message and stack.
 */
export function loggerOptions(level: string) {
  return {
    level,
    serializers: {
      req: (req: { method?: string; url?: string }) => ({
        method: req.method,
        url: pathOnly(String(req.url ?? "")),
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      err: (err: { name?: string; code?: string; statusCode?: number; message?: string; stack?: string }) => {
        const type = String(err.name ?? "Error");
        return (err.statusCode ?? 500) < 500
          ? { type, message: String(err.code ?? "client error"), stack: "", statusCode: err.statusCode }
          : { type, code: err.code, message: String(err.message ?? ""), stack: String(err.stack ?? "") };
      },
    },
    redact: {
      paths: [
        "req.headers",
        "req.remoteAddress",
        "req.remotePort",
        "req.ip",
        "req.ips",
        "req.body",
        "req.query",
        "headers",
        "cookies",
        "body",
        "query",
        "*.headers",
        "*.cookies",
        "*.cookie",
        "*.body",
        "*.query",
        "*.password",
        "*.totp",
        "*.csrfToken",
        "*.receipt",
        "*.token",
      ],
      remove: true,
    },
  };
}

/** Who may send a cookie-less public write (login, the portal's forms) from a browser. */
function isCrossSite(request: FastifyRequest, publicUrl: string): boolean {
  const site = request.headers["sec-fetch-site"];
  if (typeof site === "string") return site !== "same-origin" && site !== "none";
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  const allowed = new Set([new URL(publicUrl).origin]);
  const host = request.headers.host;
  if (host) {
    allowed.add(`http://${host}`);
    allowed.add(`https://${host}`);
  }
  return !allowed.has(origin);
}

export async function buildServer(deps: HttpDeps): Promise<FastifyInstance> {
  const logger = deps.logger ?? { level: deps.config.logLevel };
  const app = Fastify({
    logger: logger === false ? false : { ...loggerOptions(logger.level), stream: logger.stream },
    bodyLimit: 5 * 1024 * 1024,
    // Behind a reverse proxy, TRUSTED_PROXIES names it, so request.ip (used only, in memory, by the
    // per-client rate limits) is the client the proxy forwarded and not the proxy; from any other
    // peer X-Forwarded-For is ignored (no client picks its own address). Never stored or logged.
    trustProxy: deps.config.trustProxy,
    // The router's own errors (a bad %-escape, an over-long parameter) as problem+json that does
    // not echo the URL back.
    frameworkErrors: (error: FastifyError, _request: unknown, reply: FastifyReply) => {
      if (error.code === "FST_ERR_MAX_PARAM_LENGTH")
        return sendProblem(reply, 414, "URI_TOO_LONG", "A part of the address is too long.");
      return sendProblem(reply, 400, "BAD_URL", "The address is not valid (a % escape is malformed).");
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  // Fastify wants null decorators for reference types; the onRequest hook sets the real value.
  app.decorateRequest("actor", null as never);
  app.decorateRequest("session", null);

  const routeTable: RouteRecord[] = [];
  app.decorate("routeTable", routeTable);
  // Deny by default: a route that does not say who may call it is a programming error.
  app.addHook("onRoute", (route) => {
    routeTable.push(routeRecord(route));
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
      // The anonymous portal never looks at the staff cookie, not even to count requests.
      const token = request.routeOptions.config?.access?.anonymous
        ? undefined
        : request.cookies?.[SESSION_COOKIE];
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
    // Each operation says what it needs, so Swagger UI's "Try it out" sends the session cookie and,
    // on writes, the CSRF header; public operations need nothing.
    transform: (document) => {
      const out = jsonSchemaTransform(document);
      const access = document.route.config?.access;
      if (!access || !out.schema || (out.schema as { hide?: boolean }).hide) return out;
      const methods = [document.route.method].flat();
      const security = access.public
        ? []
        : methods.some((m) => WRITE_METHODS.has(m))
          ? [{ session: [], csrf: [] }]
          : [{ session: [] }];
      return { ...out, schema: { ...out.schema, security } };
    },
    transformObject: jsonSchemaTransformObject,
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
    if (access.public && WRITE_METHODS.has(request.method) && isCrossSite(request, deps.config.publicUrl)) {
      // Public writes carry no CSRF token (there is no session yet): a browser's word on where the
      // form came from is the check. Same-origin and direct navigation pass; no header at all is a
      // non-browser client (curl, the API), which no other site can make a victim's browser be.
      return sendProblem(
        reply,
        403,
        "CROSS_SITE",
        "This form was sent from another site; open the page on this site and send it from there.",
      );
    }
    if (access.anonymous) return;
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await deps.authenticate(token) : null;
    if (session) {
      request.session = session;
      request.actor = session.actor;
    }
    if (access.public) return;
    if (!session) return sendProblem(reply, 401, "UNAUTHENTICATED", "Sign in to continue.");
    const refusal = refusalOf(request, session, access);
    if (refusal) return sendProblem(reply, 403, refusal.code, refusal.message);
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
    // Files under assets/ carry a content hash in their name: cached for a year, never revalidated.
    // Everything else (index.html) is revalidated, so a new build is picked up at once.
    // preCompressed: the .br/.gz copies written by the web build, chosen by Accept-Encoding.
    await app.register(fastifyStatic, {
      root: webRoot,
      prefix: "/",
      wildcard: true,
      index: ["index.html"],
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, filePath) => {
        const hashed = filePath.split(path.sep).includes("assets");
        (reply as unknown as FastifyReply).header(
          "cache-control",
          hashed ? "public, max-age=31536000, immutable" : "no-cache",
        );
      },
    });
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
    // The path is not echoed: it may carry what a link or a mistyped token put there.
    return sendProblem(reply, 404, "NOT_FOUND", "No such address in the API.");
  });

  return app;
}

/**
 * Why a signed-in request is refused (403), the first check that fails in this order: the CSRF
 * token on a write, a password an administrator set, a pending TOTP enrolment, the route's
 * permission; undefined when the request may pass.
 */
function refusalOf(
  request: FastifyRequest,
  session: SessionInfo,
  access: RouteAccess,
): { code: string; message: string } | undefined {
  if (WRITE_METHODS.has(request.method) && request.headers["x-csrf-token"] !== session.csrfToken)
    return { code: "CSRF", message: "The CSRF token is missing or wrong; reload the page and try again." };
  if (session.mustChangePassword && !access.beforePasswordChange)
    return {
      code: "PASSWORD_CHANGE_REQUIRED",
      message: "An administrator set your password: choose your own password before you continue.",
    };
  if (session.mustEnrolTotp && !access.beforeTotp)
    return {
      code: "TOTP_ENROLMENT_REQUIRED",
      message: "Your role requires two-factor authentication: enrol an authenticator app first.",
    };
  if (access.permission && !hasPermission(session.actor, access.permission))
    return { code: "FORBIDDEN", message: `You do not have the permission "${access.permission}".` };
  return undefined;
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

/** A file as a download (an attachment: the serializer never touches it; the schema documents the file). */
export function sendAttachment(
  reply: FastifyReply,
  contentType: string,
  filename: string,
  body: string | Uint8Array,
) {
  return reply
    .header("content-type", contentType)
    .header("content-disposition", `attachment; filename="${filename}"`)
    .send(body);
}

export const sendCsv = (reply: FastifyReply, filename: string, csv: string) =>
  sendAttachment(reply, "text/csv; charset=utf-8", filename, csv);

export const sendPdf = (reply: FastifyReply, filename: string, pdf: Uint8Array) =>
  sendAttachment(reply, "application/pdf", filename, pdf);

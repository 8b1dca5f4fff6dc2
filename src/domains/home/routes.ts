import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { endpoints, listRoute, type RouteDeps, typed } from "../../kernel/http/routes.ts";
import { ctxOf } from "../../kernel/http/server.ts";
import { createWriteProbe } from "../../kernel/storage.ts";
import { getDashboard, listMyTasks, listOutbox } from "./home.ts";
import { listJobs, retryJob } from "./jobs-admin.ts";
import { dashboardView, jobPage, jobView, myTasks, outboxPage } from "./views.ts";

const health = endpoints(["health"]);
const home = endpoints(["home"]);
const notifications = endpoints(["notifications"]);

const page = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
};

export function registerHomeRoutes(app: FastifyInstance, deps: RouteDeps) {
  const r = typed(app);
  const writeProbe = createWriteProbe(deps.database, () => deps.clock.now().getTime());
  r.get(
    "/api/health",
    health(
      "health",
      { public: true },
      {
        summary: "200 when the database accepts writes; 503 with the cause when it does not",
        response: {
          200: z.object({
            status: z.literal("ok"),
            database: z.enum(["sqlite", "postgres"]),
            version: z.string(),
          }),
          503: z.object({
            status: z.literal("unavailable"),
            database: z.literal("not writable"),
            dialect: z.enum(["sqlite", "postgres"]),
            detail: z.string(),
            version: z.string(),
          }),
        },
      },
    ),
    async (_request, reply) => {
      const probe = await writeProbe.check();
      if (!probe.isWritable) {
        return reply.status(503).send({
          status: "unavailable" as const,
          database: "not writable" as const,
          dialect: deps.database.dialect,
          detail: probe.detail,
          version: deps.version,
        });
      }
      return { status: "ok" as const, database: deps.database.dialect, version: deps.version };
    },
  );

  r.get(
    "/api/tasks",
    home("task.list", { authenticated: true }, { summary: "My tasks", response: { 200: myTasks } }),
    async (request) => listMyTasks(ctxOf(request, deps)),
  );

  r.get(
    "/api/dashboard",
    home("dashboard.read", { authenticated: true }, { response: { 200: dashboardView } }),
    async (request) => getDashboard(ctxOf(request, deps)),
  );

  listRoute(r, deps, notifications, {
    url: "/api/outbox",
    action: "outbox.list",
    access: { permission: "outbox.read" },
    querystring: z.object({
      status: z.enum(["pending", "sending", "sent", "failed"]).optional(),
      q: z.string().max(200).optional(),
      ...page,
    }),
    response: outboxPage,
    run: listOutbox,
  });

  listRoute(r, deps, notifications, {
    url: "/api/jobs",
    action: "job.list",
    access: { permission: "job.manage" },
    querystring: z.object({ status: z.enum(["queued", "running", "done", "dead"]).optional(), ...page }),
    response: jobPage,
    run: listJobs,
  });

  r.post(
    "/api/jobs/:id/retry",
    notifications(
      "job.retry",
      { permission: "job.manage" },
      {
        params: z.object({ id: z.string().max(64) }),
        response: { 200: jobView },
      },
    ),
    async (request) => retryJob(ctxOf(request, deps), request.params.id),
  );
}

import type { FastifyInstance } from "fastify";
import { endpoints, listWithCsv, type RouteDeps, typed } from "../../kernel/http/routes.ts";
import { ctxOf } from "../../kernel/http/server.ts";
import { exportEventsCsv, listActions, listEvents } from "./list-events.ts";
import { auditFilter } from "./schemas.ts";
import { verifyLog } from "./verify-log.ts";
import { auditActions, auditEventPage, verifyResultView } from "./views.ts";

const route = endpoints(["audit"]);

export function registerAuditRoutes(app: FastifyInstance, deps: RouteDeps & { auditPublicKey?: string }) {
  const r = typed(app);
  listWithCsv(r, deps, route, {
    url: "/api/audit",
    access: { permission: "audit.read" },
    querystring: auditFilter,
    list: {
      action: "audit.list",
      summary: "Browse the append-only, hash-chained audit log",
      response: auditEventPage,
      run: listEvents,
    },
    csv: { action: "audit.export", filename: "audit-log.csv", run: exportEventsCsv },
  });

  r.get(
    "/api/audit/actions",
    route("audit.actions", { permission: "audit.read" }, { response: { 200: auditActions } }),
    async (request) => listActions(ctxOf(request, deps)),
  );

  r.post(
    "/api/audit/verify",
    route(
      "audit.verify",
      { permission: "audit.read" },
      {
        summary: "Recompute the hash chain, check the signed checkpoints, and name what does not match",
        response: { 200: verifyResultView },
      },
    ),
    async (request) =>
      verifyLog(ctxOf(request, deps), deps.auditPublicKey ? { publicKey: deps.auditPublicKey } : undefined),
  );
}

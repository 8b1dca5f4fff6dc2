import type { FastifyInstance } from "fastify";
import { fileResponse } from "../../kernel/http/responses.ts";
import { endpoints, type RouteDeps, typed } from "../../kernel/http/routes.ts";
import { ctxOf, sendCsv } from "../../kernel/http/server.ts";
import { exportEventsCsv, listActions, listEvents } from "./list-events.ts";
import { auditFilter } from "./schemas.ts";
import { verifyLog } from "./verify-log.ts";
import { auditActions, auditEventPage, verifyResultView } from "./views.ts";

const route = endpoints(["audit"]);

export function registerAuditRoutes(app: FastifyInstance, deps: RouteDeps & { auditPublicKey?: string }) {
  const r = typed(app);
  r.get(
    "/api/audit",
    route(
      "audit.list",
      { permission: "audit.read" },
      {
        summary: "Browse the append-only, hash-chained audit log",
        querystring: auditFilter,
        response: { 200: auditEventPage },
      },
    ),
    async (request) => listEvents(ctxOf(request, deps), request.query),
  );

  r.get(
    "/api/audit.csv",
    route(
      "audit.export",
      { permission: "audit.read" },
      {
        querystring: auditFilter,
        response: { 200: fileResponse("text/csv") },
      },
    ),
    async (request, reply) =>
      sendCsv(reply, "audit-log.csv", await exportEventsCsv(ctxOf(request, deps), request.query)),
  );

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

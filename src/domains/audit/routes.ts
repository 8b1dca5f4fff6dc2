import type { FastifyInstance } from "fastify";
import { fileResponse } from "../../kernel/http/responses.ts";
import { type RouteDeps, typed } from "../../kernel/http/routes.ts";
import { ctxOf, sendCsv } from "../../kernel/http/server.ts";
import { exportEventsCsv, listActions, listEvents } from "./list-events.ts";
import { auditFilter } from "./schemas.ts";
import { verifyLog } from "./verify-log.ts";
import { auditActions, auditEventPage, verifyResultView } from "./views.ts";

const tags = ["audit"];

export function registerAuditRoutes(app: FastifyInstance, deps: RouteDeps & { auditPublicKey?: string }) {
  const r = typed(app);
  r.get(
    "/api/audit",
    {
      config: { access: { action: "audit.list", permission: "audit.read" } },
      schema: {
        tags,
        operationId: "audit.list",
        summary: "Browse the append-only, hash-chained audit log",
        querystring: auditFilter,
        response: { 200: auditEventPage },
      },
    },
    async (request) => listEvents(ctxOf(request, deps), request.query),
  );

  r.get(
    "/api/audit.csv",
    {
      config: { access: { action: "audit.export", permission: "audit.read" } },
      schema: {
        tags,
        operationId: "audit.export",
        querystring: auditFilter,
        response: { 200: fileResponse("text/csv") },
      },
    },
    async (request, reply) =>
      sendCsv(reply, "audit-log.csv", await exportEventsCsv(ctxOf(request, deps), request.query)),
  );

  r.get(
    "/api/audit/actions",
    {
      config: { access: { action: "audit.actions", permission: "audit.read" } },
      schema: { tags, operationId: "audit.actions", response: { 200: auditActions } },
    },
    async (request) => listActions(ctxOf(request, deps)),
  );

  r.post(
    "/api/audit/verify",
    {
      config: { access: { action: "audit.verify", permission: "audit.read" } },
      schema: {
        tags,
        operationId: "audit.verify",
        summary: "Recompute the hash chain, check the signed checkpoints, and name what does not match",
        response: { 200: verifyResultView },
      },
    },
    async (request) =>
      verifyLog(ctxOf(request, deps), deps.auditPublicKey ? { publicKey: deps.auditPublicKey } : undefined),
  );
}

import type { FastifyInstance } from "fastify";
import { type RouteDeps, typed } from "../../kernel/http/routes.ts";
import { ctxOf, sendCsv } from "../../kernel/http/server.ts";
import { exportEventsCsv, listActions, listEvents } from "./list-events.ts";
import { auditFilter } from "./schemas.ts";
import { verifyLog } from "./verify-log.ts";

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
      },
    },
    async (request) => listEvents(ctxOf(request, deps), request.query),
  );

  r.get(
    "/api/audit.csv",
    {
      config: { access: { action: "audit.export", permission: "audit.read" } },
      schema: { tags, operationId: "audit.export", querystring: auditFilter },
    },
    async (request, reply) =>
      sendCsv(reply, "audit-log.csv", await exportEventsCsv(ctxOf(request, deps), request.query)),
  );

  r.get(
    "/api/audit/actions",
    {
      config: { access: { action: "audit.actions", permission: "audit.read" } },
      schema: { tags, operationId: "audit.actions" },
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
      },
    },
    async (request) =>
      verifyLog(ctxOf(request, deps), deps.auditPublicKey ? { publicKey: deps.auditPublicKey } : undefined),
  );
}

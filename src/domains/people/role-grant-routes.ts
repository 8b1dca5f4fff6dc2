import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { endpoints, type RouteDeps, typed } from "../../kernel/http/routes.ts";
import { ctxOf } from "../../kernel/http/server.ts";
import { acknowledgeRoleGrant, approveRoleGrant, listRoleGrants, rejectRoleGrant } from "./role-grants.ts";
import { roleGrantList, roleGrantView } from "./views.ts";

const route = endpoints(["users"]);
const params = z.object({ id: z.string().min(1).max(64) });

/** Four-eyes role grants (issue 12, finding 11). */
export function registerRoleGrantRoutes(app: FastifyInstance, deps: RouteDeps) {
  const r = typed(app);

  r.get(
    "/api/role-grants",
    route(
      "role_grant.list",
      { permission: "role_grant.read" },
      {
        summary: "Pending and recent grants of roles that read speak-up, audit or investor data",
        response: { 200: roleGrantList },
      },
    ),
    async (request) => listRoleGrants(ctxOf(request, deps)),
  );

  r.post(
    "/api/role-grants/:id/approve",
    route("role_grant.approve", { permission: "user.manage" }, { params, response: { 200: roleGrantView } }),
    async (request) => approveRoleGrant(ctxOf(request, deps), request.params.id),
  );

  r.post(
    "/api/role-grants/:id/reject",
    route(
      "role_grant.reject",
      { permission: "user.manage" },
      {
        params,
        body: z.object({ note: z.string().trim().max(2000).optional() }).nullish(),
        response: { 200: roleGrantView },
      },
    ),
    async (request) => rejectRoleGrant(ctxOf(request, deps), request.params.id, request.body ?? {}),
  );

  r.post(
    "/api/role-grants/:id/acknowledge",
    route(
      "role_grant.acknowledge",
      { permission: "role_grant.read" },
      { params, response: { 200: roleGrantView } },
    ),
    async (request) => acknowledgeRoleGrant(ctxOf(request, deps), request.params.id),
  );
}

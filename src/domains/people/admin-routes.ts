import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { type RouteDeps, typed } from "../../kernel/http/routes.ts";
import { ctxOf } from "../../kernel/http/server.ts";
import { createUser, listRoles, listUsers, resetTotp, updateUser } from "./manage-users.ts";
import {
  createEntity,
  getOrganisation,
  listEntities,
  updateEntity,
  updateOrganisation,
} from "./organisation.ts";
import { registerRoleGrantRoutes } from "./role-grant-routes.ts";
import { ROLE_NAMES } from "./roles.ts";
import {
  entityInput,
  organisationInput,
  pageQuery,
  securitySettings,
  userInput,
  userPatch,
} from "./schemas.ts";
import { getSecuritySettings, updateSecuritySettings } from "./security-settings.ts";

const idParams = z.object({ id: z.string().min(1).max(64) });

export function registerAdminRoutes(app: FastifyInstance, deps: RouteDeps) {
  const r = typed(app);
  registerRoleGrantRoutes(app, deps);

  r.get(
    "/api/organisation",
    {
      config: { access: { action: "organisation.read", authenticated: true } },
      schema: { tags: ["organisation"], operationId: "organisation.read" },
    },
    async (request) => getOrganisation(ctxOf(request, deps)),
  );

  r.put(
    "/api/organisation",
    {
      config: { access: { action: "organisation.update", permission: "organisation.manage" } },
      schema: { tags: ["organisation"], operationId: "organisation.update", body: organisationInput },
    },
    async (request) => updateOrganisation(ctxOf(request, deps), request.body),
  );

  r.get(
    "/api/entities",
    {
      config: { access: { action: "entity.list", authenticated: true } },
      schema: { tags: ["organisation"], operationId: "entity.list" },
    },
    async (request) => listEntities(ctxOf(request, deps)),
  );

  r.post(
    "/api/entities",
    {
      config: { access: { action: "entity.create", permission: "entity.manage" } },
      schema: { tags: ["organisation"], operationId: "entity.create", body: entityInput },
    },
    async (request, reply) => reply.status(201).send(await createEntity(ctxOf(request, deps), request.body)),
  );

  r.patch(
    "/api/entities/:id",
    {
      config: { access: { action: "entity.update", permission: "entity.manage" } },
      schema: {
        tags: ["organisation"],
        operationId: "entity.update",
        params: idParams,
        body: entityInput.partial(),
      },
    },
    async (request) => updateEntity(ctxOf(request, deps), request.params.id, request.body),
  );

  r.get(
    "/api/roles",
    {
      config: { access: { action: "role.list", authenticated: true } },
      schema: { tags: ["users"], operationId: "role.list" },
    },
    async () => listRoles(),
  );

  r.get(
    "/api/users",
    {
      config: { access: { action: "user.list", permission: "user.manage" } },
      schema: {
        tags: ["users"],
        operationId: "user.list",
        querystring: z.object({
          q: z.string().max(200).optional(),
          role: z.enum(ROLE_NAMES).optional(),
          ...pageQuery,
        }),
      },
    },
    async (request) => listUsers(ctxOf(request, deps), request.query),
  );

  r.post(
    "/api/users",
    {
      config: { access: { action: "user.create", permission: "user.manage" } },
      schema: { tags: ["users"], operationId: "user.create", body: userInput },
    },
    async (request, reply) => reply.status(201).send(await createUser(ctxOf(request, deps), request.body)),
  );

  r.patch(
    "/api/users/:id",
    {
      config: { access: { action: "user.update", permission: "user.manage" } },
      schema: { tags: ["users"], operationId: "user.update", params: idParams, body: userPatch },
    },
    async (request) => updateUser(ctxOf(request, deps), request.params.id, request.body),
  );

  r.post(
    "/api/users/:id/reset-totp",
    {
      config: { access: { action: "user.totp.reset", permission: "user.manage" } },
      schema: { tags: ["users"], operationId: "user.totp.reset", params: idParams },
    },
    async (request) => resetTotp(ctxOf(request, deps), request.params.id),
  );

  r.get(
    "/api/settings/security",
    {
      config: { access: { action: "settings.security.read", permission: "user.manage" } },
      schema: { tags: ["users"], operationId: "settings.security.read" },
    },
    async (request) => getSecuritySettings(ctxOf(request, deps)),
  );

  r.put(
    "/api/settings/security",
    {
      config: { access: { action: "settings.security.update", permission: "user.manage" } },
      schema: { tags: ["users"], operationId: "settings.security.update", body: securitySettings },
    },
    async (request) => updateSecuritySettings(ctxOf(request, deps), request.body),
  );
}

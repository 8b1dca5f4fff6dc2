import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { endpoints, type RouteDeps, typed } from "../../kernel/http/routes.ts";
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
import {
  legalEntityList,
  legalEntitySavedView,
  organisationView,
  roleList,
  securitySettingsView,
  userPage,
  userView,
} from "./views.ts";

const idParams = z.object({ id: z.string().min(1).max(64) });
const organisation = endpoints(["organisation"]);
const users = endpoints(["users"]);

export function registerAdminRoutes(app: FastifyInstance, deps: RouteDeps) {
  const r = typed(app);
  registerRoleGrantRoutes(app, deps);

  r.get(
    "/api/organisation",
    organisation("organisation.read", { authenticated: true }, { response: { 200: organisationView } }),
    async (request) => getOrganisation(ctxOf(request, deps)),
  );

  r.put(
    "/api/organisation",
    organisation(
      "organisation.update",
      { permission: "organisation.manage" },
      { body: organisationInput, response: { 200: organisationView } },
    ),
    async (request) => updateOrganisation(ctxOf(request, deps), request.body),
  );

  r.get(
    "/api/entities",
    organisation("entity.list", { authenticated: true }, { response: { 200: legalEntityList } }),
    async (request) => listEntities(ctxOf(request, deps)),
  );

  r.post(
    "/api/entities",
    organisation(
      "entity.create",
      { permission: "entity.manage" },
      { body: entityInput, response: { 201: legalEntitySavedView } },
    ),
    async (request, reply) => reply.status(201).send(await createEntity(ctxOf(request, deps), request.body)),
  );

  r.patch(
    "/api/entities/:id",
    organisation(
      "entity.update",
      { permission: "entity.manage" },
      { params: idParams, body: entityInput.partial(), response: { 200: legalEntitySavedView } },
    ),
    async (request) => updateEntity(ctxOf(request, deps), request.params.id, request.body),
  );

  r.get(
    "/api/roles",
    users("role.list", { authenticated: true }, { response: { 200: roleList } }),
    async () => listRoles(),
  );

  r.get(
    "/api/users",
    users(
      "user.list",
      { permission: "user.manage" },
      {
        querystring: z.object({
          q: z.string().max(200).optional(),
          role: z.enum(ROLE_NAMES).optional(),
          ...pageQuery,
        }),
        response: { 200: userPage },
      },
    ),
    async (request) => listUsers(ctxOf(request, deps), request.query),
  );

  r.post(
    "/api/users",
    users("user.create", { permission: "user.manage" }, { body: userInput, response: { 201: userView } }),
    async (request, reply) => reply.status(201).send(await createUser(ctxOf(request, deps), request.body)),
  );

  r.patch(
    "/api/users/:id",
    users(
      "user.update",
      { permission: "user.manage" },
      { params: idParams, body: userPatch, response: { 200: userView } },
    ),
    async (request) => updateUser(ctxOf(request, deps), request.params.id, request.body),
  );

  r.post(
    "/api/users/:id/reset-totp",
    users(
      "user.totp.reset",
      { permission: "user.manage" },
      { params: idParams, response: { 200: userView } },
    ),
    async (request) => resetTotp(ctxOf(request, deps), request.params.id),
  );

  r.get(
    "/api/settings/security",
    users(
      "settings.security.read",
      { permission: "user.manage" },
      { response: { 200: securitySettingsView } },
    ),
    async (request) => getSecuritySettings(ctxOf(request, deps)),
  );

  r.put(
    "/api/settings/security",
    users(
      "settings.security.update",
      { permission: "user.manage" },
      { body: securitySettings, response: { 200: securitySettingsView } },
    ),
    async (request) => updateSecuritySettings(ctxOf(request, deps), request.body),
  );
}

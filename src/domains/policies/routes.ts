import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { type RouteDeps, typed } from "../../kernel/http/routes.ts";
import { ctxOf } from "../../kernel/http/server.ts";
import { approveVersion, publishVersion } from "./approve-version.ts";
import { diffVersions } from "./diff-versions.ts";
import { getPolicy, getVersion, listPolicies, searchPolicies } from "./read-policies.ts";
import { createDraftVersion, createPolicy, updateDraftSections } from "./save-policy.ts";
import {
  discloseInput,
  draftInput,
  idParam,
  policyInput,
  publishInput,
  searchQuery,
  sectionsInput,
  waiverDecision,
  waiverInput,
} from "./schemas.ts";
import { decideWaiver, discloseWaiver, getWaiver, listWaivers, requestWaiver } from "./waivers.ts";

const tags = ["policies"];
const id = z.object({ id: idParam });

export function registerPolicyRoutes(app: FastifyInstance, deps: RouteDeps) {
  const r = typed(app);
  const ctx = (request: Parameters<typeof ctxOf>[0]) => ctxOf(request, deps);

  r.get(
    "/api/policies",
    {
      config: { access: { action: "policy.list", authenticated: true } },
      schema: { tags, operationId: "policy.list", summary: "Policies and their published versions" },
    },
    async (request) => listPolicies(ctx(request)),
  );
  r.get(
    "/api/policies/search",
    {
      config: { access: { action: "policy.search", authenticated: true } },
      schema: {
        tags,
        operationId: "policy.search",
        summary: "Search the published policies",
        querystring: searchQuery,
      },
    },
    async (request) => searchPolicies(ctx(request), request.query),
  );
  r.post(
    "/api/policies",
    {
      config: { access: { action: "policy.create", permission: "policy.manage" } },
      schema: { tags, operationId: "policy.create", body: policyInput },
    },
    async (request, reply) => reply.status(201).send(await createPolicy(ctx(request), request.body)),
  );
  r.get(
    "/api/policies/:id",
    {
      config: { access: { action: "policy.read", authenticated: true } },
      schema: { tags, operationId: "policy.read", params: id },
    },
    async (request) => getPolicy(ctx(request), request.params.id),
  );
  r.post(
    "/api/policies/:id/versions",
    {
      config: { access: { action: "policy.draft", permission: "policy.manage" } },
      schema: { tags, operationId: "policy.draft", params: id, body: draftInput },
    },
    async (request, reply) =>
      reply.status(201).send(await createDraftVersion(ctx(request), request.params.id, request.body)),
  );
  r.get(
    "/api/policy-versions/:id",
    {
      config: { access: { action: "policy.version.read", authenticated: true } },
      schema: { tags, operationId: "policy.version.read", params: id },
    },
    async (request) => getVersion(ctx(request), request.params.id),
  );
  r.get(
    "/api/policy-versions/:id/diff",
    {
      config: { access: { action: "policy.diff", authenticated: true } },
      schema: {
        tags,
        operationId: "policy.diff",
        summary: "Section-by-section diff from another version of the same policy",
        params: id,
        querystring: z.object({ from: idParam }),
      },
    },
    async (request) => diffVersions(ctx(request), request.query.from, request.params.id),
  );
  r.put(
    "/api/policy-versions/:id/sections",
    {
      config: { access: { action: "policy.edit", permission: "policy.manage" } },
      bodyLimit: 4 * 1024 * 1024,
      schema: { tags, operationId: "policy.edit", params: id, body: sectionsInput },
    },
    async (request) => {
      await updateDraftSections(ctx(request), request.params.id, request.body);
      return getVersion(ctx(request), request.params.id);
    },
  );
  r.post(
    "/api/policy-versions/:id/approve",
    {
      // The use case decides between the Legal Department and the Board (SOC-8).
      config: { access: { action: "policy.approve", authenticated: true } },
      schema: { tags, operationId: "policy.approve", params: id },
    },
    async (request) => approveVersion(ctx(request), request.params.id),
  );
  r.post(
    "/api/policy-versions/:id/publish",
    {
      config: { access: { action: "policy.publish", permission: "policy.manage" } },
      schema: { tags, operationId: "policy.publish", params: id, body: publishInput },
    },
    async (request) => {
      await publishVersion(ctx(request), request.params.id, request.body);
      return getVersion(ctx(request), request.params.id);
    },
  );

  r.get(
    "/api/waivers",
    {
      config: { access: { action: "waiver.list", permission: "waiver.read" } },
      schema: { tags, operationId: "waiver.list", summary: "Waivers with their Form 8-K disclosure status" },
    },
    async (request) => listWaivers(ctx(request)),
  );
  r.post(
    "/api/waivers",
    {
      config: { access: { action: "waiver.request", permission: "waiver.request" } },
      schema: { tags, operationId: "waiver.request", body: waiverInput },
    },
    async (request, reply) => {
      const created = await requestWaiver(ctx(request), request.body);
      return reply.status(201).send(await getWaiver(ctx(request), created.id));
    },
  );
  r.get(
    "/api/waivers/:id",
    {
      config: { access: { action: "waiver.read", permission: "waiver.read" } },
      schema: { tags, operationId: "waiver.read", params: id },
    },
    async (request) => getWaiver(ctx(request), request.params.id),
  );
  r.post(
    "/api/waivers/:id/decide",
    {
      config: { access: { action: "waiver.decide", permission: "board.decide" } },
      schema: { tags, operationId: "waiver.decide", params: id, body: waiverDecision },
    },
    async (request) => decideWaiver(ctx(request), request.params.id, request.body),
  );
  r.post(
    "/api/waivers/:id/disclose",
    {
      config: { access: { action: "waiver.disclose", permission: "waiver.request" } },
      schema: { tags, operationId: "waiver.disclose", params: id, body: discloseInput },
    },
    async (request) => discloseWaiver(ctx(request), request.params.id, request.body),
  );
}

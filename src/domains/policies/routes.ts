import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { endpoints, listRoute, type RouteDeps, typed } from "../../kernel/http/routes.ts";
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
import {
  policyApproved,
  policyCreated,
  policyDiffView,
  policyDraftCreated,
  policyList,
  policySearchResults,
  policyVersionTextView,
  policyView,
  waiverList,
  waiverView,
} from "./views.ts";
import { decideWaiver, discloseWaiver, getWaiver, listWaivers, requestWaiver } from "./waivers.ts";

const route = endpoints(["policies"]);
const id = z.object({ id: idParam });

export function registerPolicyRoutes(app: FastifyInstance, deps: RouteDeps) {
  const r = typed(app);
  const ctx = (request: Parameters<typeof ctxOf>[0]) => ctxOf(request, deps);

  r.get(
    "/api/policies",
    route(
      "policy.list",
      { authenticated: true },
      { summary: "Policies and their published versions", response: { 200: policyList } },
    ),
    async (request) => listPolicies(ctx(request)),
  );
  listRoute(r, deps, route, {
    url: "/api/policies/search",
    action: "policy.search",
    access: { authenticated: true },
    summary: "Search the published policies",
    querystring: searchQuery,
    response: policySearchResults,
    run: searchPolicies,
  });
  r.post(
    "/api/policies",
    route(
      "policy.create",
      { permission: "policy.manage" },
      { body: policyInput, response: { 201: policyCreated } },
    ),
    async (request, reply) => reply.status(201).send(await createPolicy(ctx(request), request.body)),
  );
  r.get(
    "/api/policies/:id",
    route("policy.read", { authenticated: true }, { params: id, response: { 200: policyView } }),
    async (request) => getPolicy(ctx(request), request.params.id),
  );
  r.post(
    "/api/policies/:id/versions",
    route(
      "policy.draft",
      { permission: "policy.manage" },
      { params: id, body: draftInput, response: { 201: policyDraftCreated } },
    ),
    async (request, reply) =>
      reply.status(201).send(await createDraftVersion(ctx(request), request.params.id, request.body)),
  );
  r.get(
    "/api/policy-versions/:id",
    route(
      "policy.version.read",
      { authenticated: true },
      { params: id, response: { 200: policyVersionTextView } },
    ),
    async (request) => getVersion(ctx(request), request.params.id),
  );
  r.get(
    "/api/policy-versions/:id/diff",
    route(
      "policy.diff",
      { authenticated: true },
      {
        summary: "Section-by-section diff from another version of the same policy",
        params: id,
        querystring: z.object({ from: idParam }),
        response: { 200: policyDiffView },
      },
    ),
    async (request) => diffVersions(ctx(request), request.query.from, request.params.id),
  );
  r.put(
    "/api/policy-versions/:id/sections",
    {
      ...route(
        "policy.edit",
        { permission: "policy.manage" },
        { params: id, body: sectionsInput, response: { 200: policyVersionTextView } },
      ),
      bodyLimit: 4 * 1024 * 1024,
    },
    async (request) => {
      await updateDraftSections(ctx(request), request.params.id, request.body);
      return getVersion(ctx(request), request.params.id);
    },
  );
  r.post(
    "/api/policy-versions/:id/approve",
    // The use case decides between the Legal Department and the Board (SOC-8).
    route("policy.approve", { authenticated: true }, { params: id, response: { 200: policyApproved } }),
    async (request) => approveVersion(ctx(request), request.params.id),
  );
  r.post(
    "/api/policy-versions/:id/publish",
    route(
      "policy.publish",
      { permission: "policy.manage" },
      { params: id, body: publishInput, response: { 200: policyVersionTextView } },
    ),
    async (request) => {
      await publishVersion(ctx(request), request.params.id, request.body);
      return getVersion(ctx(request), request.params.id);
    },
  );

  r.get(
    "/api/waivers",
    route(
      "waiver.list",
      { permission: "waiver.read" },
      { summary: "Waivers with their Form 8-K disclosure status", response: { 200: waiverList } },
    ),
    async (request) => listWaivers(ctx(request)),
  );
  r.post(
    "/api/waivers",
    route(
      "waiver.request",
      { permission: "waiver.request" },
      { body: waiverInput, response: { 201: waiverView } },
    ),
    async (request, reply) => {
      const created = await requestWaiver(ctx(request), request.body);
      return reply.status(201).send(await getWaiver(ctx(request), created.id));
    },
  );
  r.get(
    "/api/waivers/:id",
    route("waiver.read", { permission: "waiver.read" }, { params: id, response: { 200: waiverView } }),
    async (request) => getWaiver(ctx(request), request.params.id),
  );
  r.post(
    "/api/waivers/:id/decide",
    route(
      "waiver.decide",
      { permission: "board.decide" },
      { params: id, body: waiverDecision, response: { 200: waiverView } },
    ),
    async (request) => decideWaiver(ctx(request), request.params.id, request.body),
  );
  r.post(
    "/api/waivers/:id/disclose",
    route(
      "waiver.disclose",
      { permission: "waiver.request" },
      { params: id, body: discloseInput, response: { 200: waiverView } },
    ),
    async (request) => discloseWaiver(ctx(request), request.params.id, request.body),
  );
}

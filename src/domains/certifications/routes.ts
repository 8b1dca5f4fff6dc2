import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { fileResponse } from "../../kernel/http/responses.ts";
import { endpoints, listWithCsv, type RouteDeps, typed } from "../../kernel/http/routes.ts";
import { ctxOf, sendPdf } from "../../kernel/http/server.ts";
import { certificatePdf } from "./certificate-pdf.ts";
import {
  auditCommitteeView,
  completionBreakdown,
  exportAssignmentsCsv,
  getCampaign,
  listAssignments,
  listCampaigns,
} from "./dashboards.ts";
import { closeCampaign, launchCampaign } from "./launch-campaign.ts";
import { breakdownQuery, campaignInput, idParam, listQuery, signInput, templateInput } from "./schemas.ts";
import {
  getCertificate,
  listMyCertificates,
  listTeamCertificates,
  signCertificate,
} from "./sign-certificate.ts";
import { createTemplate, listTemplates, updateTemplate } from "./templates.ts";
import {
  assignmentPage,
  auditCommitteeList,
  campaignList,
  campaignView,
  certificateList,
  certificateView,
  certTemplateList,
  certTemplateView,
  completionBreakdownView,
} from "./views.ts";

const route = endpoints(["certifications"]);
const id = z.object({ id: idParam });

export function registerCertificationRoutes(app: FastifyInstance, deps: RouteDeps) {
  const r = typed(app);
  const ctx = (request: Parameters<typeof ctxOf>[0]) => ctxOf(request, deps);

  r.get(
    "/api/certifications/mine",
    route(
      "certification.mine",
      { authenticated: true },
      { summary: "My Certificates of Compliance", response: { 200: certificateList } },
    ),
    async (request) => listMyCertificates(ctx(request)),
  );
  r.get(
    "/api/certifications/team",
    route(
      "certification.team",
      { authenticated: true },
      { summary: "My direct reports' certificates", response: { 200: certificateList } },
    ),
    async (request) => listTeamCertificates(ctx(request)),
  );
  r.get(
    "/api/certifications/certificates/:id",
    route("certification.read", { authenticated: true }, { params: id, response: { 200: certificateView } }),
    async (request) => getCertificate(ctx(request), request.params.id),
  );
  r.post(
    "/api/certifications/certificates/:id/sign",
    route(
      "certification.sign",
      { authenticated: true },
      { params: id, body: signInput, response: { 200: certificateView } },
    ),
    async (request) => signCertificate(ctx(request), request.params.id, request.body),
  );
  r.get(
    "/api/certifications/certificates/:id/pdf",
    route(
      "certification.pdf",
      { authenticated: true },
      {
        summary: "The signed certificate as PDF",
        params: id,
        response: { 200: fileResponse("application/pdf") },
      },
    ),
    async (request, reply) => {
      const { filename, pdf } = await certificatePdf(ctx(request), request.params.id);
      return sendPdf(reply, filename, pdf);
    },
  );

  r.get(
    "/api/certifications/templates",
    route(
      "certification.template.list",
      { permission: "certification.report" },
      { response: { 200: certTemplateList } },
    ),
    async (request) => listTemplates(ctx(request)),
  );
  r.post(
    "/api/certifications/templates",
    route(
      "certification.template.create",
      { permission: "certification.manage" },
      { body: templateInput, response: { 201: certTemplateView } },
    ),
    async (request, reply) => reply.status(201).send(await createTemplate(ctx(request), request.body)),
  );
  r.put(
    "/api/certifications/templates/:id",
    route(
      "certification.template.update",
      { permission: "certification.manage" },
      { params: id, body: templateInput, response: { 200: certTemplateView } },
    ),
    async (request) => updateTemplate(ctx(request), request.params.id, request.body),
  );

  r.get(
    "/api/certifications/campaigns",
    route(
      "certification.campaign.list",
      { permission: "certification.report" },
      { response: { 200: campaignList } },
    ),
    async (request) => listCampaigns(ctx(request)),
  );
  r.post(
    "/api/certifications/campaigns",
    route(
      "certification.campaign.launch",
      { permission: "certification.manage" },
      {
        summary: "Launch a campaign: assigns the audience and sends the launch reminder (COC-23.2, SOC-7)",
        body: campaignInput,
        response: { 201: campaignView },
      },
    ),
    async (request, reply) => {
      const launched = await launchCampaign(ctx(request), request.body);
      return reply.status(201).send(await getCampaign(ctx(request), launched.id));
    },
  );
  r.get(
    "/api/certifications/campaigns/:id",
    route(
      "certification.campaign.read",
      { permission: "certification.report" },
      { params: id, response: { 200: campaignView } },
    ),
    async (request) => getCampaign(ctx(request), request.params.id),
  );
  r.post(
    "/api/certifications/campaigns/:id/close",
    route(
      "certification.campaign.close",
      { permission: "certification.manage" },
      { params: id, response: { 200: campaignView } },
    ),
    async (request) => {
      await closeCampaign(ctx(request), request.params.id);
      return getCampaign(ctx(request), request.params.id);
    },
  );
  r.get(
    "/api/certifications/campaigns/:id/breakdown",
    route(
      "certification.campaign.breakdown",
      { permission: "certification.report" },
      {
        summary: "Completion by legal entity, department, country or supervisor",
        params: id,
        querystring: breakdownQuery,
        response: { 200: completionBreakdownView },
      },
    ),
    async (request) =>
      completionBreakdown(ctx(request), request.params.id, request.query.by, request.query.limit),
  );
  listWithCsv(r, deps, route, {
    url: "/api/certifications/campaigns/:id/assignments",
    access: { permission: "certification.report" },
    params: id,
    querystring: listQuery,
    list: {
      action: "certification.campaign.assignments",
      response: assignmentPage,
      run: (ctx, query, params) => listAssignments(ctx, params.id, query),
    },
    csv: {
      action: "certification.campaign.export",
      filename: "certificates.csv",
      run: (ctx, query, params) => exportAssignmentsCsv(ctx, params.id, query.status),
    },
  });
  r.get(
    "/api/certifications/audit-committee",
    route(
      "certification.audit_committee",
      { permission: "certification.audit_committee" },
      {
        summary: "SOC-7: the certificates addressed to the Audit Committee",
        response: { 200: auditCommitteeList },
      },
    ),
    async (request) => auditCommitteeView(ctx(request)),
  );
}

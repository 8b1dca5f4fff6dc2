import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { endpoints, type RouteDeps, typed } from "../../kernel/http/routes.ts";
import { ctxOf, sendCsv } from "../../kernel/http/server.ts";
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

const route = endpoints(["certifications"]);
const tags = ["certifications"];
const id = z.object({ id: idParam });

export function registerCertificationRoutes(app: FastifyInstance, deps: RouteDeps) {
  const r = typed(app);
  const ctx = (request: Parameters<typeof ctxOf>[0]) => ctxOf(request, deps);

  r.get(
    "/api/certifications/mine",
    route("certification.mine", { authenticated: true }, { summary: "My Certificates of Compliance" }),
    async (request) => listMyCertificates(ctx(request)),
  );
  r.get(
    "/api/certifications/team",
    route("certification.team", { authenticated: true }, { summary: "My direct reports' certificates" }),
    async (request) => listTeamCertificates(ctx(request)),
  );
  r.get(
    "/api/certifications/certificates/:id",
    route("certification.read", { authenticated: true }, { params: id }),
    async (request) => getCertificate(ctx(request), request.params.id),
  );
  r.post(
    "/api/certifications/certificates/:id/sign",
    route("certification.sign", { authenticated: true }, { params: id, body: signInput }),
    async (request) => signCertificate(ctx(request), request.params.id, request.body),
  );
  r.get(
    "/api/certifications/certificates/:id/pdf",
    route(
      "certification.pdf",
      { authenticated: true },
      { summary: "The signed certificate as PDF", params: id },
    ),
    async (request, reply) => {
      const { filename, pdf } = await certificatePdf(ctx(request), request.params.id);
      return reply
        .header("content-type", "application/pdf")
        .header("content-disposition", `attachment; filename="${filename}"`)
        .send(pdf);
    },
  );

  r.get(
    "/api/certifications/templates",
    route("certification.template.list", { permission: "certification.report" }),
    async (request) => listTemplates(ctx(request)),
  );
  r.post(
    "/api/certifications/templates",
    route("certification.template.create", { permission: "certification.manage" }, { body: templateInput }),
    async (request, reply) => reply.status(201).send(await createTemplate(ctx(request), request.body)),
  );
  r.put(
    "/api/certifications/templates/:id",
    route(
      "certification.template.update",
      { permission: "certification.manage" },
      { params: id, body: templateInput },
    ),
    async (request) => updateTemplate(ctx(request), request.params.id, request.body),
  );

  r.get(
    "/api/certifications/campaigns",
    route("certification.campaign.list", { permission: "certification.report" }),
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
      },
    ),
    async (request, reply) => {
      const launched = await launchCampaign(ctx(request), request.body);
      return reply.status(201).send(await getCampaign(ctx(request), launched.id));
    },
  );
  r.get(
    "/api/certifications/campaigns/:id",
    route("certification.campaign.read", { permission: "certification.report" }, { params: id }),
    async (request) => getCampaign(ctx(request), request.params.id),
  );
  r.post(
    "/api/certifications/campaigns/:id/close",
    route("certification.campaign.close", { permission: "certification.manage" }, { params: id }),
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
      },
    ),
    async (request) =>
      completionBreakdown(ctx(request), request.params.id, request.query.by, request.query.limit),
  );
  r.get(
    "/api/certifications/campaigns/:id/assignments",
    {
      config: {
        access: { action: "certification.campaign.assignments", permission: "certification.report" },
      },
      schema: { tags, operationId: "certification.campaign.assignments", params: id, querystring: listQuery },
    },
    async (request) => listAssignments(ctx(request), request.params.id, request.query),
  );
  r.get(
    "/api/certifications/campaigns/:id/assignments.csv",
    route(
      "certification.campaign.export",
      { permission: "certification.report" },
      { params: id, querystring: listQuery },
    ),
    async (request, reply) =>
      sendCsv(
        reply,
        "certificates.csv",
        await exportAssignmentsCsv(ctx(request), request.params.id, request.query.status),
      ),
  );
  r.get(
    "/api/certifications/audit-committee",
    {
      config: {
        access: { action: "certification.audit_committee", permission: "certification.audit_committee" },
      },
      schema: {
        tags,
        operationId: "certification.audit_committee",
        summary: "SOC-7: the certificates addressed to the Audit Committee",
      },
    },
    async (request) => auditCommitteeView(ctx(request)),
  );
}

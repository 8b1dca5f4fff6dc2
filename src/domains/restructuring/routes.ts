import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { fileResponse } from "../../kernel/http/responses.ts";
import { endpoints, type RouteDeps, typed } from "../../kernel/http/routes.ts";
import { ctxOf, sendCsv } from "../../kernel/http/server.ts";
import { castBallot } from "./cast-ballot.ts";
import { createOffering } from "./create-offering.ts";
import { getAllocation } from "./get-allocation.ts";
import { getDeadlines } from "./get-deadlines.ts";
import { getOffering } from "./get-offering.ts";
import { getUseOfProceeds } from "./get-use-of-proceeds.ts";
import { listConditions } from "./list-conditions.ts";
import { listHolders } from "./list-holders.ts";
import { listOfferings } from "./list-offerings.ts";
import { listProgressReports } from "./list-progress-reports.ts";
import { listTerminations } from "./list-terminations.ts";
import { listVotes } from "./list-votes.ts";
import { myHoldings } from "./my-holdings.ts";
import { proposeVote } from "./propose-vote.ts";
import { purchaseNoticePdf } from "./purchase-notice-pdf.ts";
import { recordElection } from "./record-election.ts";
import { listPayments, recordPayment } from "./record-payment.ts";
import { recordTermination } from "./record-termination.ts";
import { importRegister, REGISTER_TEMPLATE } from "./register.ts";
import { runAllocation } from "./run-allocation.ts";
import {
  allocationInput,
  ballotInput,
  conditionPatch,
  electionInput,
  factsInput,
  importInput,
  offeringInput,
  paymentInput,
  proceedsInput,
  progressRequestInput,
  terminationInput,
  voteInput,
  withdrawalInput,
} from "./schemas.ts";
import { requestProgressReport } from "./send-progress-reports.ts";
import { updateCondition } from "./update-condition.ts";
import { updateFacts } from "./update-facts.ts";
import {
  allocationRunView,
  conditionList,
  conditionView,
  currentAllocationView,
  deadlineList,
  holderPage,
  holderView,
  importRegisterResultView,
  offeringList,
  offeringView,
  paymentList,
  portalHoldings,
  progressReportList,
  progressReportView,
  terminationsView,
  terminationView,
  useOfProceedsView,
  voteList,
  voteView,
} from "./views.ts";
import { withdrawInvestor } from "./withdraw-investor.ts";

const route = endpoints(["restructuring"]);
const idParams = z.object({ id: z.string().min(1).max(64) });

export function registerRestructuringRoutes(app: FastifyInstance, deps: RouteDeps) {
  const r = typed(app);
  const ctx = (request: Parameters<typeof ctxOf>[0]) => ctxOf(request, deps);

  r.get(
    "/api/restructuring/offerings",
    route("offering.list", { authenticated: true }, { response: { 200: offeringList } }),
    async (req) => listOfferings(ctx(req)),
  );
  r.post(
    "/api/restructuring/offerings",
    route(
      "offering.create",
      { permission: "restructuring.manage" },
      { body: offeringInput, response: { 201: offeringView } },
    ),
    async (req, reply) => reply.status(201).send(await createOffering(ctx(req), req.body)),
  );
  r.get(
    "/api/restructuring/offerings/:id",
    route("offering.read", { authenticated: true }, { params: idParams, response: { 200: offeringView } }),
    async (req) => getOffering(ctx(req), req.params.id),
  );
  r.patch(
    "/api/restructuring/offerings/:id/facts",
    route(
      "offering.facts",
      { permission: "restructuring.manage" },
      { params: idParams, body: factsInput, response: { 200: offeringView } },
    ),
    async (req) => updateFacts(ctx(req), req.params.id, req.body),
  );

  r.post(
    "/api/restructuring/investors/:id/withdrawal",
    route(
      "investor.withdraw",
      { permission: "restructuring.manage" },
      {
        summary: "Record that Apollo's commitment is withdrawn; Oaktree assumes it (ECA-26)",
        params: idParams,
        body: withdrawalInput,
        response: { 200: offeringView },
      },
    ),
    async (req) => withdrawInvestor(ctx(req), req.params.id, req.body),
  );

  r.get(
    "/api/restructuring/register/template.csv",
    route(
      "register.template",
      { permission: "restructuring.manage" },
      { response: { 200: fileResponse("text/csv") } },
    ),
    async (_req, reply) => sendCsv(reply, "claims-register-template.csv", REGISTER_TEMPLATE),
  );
  r.post(
    "/api/restructuring/offerings/:id/register",
    {
      ...route(
        "register.import",
        { permission: "restructuring.manage" },
        {
          summary: "Import the claims register from CSV; any row error writes nothing",
          params: idParams,
          body: importInput,
          response: { 200: importRegisterResultView },
        },
      ),
      bodyLimit: 32 * 1024 * 1024,
    },
    async (req) => importRegister(ctx(req), req.params.id, req.body),
  );
  r.get(
    "/api/restructuring/offerings/:id/holders",
    route(
      "register.read",
      { authenticated: true },
      {
        params: idParams,
        querystring: z.object({
          q: z.string().max(100).optional(),
          page: z.coerce.number().int().min(1).max(100_000).default(1),
          pageSize: z.coerce.number().int().min(1).max(500).default(50),
        }),
        response: { 200: holderPage },
      },
    ),
    async (req) => listHolders(ctx(req), req.params.id, req.query),
  );
  r.put(
    "/api/restructuring/holders/:id/election",
    route(
      "election.record",
      { authenticated: true },
      {
        summary: "Record a holder's exercise and payment (agent, or the holder in the portal)",
        params: idParams,
        body: electionInput,
        response: { 200: holderView },
      },
    ),
    async (req) => recordElection(ctx(req), req.params.id, req.body),
  );
  r.post(
    "/api/restructuring/holders/:id/payments",
    route(
      "payment.record",
      { permission: "restructuring.elect" },
      {
        summary: "Record a holder's payment or refund: amount, date and wire reference (ECA-3(a))",
        params: idParams,
        body: paymentInput,
        response: { 200: holderView },
      },
    ),
    async (req) => recordPayment(ctx(req), req.params.id, req.body),
  );
  r.get(
    "/api/restructuring/holders/:id/payments",
    route("payment.list", { authenticated: true }, { params: idParams, response: { 200: paymentList } }),
    async (req) => listPayments(ctx(req), req.params.id),
  );
  r.get(
    "/api/restructuring/portal",
    route("portal.read", { authenticated: true }, { response: { 200: portalHoldings } }),
    async (req) => myHoldings(ctx(req)),
  );

  r.post(
    "/api/restructuring/offerings/:id/allocation",
    route(
      "allocation.run",
      { permission: "restructuring.manage" },
      {
        summary:
          "Run the allocation on the paid elections: after the exercise period, or with a reason (ECA-2(b), ECA-2(f))",
        params: idParams,
        body: allocationInput,
        response: { 200: allocationRunView },
      },
    ),
    async (req) => runAllocation(ctx(req), req.params.id, req.body),
  );
  r.get(
    "/api/restructuring/offerings/:id/allocation",
    route(
      "allocation.read",
      { authenticated: true },
      { params: idParams, response: { 200: currentAllocationView } },
    ),
    async (req) => ({ run: await getAllocation(ctx(req), req.params.id) }),
  );
  r.get(
    "/api/restructuring/notices/:id/pdf",
    route(
      "notice.pdf",
      { authenticated: true },
      { params: idParams, response: { 200: fileResponse("application/pdf") } },
    ),
    async (req, reply) => {
      const { filename, pdf } = await purchaseNoticePdf(ctx(req), req.params.id);
      return reply
        .header("content-type", "application/pdf")
        .header("content-disposition", `inline; filename="${filename}"`)
        .send(pdf as unknown as string); // a Buffer is sent as it is; the schema documents the file
    },
  );

  r.get(
    "/api/restructuring/offerings/:id/votes",
    route("vote.list", { authenticated: true }, { params: idParams, response: { 200: voteList } }),
    async (req) => listVotes(ctx(req), req.params.id),
  );
  r.post(
    "/api/restructuring/offerings/:id/votes",
    route(
      "vote.propose",
      { permission: "restructuring.manage" },
      { params: idParams, body: voteInput, response: { 201: voteView } },
    ),
    async (req, reply) => reply.status(201).send(await proposeVote(ctx(req), req.params.id, req.body)),
  );
  r.post(
    "/api/restructuring/votes/:id/ballot",
    route(
      "vote.cast",
      { permission: "restructuring.investor" },
      { params: idParams, body: ballotInput, response: { 200: voteView } },
    ),
    async (req) => castBallot(ctx(req), req.params.id, req.body.inFavour),
  );

  r.get(
    "/api/restructuring/offerings/:id/conditions",
    route("condition.list", { authenticated: true }, { params: idParams, response: { 200: conditionList } }),
    async (req) => listConditions(ctx(req), req.params.id),
  );
  r.patch(
    "/api/restructuring/conditions/:id",
    route(
      "condition.update",
      { permission: "restructuring.manage" },
      { params: idParams, body: conditionPatch, response: { 200: conditionView } },
    ),
    async (req) => updateCondition(ctx(req), req.params.id, req.body),
  );
  r.get(
    "/api/restructuring/offerings/:id/deadlines",
    route("deadline.list", { authenticated: true }, { params: idParams, response: { 200: deadlineList } }),
    async (req) => getDeadlines(ctx(req), req.params.id),
  );
  r.get(
    "/api/restructuring/offerings/:id/terminations",
    route(
      "termination.list",
      { authenticated: true },
      { params: idParams, response: { 200: terminationsView } },
    ),
    async (req) => listTerminations(ctx(req), req.params.id),
  );
  r.post(
    "/api/restructuring/offerings/:id/terminations",
    route(
      "termination.record",
      { permission: "restructuring.manage" },
      { params: idParams, body: terminationInput, response: { 201: terminationView } },
    ),
    async (req, reply) => reply.status(201).send(await recordTermination(ctx(req), req.params.id, req.body)),
  );
  r.get(
    "/api/restructuring/offerings/:id/use-of-proceeds",
    route(
      "proceeds.read",
      { authenticated: true },
      {
        params: idParams,
        querystring: proceedsInput.extend({
          liquidityConditionHolds: z.enum(["true", "false"]).default("true"),
        }),
        response: { 200: useOfProceedsView },
      },
    ),
    async (req) =>
      getUseOfProceeds(ctx(req), req.params.id, {
        ...req.query,
        liquidityConditionHolds: req.query.liquidityConditionHolds === "true",
      }),
  );
  r.get(
    "/api/restructuring/offerings/:id/progress-reports",
    route(
      "progress.list",
      { authenticated: true },
      { params: idParams, response: { 200: progressReportList } },
    ),
    async (req) => listProgressReports(ctx(req), req.params.id),
  );
  r.post(
    "/api/restructuring/offerings/:id/progress-reports",
    route(
      "progress.request",
      { permission: "restructuring.manage" },
      {
        summary: "Send the investors a progress report on request (ECA-9(g))",
        params: idParams,
        body: progressRequestInput,
        response: { 201: progressReportView },
      },
    ),
    async (req, reply) =>
      reply.status(201).send(await requestProgressReport(ctx(req), req.params.id, req.body)),
  );
}

import type { FastifyInstance } from "fastify";
import { endpoints, listWithCsv, type RouteDeps, typed } from "../../kernel/http/routes.ts";
import { ctxOf } from "../../kernel/http/server.ts";
import { acknowledgeHold } from "./acknowledge-hold.ts";
import { addCustodians } from "./add-custodians.ts";
import { answerGuidance } from "./answer-guidance.ts";
import { askGuidance } from "./ask-guidance.ts";
import { askGuidanceAnonymously } from "./ask-guidance-anonymously.ts";
import {
  listBoycottRequests,
  logBoycottRequest,
  quarterlyBoycottReport,
  reviewBoycottRequest,
} from "./boycotts.ts";
import { ceoReviewConflict } from "./ceo-review-conflict.ts";
import { commentConflict } from "./comment-conflict.ts";
import { decideConflict } from "./decide-conflict.ts";
import { escalateGuidance } from "./escalate-guidance.ts";
import { fileConflict, updateConflict, withdrawConflict } from "./file-conflict.ts";
import { forwardConflict } from "./forward-conflict.ts";
import { getGuidance } from "./get-guidance.ts";
import { getHold } from "./get-hold.ts";
import {
  decideGift,
  fileGift,
  getGift,
  getGiftSettings,
  listGifts,
  presentSettings,
  recordGift,
  updateGiftSettings,
} from "./gifts.ts";
import { assignResponder, getInquiry, listInquiries, logInquiry, recordResponse } from "./inquiries.ts";
import { issueHold } from "./issue-hold.ts";
import { exportConflictsCsv, getConflict, listConflicts } from "./list-conflicts.ts";
import { listFaqs } from "./list-faqs.ts";
import { listGuidance } from "./list-guidance.ts";
import { listHolds } from "./list-holds.ts";
import { publishFaq } from "./publish-faq.ts";
import { releaseHold } from "./release-hold.ts";
import {
  anonymousGuidanceInput,
  answerInput,
  assignInput,
  boycottInput,
  boycottReviewInput,
  ceoReviewInput,
  commentInput,
  conflictFilter,
  conflictInput,
  conflictPatch,
  custodiansInput,
  decisionInput,
  faqInput,
  giftDecisionInput,
  giftFilter,
  giftInput,
  giftRecordInput,
  giftSettingsInput,
  guidanceInput,
  holdInput,
  idParams,
  inquiryInput,
  quarterParams,
  releaseInput,
  responseInput,
} from "./schemas.ts";
import {
  anonymousGuidanceReceipt,
  boycottList,
  boycottReportView,
  boycottView,
  conflictDetailView,
  conflictList,
  conflictView,
  faqList,
  giftList,
  giftSettingsView,
  giftView,
  guidanceList,
  guidanceView,
  holdList,
  holdView,
  inquiryList,
  inquiryView,
} from "./views.ts";

const route = endpoints(["disclosures"]);

export function registerDisclosureRoutes(app: FastifyInstance, deps: RouteDeps) {
  const r = typed(app);
  const ctx = (request: Parameters<typeof ctxOf>[0]) => ctxOf(request, deps);

  // ---- Conflicts of interest
  listWithCsv(r, deps, route, {
    url: "/api/disclosures/conflicts",
    access: { authenticated: true },
    querystring: conflictFilter,
    list: {
      action: "conflict.list",
      summary: "Own disclosures, the register, the CEO's and the Audit Committee's views",
      response: conflictList,
      run: listConflicts,
    },
    csv: {
      action: "conflict.export",
      filename: "conflicts-register.csv",
      run: (ctx, query) =>
        exportConflictsCsv(ctx, { ...query, scope: query.scope === "mine" ? "register" : query.scope }),
    },
  });
  r.post(
    "/api/disclosures/conflicts",
    route(
      "conflict.file",
      { authenticated: true },
      {
        summary: "Disclose one's own conflict of interest (COC-6.1)",
        body: conflictInput,
        response: { 201: conflictView },
      },
    ),
    async (q, reply) => reply.status(201).send(await fileConflict(ctx(q), q.body)),
  );
  r.get(
    "/api/disclosures/conflicts/:id",
    route(
      "conflict.read",
      { authenticated: true },
      { params: idParams, response: { 200: conflictDetailView } },
    ),
    async (q) => getConflict(ctx(q), q.params.id),
  );
  r.patch(
    "/api/disclosures/conflicts/:id",
    route(
      "conflict.update",
      { authenticated: true },
      {
        summary: "Change (or submit) one's disclosure: back for re-approval (COC-6.3)",
        params: idParams,
        body: conflictPatch,
        response: { 200: conflictView },
      },
    ),
    async (q) => updateConflict(ctx(q), q.params.id, q.body),
  );
  r.post(
    "/api/disclosures/conflicts/:id/withdraw",
    route(
      "conflict.withdraw",
      { authenticated: true },
      { params: idParams, response: { 200: conflictView } },
    ),
    async (q) => withdrawConflict(ctx(q), q.params.id),
  );
  r.post(
    "/api/disclosures/conflicts/:id/comments",
    route(
      "conflict.comment",
      { authenticated: true },
      { params: idParams, body: commentInput, response: { 200: conflictView } },
    ),
    async (q) => commentConflict(ctx(q), q.params.id, q.body),
  );
  r.post(
    "/api/disclosures/conflicts/:id/forward",
    route(
      "conflict.forward",
      { permission: "disclosure.review" },
      { params: idParams, response: { 200: conflictView } },
    ),
    async (q) => forwardConflict(ctx(q), q.params.id),
  );
  r.post(
    "/api/disclosures/conflicts/:id/ceo-review",
    route(
      "conflict.ceo_review",
      { permission: "disclosure.ceo_review" },
      {
        summary: "The CEO reports the conflict to the Audit Committee (COC-6.2)",
        params: idParams,
        body: ceoReviewInput,
        response: { 200: conflictView },
      },
    ),
    async (q) => ceoReviewConflict(ctx(q), q.params.id, q.body),
  );
  r.post(
    "/api/disclosures/conflicts/:id/decision",
    route(
      "conflict.decide",
      { permission: "disclosure.audit_committee" },
      { params: idParams, body: decisionInput, response: { 200: conflictView } },
    ),
    async (q) => decideConflict(ctx(q), q.params.id, q.body),
  );

  // ---- Gifts
  r.get(
    "/api/disclosures/gifts",
    route("gift.list", { authenticated: true }, { querystring: giftFilter, response: { 200: giftList } }),
    async (q) => listGifts(ctx(q), q.query),
  );
  r.post(
    "/api/disclosures/gifts",
    route(
      "gift.file",
      { authenticated: true },
      {
        summary: "File a gift given or received, or request approval (COC-12.1)",
        body: giftInput,
        response: { 201: giftView },
      },
    ),
    async (q, reply) => reply.status(201).send(await fileGift(ctx(q), q.body)),
  );
  r.get(
    "/api/disclosures/gifts/settings",
    route("gift.settings", { authenticated: true }, { response: { 200: giftSettingsView } }),
    async (q) => presentSettings(await getGiftSettings(ctx(q))),
  );
  r.put(
    "/api/disclosures/gifts/settings",
    route(
      "gift.configure",
      { permission: "disclosure.configure" },
      { body: giftSettingsInput, response: { 200: giftSettingsView } },
    ),
    async (q) => updateGiftSettings(ctx(q), q.body),
  );
  r.get(
    "/api/disclosures/gifts/:id",
    route("gift.read", { authenticated: true }, { params: idParams, response: { 200: giftView } }),
    async (q) => getGift(ctx(q), q.params.id),
  );
  r.post(
    "/api/disclosures/gifts/:id/decision",
    route(
      "gift.decide",
      { permission: "gift.approve" },
      {
        summary: "The Legal Department's written approval or refusal (COC-12.1)",
        params: idParams,
        body: giftDecisionInput,
        response: { 200: giftView },
      },
    ),
    async (q) => decideGift(ctx(q), q.params.id, q.body),
  );
  r.post(
    "/api/disclosures/gifts/:id/record",
    route(
      "gift.record",
      { authenticated: true },
      {
        summary: "Record as given; refused before Legal's written approval (COC-12.1)",
        params: idParams,
        body: giftRecordInput,
        response: { 200: giftView },
      },
    ),
    async (q) => recordGift(ctx(q), q.params.id, q.body),
  );

  // ---- Guidance
  r.get(
    "/api/disclosures/guidance",
    route("guidance.list", { authenticated: true }, { response: { 200: guidanceList } }),
    async (q) => listGuidance(ctx(q)),
  );
  r.get(
    "/api/disclosures/faqs",
    route("guidance.faqs", { authenticated: true }, { response: { 200: faqList } }),
    async (q) => listFaqs(ctx(q)),
  );
  r.post(
    "/api/disclosures/guidance",
    route(
      "guidance.ask",
      { authenticated: true },
      { summary: "Ask first, act later (COC-22.1)", body: guidanceInput, response: { 201: guidanceView } },
    ),
    async (q, reply) => reply.status(201).send(await askGuidance(ctx(q), q.body)),
  );
  r.post(
    "/api/disclosures/guidance/anonymous",
    route(
      "guidance.ask_anonymously",
      { authenticated: true },
      {
        summary: "Ask through the speak-up mailbox; returns the receipt once",
        body: anonymousGuidanceInput,
        response: { 201: anonymousGuidanceReceipt },
      },
    ),
    async (q, reply) => reply.status(201).send(await askGuidanceAnonymously(ctx(q), q.body)),
  );
  r.get(
    "/api/disclosures/guidance/:id",
    route("guidance.read", { authenticated: true }, { params: idParams, response: { 200: guidanceView } }),
    async (q) => getGuidance(ctx(q), q.params.id),
  );
  r.post(
    "/api/disclosures/guidance/:id/answer",
    route(
      "guidance.answer",
      { authenticated: true },
      { params: idParams, body: answerInput, response: { 200: guidanceView } },
    ),
    async (q) => answerGuidance(ctx(q), q.params.id, q.body),
  );
  r.post(
    "/api/disclosures/guidance/:id/escalate",
    route(
      "guidance.escalate",
      { authenticated: true },
      { params: idParams, response: { 200: guidanceView } },
    ),
    async (q) => escalateGuidance(ctx(q), q.params.id),
  );
  r.post(
    "/api/disclosures/guidance/:id/faq",
    route(
      "guidance.publish",
      { permission: "guidance.answer" },
      { params: idParams, body: faqInput, response: { 200: guidanceView } },
    ),
    async (q) => publishFaq(ctx(q), q.params.id, q.body),
  );

  // ---- Government and media inquiries
  r.get(
    "/api/disclosures/inquiries",
    route("inquiry.list", { authenticated: true }, { response: { 200: inquiryList } }),
    async (q) => listInquiries(ctx(q)),
  );
  r.post(
    "/api/disclosures/inquiries",
    route(
      "inquiry.log",
      { authenticated: true },
      {
        summary: "Refer a government or media inquiry to Legal (COC-9.1)",
        body: inquiryInput,
        response: { 201: inquiryView },
      },
    ),
    async (q, reply) => reply.status(201).send(await logInquiry(ctx(q), q.body)),
  );
  r.get(
    "/api/disclosures/inquiries/:id",
    route("inquiry.read", { authenticated: true }, { params: idParams, response: { 200: inquiryView } }),
    async (q) => getInquiry(ctx(q), q.params.id),
  );
  r.post(
    "/api/disclosures/inquiries/:id/assign",
    route(
      "inquiry.assign",
      { permission: "inquiry.manage" },
      { params: idParams, body: assignInput, response: { 200: inquiryView } },
    ),
    async (q) => assignResponder(ctx(q), q.params.id, q.body),
  );
  r.post(
    "/api/disclosures/inquiries/:id/response",
    route(
      "inquiry.respond",
      { authenticated: true },
      { params: idParams, body: responseInput, response: { 200: inquiryView } },
    ),
    async (q) => recordResponse(ctx(q), q.params.id, q.body),
  );

  // ---- Boycott requests
  r.get(
    "/api/disclosures/boycotts",
    route("boycott.list", { authenticated: true }, { response: { 200: boycottList } }),
    async (q) => listBoycottRequests(ctx(q)),
  );
  r.post(
    "/api/disclosures/boycotts",
    route(
      "boycott.log",
      { authenticated: true },
      {
        summary: "Log a boycott-related request (COC-8.1)",
        body: boycottInput,
        response: { 201: boycottView },
      },
    ),
    async (q, reply) => reply.status(201).send(await logBoycottRequest(ctx(q), q.body)),
  );
  r.post(
    "/api/disclosures/boycotts/:id/review",
    route(
      "boycott.review",
      { permission: "boycott.manage" },
      { params: idParams, body: boycottReviewInput, response: { 200: boycottView } },
    ),
    async (q) => reviewBoycottRequest(ctx(q), q.params.id, q.body),
  );
  r.get(
    "/api/disclosures/boycotts/report/:year/:quarter",
    route(
      "boycott.report",
      { permission: "boycott.manage" },
      {
        summary: "Quarterly report data and its due date (COC-8.1)",
        params: quarterParams,
        response: { 200: boycottReportView },
      },
    ),
    async (q) => quarterlyBoycottReport(ctx(q), q.params),
  );

  // ---- Legal holds
  r.get(
    "/api/disclosures/holds",
    route("legal_hold.list", { authenticated: true }, { response: { 200: holdList } }),
    async (q) => listHolds(ctx(q)),
  );
  r.post(
    "/api/disclosures/holds",
    route(
      "legal_hold.issue",
      { permission: "legal_hold.manage" },
      { summary: "Issue a legal hold (COC-15.1)", body: holdInput, response: { 201: holdView } },
    ),
    async (q, reply) => reply.status(201).send(await issueHold(ctx(q), q.body)),
  );
  r.get(
    "/api/disclosures/holds/:id",
    route("legal_hold.read", { authenticated: true }, { params: idParams, response: { 200: holdView } }),
    async (q) => getHold(ctx(q), q.params.id),
  );
  r.post(
    "/api/disclosures/holds/:id/custodians",
    route(
      "legal_hold.custodians",
      { permission: "legal_hold.manage" },
      { params: idParams, body: custodiansInput, response: { 200: holdView } },
    ),
    async (q) => addCustodians(ctx(q), q.params.id, q.body),
  );
  r.post(
    "/api/disclosures/holds/:id/acknowledge",
    route(
      "legal_hold.acknowledge",
      { authenticated: true },
      { params: idParams, response: { 200: holdView } },
    ),
    async (q) => acknowledgeHold(ctx(q), q.params.id),
  );
  r.post(
    "/api/disclosures/holds/:id/release",
    route(
      "legal_hold.release",
      { permission: "legal_hold.manage" },
      { params: idParams, body: releaseInput, response: { 200: holdView } },
    ),
    async (q) => releaseHold(ctx(q), q.params.id, q.body),
  );
}

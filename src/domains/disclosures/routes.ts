import type { FastifyInstance } from "fastify";
import { type RouteDeps, typed } from "../../kernel/http/routes.ts";
import { ctxOf, sendCsv } from "../../kernel/http/server.ts";
import {
  listBoycottRequests,
  logBoycottRequest,
  quarterlyBoycottReport,
  reviewBoycottRequest,
} from "./boycotts.ts";
import { ceoReviewConflict, commentConflict, decideConflict, forwardConflict } from "./conflict-workflow.ts";
import { fileConflict, updateConflict, withdrawConflict } from "./file-conflict.ts";
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
import {
  answerGuidance,
  askGuidance,
  askGuidanceAnonymously,
  escalateGuidance,
  getGuidance,
  listFaqs,
  listGuidance,
  publishFaq,
} from "./guidance.ts";
import { assignResponder, getInquiry, listInquiries, logInquiry, recordResponse } from "./inquiries.ts";
import { acknowledgeHold, addCustodians, getHold, issueHold, listHolds, releaseHold } from "./legal-holds.ts";
import { exportConflictsCsv, getConflict, listConflicts } from "./list-conflicts.ts";
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

const tags = ["disclosures"];
const signedIn = (action: string) => ({ access: { action, authenticated: true } });
const needs = (action: string, permission: string) => ({ access: { action, permission } });

export function registerDisclosureRoutes(app: FastifyInstance, deps: RouteDeps) {
  const r = typed(app);
  const ctx = (request: Parameters<typeof ctxOf>[0]) => ctxOf(request, deps);

  // ---- Conflicts of interest
  r.get(
    "/api/disclosures/conflicts",
    {
      config: signedIn("conflict.list"),
      schema: {
        tags,
        operationId: "conflict.list",
        summary: "Own disclosures, the register, the CEO's and the Audit Committee's views",
        querystring: conflictFilter,
      },
    },
    async (q) => listConflicts(ctx(q), q.query),
  );
  r.get(
    "/api/disclosures/conflicts.csv",
    {
      config: signedIn("conflict.export"),
      schema: { tags, operationId: "conflict.export", querystring: conflictFilter },
    },
    async (q, reply) =>
      sendCsv(
        reply,
        "conflicts-register.csv",
        await exportConflictsCsv(ctx(q), {
          ...q.query,
          scope: q.query.scope === "mine" ? "register" : q.query.scope,
        }),
      ),
  );
  r.post(
    "/api/disclosures/conflicts",
    {
      config: signedIn("conflict.file"),
      schema: {
        tags,
        operationId: "conflict.file",
        summary: "Disclose one's own conflict of interest (COC-6.1)",
        body: conflictInput,
      },
    },
    async (q, reply) => reply.status(201).send(await fileConflict(ctx(q), q.body)),
  );
  r.get(
    "/api/disclosures/conflicts/:id",
    { config: signedIn("conflict.read"), schema: { tags, operationId: "conflict.read", params: idParams } },
    async (q) => getConflict(ctx(q), q.params.id),
  );
  r.patch(
    "/api/disclosures/conflicts/:id",
    {
      config: signedIn("conflict.update"),
      schema: {
        tags,
        operationId: "conflict.update",
        summary: "Change (or submit) one's disclosure: back for re-approval (COC-6.3)",
        params: idParams,
        body: conflictPatch,
      },
    },
    async (q) => updateConflict(ctx(q), q.params.id, q.body),
  );
  r.post(
    "/api/disclosures/conflicts/:id/withdraw",
    {
      config: signedIn("conflict.withdraw"),
      schema: { tags, operationId: "conflict.withdraw", params: idParams },
    },
    async (q) => withdrawConflict(ctx(q), q.params.id),
  );
  r.post(
    "/api/disclosures/conflicts/:id/comments",
    {
      config: signedIn("conflict.comment"),
      schema: { tags, operationId: "conflict.comment", params: idParams, body: commentInput },
    },
    async (q) => commentConflict(ctx(q), q.params.id, q.body),
  );
  r.post(
    "/api/disclosures/conflicts/:id/forward",
    {
      config: needs("conflict.forward", "disclosure.review"),
      schema: { tags, operationId: "conflict.forward", params: idParams },
    },
    async (q) => forwardConflict(ctx(q), q.params.id),
  );
  r.post(
    "/api/disclosures/conflicts/:id/ceo-review",
    {
      config: needs("conflict.ceo_review", "disclosure.ceo_review"),
      schema: {
        tags,
        operationId: "conflict.ceo_review",
        summary: "The CEO reports the conflict to the Audit Committee (COC-6.2)",
        params: idParams,
        body: ceoReviewInput,
      },
    },
    async (q) => ceoReviewConflict(ctx(q), q.params.id, q.body),
  );
  r.post(
    "/api/disclosures/conflicts/:id/decision",
    {
      config: needs("conflict.decide", "disclosure.audit_committee"),
      schema: { tags, operationId: "conflict.decide", params: idParams, body: decisionInput },
    },
    async (q) => decideConflict(ctx(q), q.params.id, q.body),
  );

  // ---- Gifts
  r.get(
    "/api/disclosures/gifts",
    { config: signedIn("gift.list"), schema: { tags, operationId: "gift.list", querystring: giftFilter } },
    async (q) => listGifts(ctx(q), q.query),
  );
  r.post(
    "/api/disclosures/gifts",
    {
      config: signedIn("gift.file"),
      schema: {
        tags,
        operationId: "gift.file",
        summary: "File a gift given or received, or request approval (COC-12.1)",
        body: giftInput,
      },
    },
    async (q, reply) => reply.status(201).send(await fileGift(ctx(q), q.body)),
  );
  r.get(
    "/api/disclosures/gifts/settings",
    { config: signedIn("gift.settings"), schema: { tags, operationId: "gift.settings" } },
    async (q) => presentSettings(await getGiftSettings(ctx(q))),
  );
  r.put(
    "/api/disclosures/gifts/settings",
    {
      config: needs("gift.configure", "disclosure.configure"),
      schema: { tags, operationId: "gift.configure", body: giftSettingsInput },
    },
    async (q) => updateGiftSettings(ctx(q), q.body),
  );
  r.get(
    "/api/disclosures/gifts/:id",
    { config: signedIn("gift.read"), schema: { tags, operationId: "gift.read", params: idParams } },
    async (q) => getGift(ctx(q), q.params.id),
  );
  r.post(
    "/api/disclosures/gifts/:id/decision",
    {
      config: needs("gift.decide", "gift.approve"),
      schema: {
        tags,
        operationId: "gift.decide",
        summary: "The Legal Department's written approval or refusal (COC-12.1)",
        params: idParams,
        body: giftDecisionInput,
      },
    },
    async (q) => decideGift(ctx(q), q.params.id, q.body),
  );
  r.post(
    "/api/disclosures/gifts/:id/record",
    {
      config: signedIn("gift.record"),
      schema: {
        tags,
        operationId: "gift.record",
        summary: "Record as given; refused before Legal's written approval (COC-12.1)",
        params: idParams,
        body: giftRecordInput,
      },
    },
    async (q) => recordGift(ctx(q), q.params.id, q.body),
  );

  // ---- Guidance
  r.get(
    "/api/disclosures/guidance",
    { config: signedIn("guidance.list"), schema: { tags, operationId: "guidance.list" } },
    async (q) => listGuidance(ctx(q)),
  );
  r.get(
    "/api/disclosures/faqs",
    { config: signedIn("guidance.faqs"), schema: { tags, operationId: "guidance.faqs" } },
    async (q) => listFaqs(ctx(q)),
  );
  r.post(
    "/api/disclosures/guidance",
    {
      config: signedIn("guidance.ask"),
      schema: {
        tags,
        operationId: "guidance.ask",
        summary: "Ask first, act later (COC-22.1)",
        body: guidanceInput,
      },
    },
    async (q, reply) => reply.status(201).send(await askGuidance(ctx(q), q.body)),
  );
  r.post(
    "/api/disclosures/guidance/anonymous",
    {
      config: signedIn("guidance.ask_anonymously"),
      schema: {
        tags,
        operationId: "guidance.ask_anonymously",
        summary: "Ask through the speak-up mailbox; returns the receipt once",
        body: anonymousGuidanceInput,
      },
    },
    async (q, reply) => reply.status(201).send(await askGuidanceAnonymously(ctx(q), q.body)),
  );
  r.get(
    "/api/disclosures/guidance/:id",
    { config: signedIn("guidance.read"), schema: { tags, operationId: "guidance.read", params: idParams } },
    async (q) => getGuidance(ctx(q), q.params.id),
  );
  r.post(
    "/api/disclosures/guidance/:id/answer",
    {
      config: signedIn("guidance.answer"),
      schema: { tags, operationId: "guidance.answer", params: idParams, body: answerInput },
    },
    async (q) => answerGuidance(ctx(q), q.params.id, q.body),
  );
  r.post(
    "/api/disclosures/guidance/:id/escalate",
    {
      config: signedIn("guidance.escalate"),
      schema: { tags, operationId: "guidance.escalate", params: idParams },
    },
    async (q) => escalateGuidance(ctx(q), q.params.id),
  );
  r.post(
    "/api/disclosures/guidance/:id/faq",
    {
      config: needs("guidance.publish", "guidance.answer"),
      schema: { tags, operationId: "guidance.publish", params: idParams, body: faqInput },
    },
    async (q) => publishFaq(ctx(q), q.params.id, q.body),
  );

  // ---- Government and media inquiries
  r.get(
    "/api/disclosures/inquiries",
    { config: signedIn("inquiry.list"), schema: { tags, operationId: "inquiry.list" } },
    async (q) => listInquiries(ctx(q)),
  );
  r.post(
    "/api/disclosures/inquiries",
    {
      config: signedIn("inquiry.log"),
      schema: {
        tags,
        operationId: "inquiry.log",
        summary: "Refer a government or media inquiry to Legal (COC-9.1)",
        body: inquiryInput,
      },
    },
    async (q, reply) => reply.status(201).send(await logInquiry(ctx(q), q.body)),
  );
  r.get(
    "/api/disclosures/inquiries/:id",
    { config: signedIn("inquiry.read"), schema: { tags, operationId: "inquiry.read", params: idParams } },
    async (q) => getInquiry(ctx(q), q.params.id),
  );
  r.post(
    "/api/disclosures/inquiries/:id/assign",
    {
      config: needs("inquiry.assign", "inquiry.manage"),
      schema: { tags, operationId: "inquiry.assign", params: idParams, body: assignInput },
    },
    async (q) => assignResponder(ctx(q), q.params.id, q.body),
  );
  r.post(
    "/api/disclosures/inquiries/:id/response",
    {
      config: signedIn("inquiry.respond"),
      schema: { tags, operationId: "inquiry.respond", params: idParams, body: responseInput },
    },
    async (q) => recordResponse(ctx(q), q.params.id, q.body),
  );

  // ---- Boycott requests
  r.get(
    "/api/disclosures/boycotts",
    { config: signedIn("boycott.list"), schema: { tags, operationId: "boycott.list" } },
    async (q) => listBoycottRequests(ctx(q)),
  );
  r.post(
    "/api/disclosures/boycotts",
    {
      config: signedIn("boycott.log"),
      schema: {
        tags,
        operationId: "boycott.log",
        summary: "Log a boycott-related request (COC-8.1)",
        body: boycottInput,
      },
    },
    async (q, reply) => reply.status(201).send(await logBoycottRequest(ctx(q), q.body)),
  );
  r.post(
    "/api/disclosures/boycotts/:id/review",
    {
      config: needs("boycott.review", "boycott.manage"),
      schema: { tags, operationId: "boycott.review", params: idParams, body: boycottReviewInput },
    },
    async (q) => reviewBoycottRequest(ctx(q), q.params.id, q.body),
  );
  r.get(
    "/api/disclosures/boycotts/report/:year/:quarter",
    {
      config: needs("boycott.report", "boycott.manage"),
      schema: {
        tags,
        operationId: "boycott.report",
        summary: "Quarterly report data and its due date (COC-8.1)",
        params: quarterParams,
      },
    },
    async (q) => quarterlyBoycottReport(ctx(q), q.params),
  );

  // ---- Legal holds
  r.get(
    "/api/disclosures/holds",
    { config: signedIn("legal_hold.list"), schema: { tags, operationId: "legal_hold.list" } },
    async (q) => listHolds(ctx(q)),
  );
  r.post(
    "/api/disclosures/holds",
    {
      config: needs("legal_hold.issue", "legal_hold.manage"),
      schema: {
        tags,
        operationId: "legal_hold.issue",
        summary: "Issue a legal hold (COC-15.1)",
        body: holdInput,
      },
    },
    async (q, reply) => reply.status(201).send(await issueHold(ctx(q), q.body)),
  );
  r.get(
    "/api/disclosures/holds/:id",
    {
      config: signedIn("legal_hold.read"),
      schema: { tags, operationId: "legal_hold.read", params: idParams },
    },
    async (q) => getHold(ctx(q), q.params.id),
  );
  r.post(
    "/api/disclosures/holds/:id/custodians",
    {
      config: needs("legal_hold.custodians", "legal_hold.manage"),
      schema: { tags, operationId: "legal_hold.custodians", params: idParams, body: custodiansInput },
    },
    async (q) => addCustodians(ctx(q), q.params.id, q.body),
  );
  r.post(
    "/api/disclosures/holds/:id/acknowledge",
    {
      config: signedIn("legal_hold.acknowledge"),
      schema: { tags, operationId: "legal_hold.acknowledge", params: idParams },
    },
    async (q) => acknowledgeHold(ctx(q), q.params.id),
  );
  r.post(
    "/api/disclosures/holds/:id/release",
    {
      config: needs("legal_hold.release", "legal_hold.manage"),
      schema: { tags, operationId: "legal_hold.release", params: idParams, body: releaseInput },
    },
    async (q) => releaseHold(ctx(q), q.params.id, q.body),
  );
}

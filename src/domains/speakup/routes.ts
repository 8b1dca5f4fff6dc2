import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { anonymousActor } from "../../kernel/context.ts";
import { AppError } from "../../kernel/errors.ts";
import { okResponse } from "../../kernel/http/responses.ts";
import { endpoints, listRoute, type RouteDeps, typed } from "../../kernel/http/routes.ts";
import { ctxOf, sendPdf } from "../../kernel/http/server.ts";
import { acknowledgeCase } from "./acknowledge-case.ts";
import { addCaseItem } from "./add-case-item.ts";
import { addCasePerson } from "./add-case-person.ts";
import { assignCase } from "./assign-case.ts";
import { listAssignees } from "./assignees.ts";
import { base64Bytes, bytesOf, reserveUploadBudget } from "./attachments.ts";
import { clearExclusion } from "./clear-exclusion.ts";
import { completeCaseItem } from "./complete-case-item.ts";
import { fileReport } from "./file-report.ts";
import { getCase, readCaseAttachment } from "./get-case.ts";
import { linkCases } from "./link-cases.ts";
import { listCases } from "./list-cases.ts";
import { openMailbox, readMailbox, readMailboxAttachment, replyInMailbox } from "./mailbox.ts";
import { mergeCase } from "./merge-case.ts";
import { listMyReports, openMyReportMailbox } from "./my-reports.ts";
import { setMailboxCookie } from "./portal-routes.ts";
import { postHandlerMessage } from "./post-handler-message.ts";
import { quarterlyReportPdf } from "./quarterly-report.ts";
import { resolveWatch } from "./resolve-watch.ts";
import {
  caseFilter,
  casePersonInput,
  clearExclusionInput,
  itemInput,
  messageInput,
  reportInput,
  transitionInput,
} from "./schemas.ts";
import { sendReportedFile } from "./serve-file.ts";
import { setMailboxPassword } from "./set-mailbox-password.ts";
import { getSpeakupSettings, speakupSettings, updateSpeakupSettings } from "./settings.ts";
import { getStats } from "./stats.ts";
import type { ReceiptThrottle } from "./throttle.ts";
import { transitionCase } from "./transition-case.ts";
import {
  caseAssignees,
  caseItemCreatedView,
  caseListPage,
  caseView,
  filedReportView,
  mailboxSessionView,
  mailboxView,
  myReportMailboxView,
  myReports,
  quarterlyReportFile,
  speakupFile,
  speakupMessagePostedView,
  speakupSettingsView,
  speakupStatsView,
  speakupVocabularyView,
} from "./views.ts";
import {
  ATTACHMENT_LIMITS,
  CATEGORIES,
  CHANNEL_LABELS,
  CHANNELS,
  TEAM_LABELS,
  type Team,
} from "./vocabulary.ts";

const route = endpoints(["speakup"]);
const id = z.object({ id: z.string().min(1).max(64) });
const base64Files = z
  .array(
    z.object({
      filename: z.string().min(1).max(255),
      contentType: z.string().max(200),
      base64: z.string().max(14_000_000),
    }),
  )
  .max(5)
  .default([]);

const mailboxToken = (request: FastifyRequest) => {
  const token = request.headers["x-mailbox-token"];
  if (typeof token !== "string" || token.length < 20 || token.length > 100) {
    throw new AppError(
      "UNAUTHENTICATED",
      "Send the mailbox token from /api/speakup/mailbox/login in the x-mailbox-token header.",
    );
  }
  return token;
};

/** Public routes act for nobody: a session cookie, if one was sent, is ignored (reporter anonymity). */
const publicCtx = (request: FastifyRequest, deps: RouteDeps) => ({
  ...ctxOf(request, deps),
  actor: anonymousActor,
});

export function registerSpeakupRoutes(app: FastifyInstance, deps: RouteDeps & { throttle: ReceiptThrottle }) {
  const r = typed(app);

  r.get(
    "/api/speakup/vocabulary",
    route(
      "speakup.vocabulary",
      { public: true, anonymous: true },
      {
        summary: "Categories, channels and attachment limits for report forms",
        response: { 200: speakupVocabularyView },
      },
    ),
    async () => ({
      categories: [...CATEGORIES],
      channels: CHANNELS.map((c) => ({ id: c, label: CHANNEL_LABELS[c] })),
      teams: Object.entries(TEAM_LABELS).map(([value, label]) => ({ id: value as Team, label })),
      attachments: { ...ATTACHMENT_LIMITS, extensions: [...ATTACHMENT_LIMITS.extensions] },
    }),
  );

  const fileReportRoute = route(
    "speakup.report.file",
    { public: true, anonymous: true },
    {
      summary:
        "File a report on the public portal (anonymous, confidential or open). Returns the receipt once.",
      description:
        "Stores nothing about the caller: no IP address, user agent or referrer. A retried request with the same idempotency key (the Idempotency-Key header or the idempotencyKey field; both must match when both are sent) files one report and returns the same receipt.",
      body: reportInput,
      // 201 when filed; 200 when a retried request returns the receipt already given.
      response: { 200: filedReportView, 201: filedReportView },
    },
  );
  r.post(
    "/api/speakup/reports",
    {
      ...fileReportRoute,
      config: { ...fileReportRoute.config, rateLimit: { max: 30, timeWindow: "1 minute" } },
      bodyLimit: 75 * 1024 * 1024,
      preValidation: idempotencyKeyFromHeader,
    },
    async (request, reply) => {
      const ctx = publicCtx(request, deps);
      await reserveUploadBudget(
        ctx,
        base64Bytes(request.body.attachments),
        deps.config.uploadBudgetBytesPerHour,
      );
      const filed = await fileReport(ctx, { ...request.body, channel: "web" });
      return reply.status(filed.retried ? 200 : 201).send(filed);
    },
  );

  r.post(
    "/api/speakup/intake",
    {
      ...route(
        "speakup.intake",
        { authenticated: true },
        {
          summary:
            "File a report for a caller (hotline operator), a letter (Legal) or as an identified employee (channel internal)",
          body: reportInput,
          response: { 201: filedReportView },
        },
      ),
      bodyLimit: 75 * 1024 * 1024,
    },
    async (request, reply) => {
      if (request.body.channel === "web")
        throw new AppError(
          "INVALID",
          "Use channel internal, phone_domestic, phone_international or letter here.",
          { errors: [{ path: "channel", message: "web is the public portal" }] },
        );
      return reply.status(201).send(await fileReport(ctxOf(request, deps), request.body));
    },
  );

  r.post(
    "/api/speakup/mailbox/login",
    route(
      "speakup.mailbox.open",
      { public: true, anonymous: true },
      {
        summary: "Open the anonymous mailbox with the receipt and password",
        body: z.object({
          receipt: z.string().min(1).max(40),
          password: z.string().min(1).max(200),
          /** A solved puzzle, when the previous answer asked for one (429 with `challenge`). */
          pow: z.object({ challenge: z.string().max(200), solution: z.string().max(32) }).optional(),
        }),
        response: { 200: mailboxSessionView },
      },
    ),
    async (request) => openMailbox(publicCtx(request, deps), { ...request.body, throttle: deps.throttle }),
  );

  r.post(
    "/api/speakup/mailbox/setup",
    route(
      "speakup.mailbox.setup",
      { public: true, anonymous: true },
      {
        summary:
          "First visit after a phone report: the receipt and the operator's one-time code set the caller's own password",
        body: z.object({
          receipt: z.string().min(1).max(40),
          code: z.string().min(1).max(40),
          password: z.string().max(200),
          pow: z.object({ challenge: z.string().max(200), solution: z.string().max(32) }).optional(),
        }),
        response: { 200: mailboxSessionView },
      },
    ),
    async (request) =>
      setMailboxPassword(publicCtx(request, deps), { ...request.body, throttle: deps.throttle }),
  );

  r.get(
    "/api/speakup/mailbox",
    route(
      "speakup.mailbox.read",
      { public: true, anonymous: true },
      { summary: "The reporter's view of the case: status and messages", response: { 200: mailboxView } },
    ),
    async (request) => readMailbox(publicCtx(request, deps), mailboxToken(request)),
  );

  r.post(
    "/api/speakup/mailbox/messages",
    {
      ...route(
        "speakup.mailbox.reply",
        { public: true, anonymous: true },
        {
          summary: "The reporter answers or adds files",
          body: z.object({ body: z.string().max(20_000).default(""), attachments: base64Files }),
          response: { 201: speakupMessagePostedView },
        },
      ),
      bodyLimit: 75 * 1024 * 1024,
    },
    async (request, reply) => {
      const files = request.body.attachments.map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        bytes: Buffer.from(a.base64, "base64"),
      }));
      const ctx = publicCtx(request, deps);
      const token = mailboxToken(request);
      await reserveUploadBudget(ctx, bytesOf(files), deps.config.uploadBudgetBytesPerHour);
      return reply.status(201).send(
        await replyInMailbox(ctx, token, {
          body: request.body.body,
          files,
        }),
      );
    },
  );

  r.get(
    "/api/speakup/mailbox/attachments/:id",
    route(
      "speakup.mailbox.file",
      { public: true, anonymous: true },
      { params: id, response: { 200: speakupFile } },
    ),
    async (request, reply) => {
      const file = await readMailboxAttachment(
        publicCtx(request, deps),
        mailboxToken(request),
        request.params.id,
      );
      return sendReportedFile(reply, file, { preview: false });
    },
  );

  listRoute(r, deps, route, {
    url: "/api/speakup/cases",
    action: "case.list",
    access: { permission: "speakup.handle" },
    summary: "Cases the handler may see",
    querystring: caseFilter,
    response: caseListPage,
    run: listCases,
  });

  r.get(
    "/api/speakup/cases/:id",
    // Anyone signed in may ask; who may not see the case gets 404, never a hint that it exists.
    route(
      "case.view",
      { authenticated: true },
      { summary: "One case, decrypted; the view is audited", params: id, response: { 200: caseView } },
    ),
    async (request) => getCase(ctxOf(request, deps), request.params.id),
  );

  r.get(
    "/api/speakup/cases/:id/assignees",
    route(
      "case.assignees",
      { permission: "speakup.assign" },
      { params: id, response: { 200: caseAssignees } },
    ),
    async (request) => listAssignees(ctxOf(request, deps), request.params.id),
  );

  r.get(
    "/api/speakup/cases/:id/attachments/:attachmentId",
    route(
      "case.file",
      { permission: "speakup.handle" },
      {
        params: z.object({ id: z.string().max(64), attachmentId: z.string().max(64) }),
        // preview=1: an image is shown inline (sanitised, sandboxed); any other file downloads.
        querystring: z.object({ preview: z.enum(["0", "1"]).optional() }),
        response: { 200: speakupFile },
      },
    ),
    async (request, reply) => {
      const file = await readCaseAttachment(
        ctxOf(request, deps),
        request.params.id,
        request.params.attachmentId,
      );
      return sendReportedFile(reply, file, { preview: request.query.preview === "1" });
    },
  );

  const action = (
    path: string,
    name: string,
    body: z.ZodType,
    run: (ctx: ReturnType<typeof ctxOf>, caseId: string, body: never) => Promise<unknown>,
    answer: z.ZodType = okResponse,
  ) =>
    r.post(
      path,
      // Assigning is narrower than handling (speakup.assign): refused at the route, not after parsing.
      route(
        name,
        { permission: name === "case.assign" ? "speakup.assign" : "speakup.handle" },
        {
          // Only :id is in these paths (an optional `sub` here made OpenAPI document a path parameter none has).
          params: z.object({ id: z.string().max(64) }),
          body,
          response: { 200: answer },
        },
      ),
      async (request) => run(ctxOf(request, deps), request.params.id, request.body as never),
    );

  action(
    "/api/speakup/cases/:id/acknowledge",
    "case.acknowledge",
    z.object({}).passthrough().optional() as unknown as z.ZodType,
    (ctx, caseId) => acknowledgeCase(ctx, caseId),
  );
  action(
    "/api/speakup/cases/:id/transition",
    "case.transition",
    transitionInput,
    (ctx, caseId, body: z.infer<typeof transitionInput>) => transitionCase(ctx, caseId, body),
  );
  action(
    "/api/speakup/cases/:id/assign",
    "case.assign",
    z.object({
      userId: z.string().max(64).nullable(),
      team: z.enum(["compliance", "audit_committee"]).optional(),
    }),
    (ctx, caseId, body: { userId: string | null; team?: "compliance" | "audit_committee" }) =>
      assignCase(ctx, caseId, body),
  );
  action(
    "/api/speakup/cases/:id/messages",
    "case.message",
    messageInput,
    (ctx, caseId, body: z.infer<typeof messageInput>) =>
      postHandlerMessage(ctx, caseId, body.body, { isFeedback: body.isFeedback, toCaseId: body.toCaseId }),
    speakupMessagePostedView,
  );
  action(
    "/api/speakup/cases/:id/items",
    "case.item",
    itemInput,
    (ctx, caseId, body: z.infer<typeof itemInput>) => addCaseItem(ctx, caseId, body),
    caseItemCreatedView,
  );
  action(
    "/api/speakup/cases/:id/people",
    "case.people",
    casePersonInput,
    (ctx, caseId, body: z.infer<typeof casePersonInput>) => addCasePerson(ctx, caseId, body),
  );
  action(
    "/api/speakup/cases/:id/clear-exclusion",
    "case.clear-exclusion",
    clearExclusionInput,
    (ctx, caseId, body: z.infer<typeof clearExclusionInput>) => clearExclusion(ctx, caseId, body),
  );
  action(
    "/api/speakup/cases/:id/links",
    "case.link",
    z.object({ otherId: z.string().min(1).max(64) }),
    (ctx, caseId, body: { otherId: string }) => linkCases(ctx, caseId, body.otherId),
  );
  action(
    "/api/speakup/cases/:id/merge",
    "case.merge",
    z.object({ intoId: z.string().min(1).max(64) }),
    (ctx, caseId, body: { intoId: string }) => mergeCase(ctx, caseId, body.intoId),
  );

  r.post(
    "/api/speakup/cases/:id/items/:itemId",
    route(
      "case.item.update",
      { permission: "speakup.handle" },
      {
        params: z.object({ id: z.string().max(64), itemId: z.string().max(64) }),
        body: z.object({ done: z.boolean() }),
        response: { 200: okResponse },
      },
    ),
    async (request) =>
      completeCaseItem(ctxOf(request, deps), request.params.id, request.params.itemId, request.body.done),
  );

  r.post(
    "/api/speakup/cases/:id/watch/:watchId/resolve",
    route(
      "case.watch.resolve",
      { permission: "speakup.handle" },
      {
        params: z.object({ id: z.string().max(64), watchId: z.string().max(64) }),
        response: { 200: okResponse },
      },
    ),
    async (request) => resolveWatch(ctxOf(request, deps), request.params.id, request.params.watchId),
  );

  const statsQuery = z.object({
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    quarter: z.string().max(7).optional(),
  });
  r.get(
    "/api/speakup/stats",
    route(
      "speakup.stats",
      { permission: "speakup.stats" },
      {
        summary: "Hotline statistics; counts below 5 withheld",
        querystring: statsQuery,
        response: { 200: speakupStatsView },
      },
    ),
    async (request) => getStats(ctxOf(request, deps), request.query),
  );

  r.get(
    "/api/speakup/reports/quarterly.pdf",
    route(
      "speakup.report.quarterly",
      { permission: "speakup.stats" },
      {
        summary: "The Audit Committee's quarterly report (PDF)",
        querystring: z.object({ quarter: z.string().regex(/^\d{4}-Q[1-4]$/, "use YYYY-Qn, e.g. 2026-Q1") }),
        response: { 200: quarterlyReportFile },
      },
    ),
    async (request, reply) => {
      const pdf = await quarterlyReportPdf(ctxOf(request, deps), request.query.quarter);
      return sendPdf(reply, `speakup-${request.query.quarter}.pdf`, pdf);
    },
  );

  r.get(
    "/api/speakup/my-reports",
    route(
      "speakup.my_reports",
      { authenticated: true },
      {
        summary: "The signed-in employee's own identified reports (in the app or from a certificate)",
        response: { 200: myReports },
      },
    ),
    async (request) => listMyReports(ctxOf(request, deps)),
  );

  r.post(
    "/api/speakup/my-reports/:id/mailbox",
    route(
      "speakup.my_reports.mailbox",
      { authenticated: true },
      {
        summary:
          "Opens the portal mailbox of one's own report without its receipt; then go to /speakup/mailbox",
        params: id,
        response: { 200: myReportMailboxView },
      },
    ),
    async (request, reply) => {
      const { expiresAt, token } = await openMyReportMailbox(ctxOf(request, deps), request.params.id);
      setMailboxCookie(reply, token, deps.config.publicUrl);
      return { url: "/speakup/mailbox", expiresAt };
    },
  );

  r.get(
    "/api/speakup/settings",
    route(
      "speakup.settings.read",
      { permission: "speakup.configure" },
      { response: { 200: speakupSettingsView } },
    ),
    async (request) => getSpeakupSettings(ctxOf(request, deps)),
  );

  r.put(
    "/api/speakup/settings",
    route(
      "speakup.configure",
      { permission: "speakup.configure" },
      { body: speakupSettings, response: { 200: speakupSettingsView } },
    ),
    async (request) => updateSpeakupSettings(ctxOf(request, deps), request.body),
  );
}

/**
 * The Idempotency-Key header (IETF draft "The Idempotency-Key HTTP Header Field") counts like the
 * body's idempotencyKey: a header alone fills the field; both must be the same key, or the request
 * is refused (a client that sends two different keys would not know which one protects it).
 */
async function idempotencyKeyFromHeader(request: FastifyRequest): Promise<void> {
  const header = request.headers["idempotency-key"];
  if (header === undefined) return;
  // The draft writes the key as a structured-field string ("…"); a bare token is accepted too.
  const key = (Array.isArray(header) ? header.join(",") : header).trim().replace(/^"(.*)"$/, "$1");
  const body = request.body as Record<string, unknown> | null;
  if (!body || typeof body !== "object") return;
  if (body.idempotencyKey === undefined || body.idempotencyKey === "") {
    body.idempotencyKey = key;
  } else if (body.idempotencyKey !== key) {
    throw new AppError(
      "INVALID",
      "The Idempotency-Key header and the idempotencyKey field differ; send one key, or the same key in both.",
      { errors: [{ path: "idempotencyKey", message: "differs from the Idempotency-Key header" }] },
    );
  }
}

import { createHash, randomUUID } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { ZodError } from "zod";
import { anonymousActor } from "../../kernel/context.ts";
import { AppError } from "../../kernel/errors.ts";
import type { RouteDeps } from "../../kernel/http/routes.ts";
import { ctxOf } from "../../kernel/http/server.ts";
import { countryName, getOrganisation, isCountryCode, peopleDb } from "../people/index.ts";
import { bytesOf, type IncomingFile, reserveUploadBudget } from "./attachments.ts";
import { fileReport } from "./file-report.ts";
import { closeMailbox, openMailbox, readMailbox, readMailboxAttachment, replyInMailbox } from "./mailbox.ts";
import { landing, mailboxLogin, mailboxPage, mailboxSetup, receiptPage, reportForm } from "./portal-html.ts";
import { reportInput } from "./schemas.ts";
import { sendReportedFile } from "./serve-file.ts";
import { setMailboxPassword } from "./set-mailbox-password.ts";
import type { ReceiptThrottle } from "./throttle.ts";

const MAILBOX_COOKIE = "probity_mailbox";

/**
 * The mailbox sign-in forms (receipt and password, or receipt and one-time code): a form that cannot
 * be read is shown again (400); a refusal before any try (`refuse`) re-renders it with its message
 * (422); a solved puzzle from the form goes with the try; success sets the mailbox cookie and opens
 * the mailbox, a refusal re-renders the form with the message and, past the try budget, a new
 * puzzle (COC-22.2).
 */
async function signInFromForm(
  request: FastifyRequest,
  reply: FastifyReply,
  publicUrl: string,
  form: (options: { message: string; challenge?: string }) => Promise<string>,
  attempt: (
    fields: Record<string, string>,
    pow: { pow?: { challenge: string; solution: string } },
  ) => Promise<{ token: string }>,
  refuse: (fields: Record<string, string>) => string | undefined = () => undefined,
) {
  let fields: Record<string, string>;
  try {
    ({ fields } = await readForm(request));
  } catch {
    return html(reply, 400, await form({ message: "The form could not be read; please try again." }));
  }
  const refusal = refuse(fields);
  if (refusal !== undefined) return html(reply, 422, await form({ message: refusal }));
  try {
    const { token } = await attempt(
      fields,
      fields.powChallenge && fields.powSolution
        ? { pow: { challenge: fields.powChallenge, solution: fields.powSolution } }
        : {},
    );
    setMailboxCookie(reply, token, publicUrl);
    return reply.redirect("/speakup/mailbox", 303);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const status = { UNAUTHENTICATED: 401, RATE_LIMITED: 429, INVALID: 422 }[error.code as string];
    if (!status) throw error;
    const challenge = error.extra.challenge;
    return html(
      reply,
      status,
      await form({ message: error.message, ...(typeof challenge === "string" && { challenge }) }),
    );
  }
}

/** The portal's mailbox session, for the receipt login and for a signed-in reporter's own report. */
export function setMailboxCookie(reply: FastifyReply, token: string, publicUrl: string): void {
  reply.setCookie(MAILBOX_COOKIE, token, {
    path: "/speakup",
    httpOnly: true,
    sameSite: "strict",
    secure: publicUrl.startsWith("https://"),
  });
}
// Anonymous: the staff session cookie is never read here (COC-22.2, issue 12 finding 6).
const access = { access: { action: "speakup.portal", public: true, anonymous: true } };

const POW_SCRIPT = `(() => {
  const form = document.querySelector("form[action='/speakup/mailbox']");
  const challenge = form && form.querySelector("input[name=powChallenge]");
  const solution = form && form.querySelector("input[name=powSolution]");
  if (!challenge || !solution || !crypto.subtle) return;
  const bits = Number(challenge.value.split(".")[1]);
  const zeroBits = (d) => { let b = 0; for (const x of d) { if (x === 0) { b += 8; continue; } return b + Math.clz32(x) - 24; } return b; };
  form.addEventListener("submit", async (event) => {
    if (solution.value) return;
    event.preventDefault();
    const button = form.querySelector("button");
    if (button) { button.disabled = true; button.textContent = "Checking…"; }
    const enc = new TextEncoder();
    for (let n = 0; ; n++) {
      const d = new Uint8Array(await crypto.subtle.digest("SHA-256", enc.encode(challenge.value + ":" + n)));
      if (zeroBits(d) >= bits) { solution.value = String(n); break; }
    }
    form.submit();
  });
})();
`;

let countries: { code: string; name: string }[] | undefined;
function countryList() {
  if (!countries) {
    const codes: string[] = [];
    for (let a = 65; a <= 90; a++) for (let b = 65; b <= 90; b++) codes.push(String.fromCharCode(a, b));
    countries = codes
      .filter(isCountryCode)
      .map((code) => ({ code, name: countryName(code) }))
      .sort((x, y) => x.name.localeCompare(y.name));
  }
  return countries;
}

const csrfOf = (token: string) =>
  createHash("sha256").update(`mailbox-csrf:${token}`).digest("base64url").slice(0, 32);

type Parsed = { fields: Record<string, string>; files: IncomingFile[] };

async function readForm(request: FastifyRequest): Promise<Parsed> {
  const fields: Record<string, string> = {};
  const files: IncomingFile[] = [];
  if (!request.isMultipart()) {
    for (const [k, v] of Object.entries((request.body ?? {}) as Record<string, unknown>))
      if (typeof v === "string") fields[k] = v;
    return { fields, files };
  }
  for await (const part of request.parts()) {
    if (part.type === "file") {
      const bytes = await part.toBuffer();
      if (part.filename && bytes.length > 0)
        files.push({ filename: part.filename, contentType: part.mimetype, bytes });
    } else if (typeof part.value === "string") {
      fields[part.fieldname] = part.value;
    }
  }
  return { fields, files };
}

function toReport(f: Record<string, string>) {
  const contact = f.contact?.trim() ?? "";
  return {
    channel: "web" as const,
    category: f.category || undefined,
    summary: f.summary ?? "",
    details: f.details ?? "",
    occurredOn: f.occurredOn || null,
    country: f.country || null,
    site: f.site ?? "",
    legalEntityId: f.legalEntityId || null,
    involved: (f.involved ?? "")
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean)
      .slice(0, 20)
      .map((name) => ({ name: name.slice(0, 200) })),
    involvesSeniorManagement: f.involvesSeniorManagement === "yes",
    howKnown: f.howKnown ?? "",
    identityMode: f.identityMode || "anonymous",
    identity:
      f.identityMode && f.identityMode !== "anonymous"
        ? {
            name: f.name ?? "",
            email: contact.includes("@") ? contact : "",
            phone: contact.includes("@") ? "" : contact,
          }
        : null,
    password: f.password ?? "",
    idempotencyKey: f.idempotencyKey ?? "",
  };
}

const html = (reply: FastifyReply, status: number, body: string) =>
  reply.status(status).type("text/html; charset=utf-8").send(body);

/**
 * The public speak-up portal: server-rendered HTML that works without JavaScript and on a phone
 * (COC-21.1). It stores and logs nothing about the visitor (COC-22.2).
 */
export function registerPortalRoutes(app: FastifyInstance, deps: RouteDeps & { throttle: ReceiptThrottle }) {
  const ctxFor = (request: FastifyRequest) => ({ ...ctxOf(request, deps), actor: anonymousActor });
  const org = async (request: FastifyRequest) => getOrganisation(ctxFor(request));
  const entities = async (request: FastifyRequest) =>
    peopleDb(ctxFor(request)).selectFrom("legal_entities").select(["id", "name"]).orderBy("name").execute();

  app.addHook("onSend", async (request, reply, payload) => {
    if (
      request.url.startsWith("/speakup") ||
      request.url.startsWith("/api/speakup/reports") ||
      request.url.startsWith("/api/speakup/mailbox")
    ) {
      reply.header("cache-control", "no-store");
      reply.header("referrer-policy", "no-referrer");
    }
    return payload;
  });

  app.get("/speakup", { config: access }, async (request, reply) =>
    html(reply, 200, landing(await org(request))),
  );

  app.get("/speakup/report", { config: access }, async (request, reply) =>
    html(
      reply,
      200,
      reportForm(await org(request), {
        values: {},
        errors: {},
        idempotencyKey: randomUUID(),
        countries: countryList(),
        entities: await entities(request),
      }),
    ),
  );

  app.post(
    "/speakup/report",
    { config: { ...access, rateLimit: { max: 30, timeWindow: "1 minute" } }, bodyLimit: 60 * 1024 * 1024 },
    async (request, reply) => {
      const organisation = await org(request);
      let parsed: Parsed = { fields: {}, files: [] };
      const again = async (status: number, message: string, errors: Record<string, string> = {}) =>
        html(
          reply,
          status,
          reportForm(organisation, {
            values: parsed.fields,
            errors,
            message,
            idempotencyKey: parsed.fields.idempotencyKey || randomUUID(),
            countries: countryList(),
            entities: await entities(request),
          }),
        );
      try {
        parsed = await readForm(request);
      } catch (error) {
        const code = (error as { code?: string }).code ?? "";
        const tooMuch = /FILES_LIMIT|FILE_TOO_LARGE|TOO_LARGE/.test(code);
        const message = /FILES_LIMIT/.test(code)
          ? "Attach at most 5 files."
          : tooMuch
            ? "A file is larger than 10 MB."
            : "The form could not be read; please try again.";
        return again(tooMuch ? 413 : 400, message, { attachments: message });
      }
      const input = reportInput.safeParse(toReport(parsed.fields));
      if (!input.success) {
        const errors: Record<string, string> = {};
        for (const issue of input.error.issues) {
          const key =
            issue.path[0] === "identity"
              ? issue.path[1] === "email" || issue.path[1] === "phone"
                ? "contact"
                : "identity"
              : String(issue.path[0] ?? "form");
          errors[key] ??= issue.message.replace(/^./, (c) => c.toUpperCase());
        }
        return again(422, "Please check the highlighted fields.", errors);
      }
      try {
        await reserveUploadBudget(
          ctxFor(request),
          bytesOf(parsed.files),
          deps.config.uploadBudgetBytesPerHour,
        );
      } catch (error) {
        if (error instanceof AppError && error.code === "RATE_LIMITED")
          return again(429, error.message, { attachments: error.message });
        throw error;
      }
      try {
        const filed = await fileReport(ctxFor(request), { ...input.data, files: parsed.files });
        return html(reply, 201, receiptPage(organisation, filed.receipt, filed.number));
      } catch (error) {
        if (error instanceof AppError && error.code === "INVALID")
          return again(422, error.message, Object.fromEntries(error.errors.map((e) => [e.path, e.message])));
        throw error;
      }
    },
  );

  // Solves the proof-of-work puzzle a refused mailbox login carries (throttle.ts), then submits.
  app.get("/speakup/pow.js", { config: access }, async (_request, reply) =>
    reply.type("text/javascript; charset=utf-8").send(POW_SCRIPT),
  );

  app.get("/speakup/mailbox", { config: access }, async (request, reply) => {
    const token = request.cookies[MAILBOX_COOKIE];
    if (token) {
      try {
        const view = await readMailbox(ctxFor(request), token);
        return html(reply, 200, mailboxPage(await org(request), view, csrfOf(token)));
      } catch {
        reply.clearCookie(MAILBOX_COOKIE, { path: "/speakup" });
      }
    }
    return html(reply, 200, mailboxLogin(await org(request), {}));
  });

  app.post("/speakup/mailbox", { config: access }, async (request, reply) =>
    signInFromForm(
      request,
      reply,
      deps.config.publicUrl,
      (message) => org(request).then((o) => mailboxLogin(o, message)),
      (fields, pow) =>
        openMailbox(ctxFor(request), {
          receipt: fields.receipt ?? "",
          password: fields.password ?? "",
          throttle: deps.throttle,
          ...pow,
        }),
    ),
  );

  app.get("/speakup/mailbox/setup", { config: access }, async (request, reply) =>
    html(reply, 200, mailboxSetup(await org(request), {})),
  );

  app.post("/speakup/mailbox/setup", { config: access }, async (request, reply) => {
    const organisation = await org(request);
    return signInFromForm(
      request,
      reply,
      deps.config.publicUrl,
      async (message) => mailboxSetup(organisation, message),
      (fields, pow) =>
        setMailboxPassword(ctxFor(request), {
          receipt: fields.receipt ?? "",
          code: fields.code ?? "",
          password: fields.password ?? "",
          throttle: deps.throttle,
          ...pow,
        }),
      (fields) =>
        (fields.password ?? "") !== (fields.repeat ?? "") ? "The two passwords are not the same." : undefined,
    );
  });

  const mailboxToken = (request: FastifyRequest, csrf: string | undefined) => {
    const token = request.cookies[MAILBOX_COOKIE];
    if (!token) throw new AppError("UNAUTHENTICATED", "Your mailbox session has ended.");
    if (csrf !== undefined && csrf !== csrfOf(token))
      throw new AppError("FORBIDDEN", "The form has expired; open the mailbox again.");
    return token;
  };

  app.post(
    "/speakup/mailbox/reply",
    { config: access, bodyLimit: 60 * 1024 * 1024 },
    async (request, reply) => {
      let parsed: Parsed;
      try {
        parsed = await readForm(request);
      } catch {
        return reply.redirect("/speakup/mailbox", 303);
      }
      try {
        const token = mailboxToken(request, parsed.fields.csrf ?? "");
        await reserveUploadBudget(
          ctxFor(request),
          bytesOf(parsed.files),
          deps.config.uploadBudgetBytesPerHour,
        );
        await replyInMailbox(ctxFor(request), token, { body: parsed.fields.body ?? "", files: parsed.files });
        return reply.redirect("/speakup/mailbox", 303);
      } catch (error) {
        if (error instanceof AppError && (error.code === "INVALID" || error.code === "RATE_LIMITED")) {
          const token = request.cookies[MAILBOX_COOKIE]!;
          return html(
            reply,
            error.code === "INVALID" ? 422 : 429,
            mailboxPage(
              await org(request),
              await readMailbox(ctxFor(request), token),
              csrfOf(token),
              error.message,
            ),
          );
        }
        if (error instanceof AppError && (error.code === "UNAUTHENTICATED" || error.code === "FORBIDDEN")) {
          return html(reply, 401, mailboxLogin(await org(request), { message: error.message }));
        }
        if (error instanceof ZodError) return reply.redirect("/speakup/mailbox", 303);
        throw error;
      }
    },
  );

  app.get<{ Params: { id: string } }>(
    "/speakup/mailbox/files/:id",
    { config: access },
    async (request, reply) => {
      const file = await readMailboxAttachment(
        ctxFor(request),
        mailboxToken(request, undefined),
        request.params.id.slice(0, 64),
      );
      return sendReportedFile(reply, file, { preview: false });
    },
  );

  app.post("/speakup/mailbox/logout", { config: access }, async (request, reply) => {
    const token = request.cookies[MAILBOX_COOKIE];
    if (token) await closeMailbox(ctxFor(request), token);
    reply.clearCookie(MAILBOX_COOKIE, { path: "/speakup" });
    return reply.redirect("/speakup", 303);
  });
}

import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { ZodError } from "zod";
import { AppError, type ErrorCode, type FieldError } from "../errors.ts";
import { storageMessage, storageProblemOf } from "../storage.ts";

const STATUS: Record<ErrorCode, number> = {
  INVALID: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  TOTP_ENROLMENT_REQUIRED: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
};

const TITLE: Record<number, string> = {
  400: "Bad request",
  401: "Not signed in",
  403: "Forbidden",
  404: "Not found",
  405: "Method not allowed",
  409: "Conflict",
  413: "Request too large",
  415: "Unsupported media type",
  422: "Invalid input",
  429: "Too many requests",
  500: "Internal error",
  503: "Service unavailable",
};

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldError[];
  [key: string]: unknown;
};

export function sendProblem(
  reply: FastifyReply,
  status: number,
  code: string,
  detail: string,
  extra: object = {},
) {
  const body: Problem = {
    type: `/problems/${code.toLowerCase().replace(/_/g, "-")}`,
    title: TITLE[status] ?? "Error",
    status,
    detail,
    code,
    ...extra,
  };
  return reply.status(status).type("application/problem+json").send(body);
}

const pathOf = (p: ReadonlyArray<PropertyKey>) => p.map(String).join(".");

/** Maps every error to RFC 9457 problem+json; only unexpected errors are 500 and logged. */
export function errorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    const status = STATUS[error.code];
    const extra = { ...error.extra, ...(error.errors.length ? { errors: error.errors } : {}) };
    return sendProblem(reply, status, error.code, error.message, extra);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    // Body fields are named as the client sent them ("email"); query and path parameters say so
    // ("query.page"), since the same name can appear in both.
    const where =
      error.validationContext === "body"
        ? ""
        : error.validationContext === "querystring"
          ? "query"
          : String(error.validationContext ?? "");
    const errors = error.validation.map((v) => ({
      path:
        [where, v.instancePath.replace(/^\//, "").replace(/\//g, ".")].filter(Boolean).join(".") || "body",
      message: v.message ?? "is invalid",
    }));
    const detail = errors.map((e) => `${e.path}: ${e.message}`).join("; ");
    return sendProblem(reply, 400, "INVALID", detail || "The request is invalid.", { errors });
  }
  if (error instanceof ZodError) {
    const errors = error.issues.map((i) => ({ path: pathOf(i.path), message: i.message }));
    return sendProblem(reply, 400, "INVALID", errors.map((e) => `${e.path}: ${e.message}`).join("; "), {
      errors,
    });
  }
  const fe = error as FastifyError;
  const status = fe.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const code =
      status === 429
        ? "RATE_LIMITED"
        : status === 413
          ? "TOO_LARGE"
          : status === 415
            ? "UNSUPPORTED_MEDIA_TYPE"
            : "INVALID";
    return sendProblem(reply, status, code, friendlyMessage(fe));
  }
  const storage = storageProblemOf(error);
  if (storage) {
    // The real cause (SQLITE_FULL, 53100 …), not a rollback error that followed it.
    request.log.error({ err: error, storage: storage.code }, `storage error: ${storage.cause}`);
    reply.header("retry-after", "60");
    return sendProblem(reply, 503, "STORAGE_UNAVAILABLE", storageMessage(storage));
  }
  request.log.error({ err: error }, "unhandled error");
  return sendProblem(reply, 500, "INTERNAL", "Something went wrong on our side; the error has been logged.");
}

function friendlyMessage(error: FastifyError): string {
  switch (error.code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return `The request body is not valid JSON: ${error.message}`;
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return "The request body is too large.";
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return `Unsupported content type: ${error.message}`;
    default:
      return error.message;
  }
}

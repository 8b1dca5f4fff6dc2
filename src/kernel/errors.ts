export type ErrorCode =
  | "INVALID"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "RATE_LIMITED"
  | "TOTP_ENROLMENT_REQUIRED"
  | "PASSWORD_CHANGE_REQUIRED";

export type FieldError = { path: string; message: string };

/**
 * The one error type domains throw. Only kernel/http maps a code to an HTTP status;
 * `extra` is copied into the problem document (e.g. an import's row errors).
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly errors: FieldError[];
  readonly extra: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { errors?: FieldError[]; extra?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.errors = options.errors ?? [];
    this.extra = options.extra ?? {};
  }
}

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} was not found.`);
export const forbidden = (message = "You are not allowed to do this.") => new AppError("FORBIDDEN", message);
export const invalid = (message: string, errors: FieldError[] = []) =>
  new AppError("INVALID", message, { errors });
export const conflict = (message: string) => new AppError("CONFLICT", message);

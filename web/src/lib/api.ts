// Thin fetch wrapper: same-origin cookies, JSON in and out, CSRF header on writes,
// and RFC 9457 problem documents turned into an ApiError the screens can read.

export type FieldError = { path: string; message: string };

export type Problem = {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: FieldError[];
  result?: unknown;
};

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title || `Request failed with status ${problem.status}`);
    this.name = "ApiError";
    this.status = problem.status;
    this.problem = problem;
  }
}

let csrfToken: string | null = null;

export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

export const toQueryString = (params: QueryParams = {}): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
};

const readProblem = async (response: Response): Promise<Problem> => {
  const fallback: Problem = { status: response.status, title: response.statusText || "Request failed" };
  const type = response.headers.get("content-type") ?? "";
  if (!type.includes("json")) {
    if (response.status >= 500)
      fallback.detail = "The server could not complete the request. Please try again.";
    return fallback;
  }
  try {
    const body = (await response.json()) as Partial<Problem> & { message?: string };
    return {
      ...body,
      status: body.status ?? response.status,
      detail: body.detail ?? body.message,
    };
  } catch {
    return fallback;
  }
};

const request = async <T>(method: string, path: string, body?: unknown, params?: QueryParams): Promise<T> => {
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`${path}${toQueryString(params)}`, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ status: 0, title: "Network error", detail: "Could not reach the server." });
  }
  if (!response.ok) throw new ApiError(await readProblem(response));
  if (response.status === 204) return undefined as T;
  const type = response.headers.get("content-type") ?? "";
  if (!type.includes("json")) return (await response.text()) as T;
  return (await response.json()) as T;
};

export const api = {
  get: <T>(path: string, params?: QueryParams) => request<T>("GET", path, undefined, params),
  post: <T>(path: string, body?: unknown) => request<T>("POST", path, body ?? {}),
  put: <T>(path: string, body: unknown) => request<T>("PUT", path, body),
  patch: <T>(path: string, body: unknown) => request<T>("PATCH", path, body),
  delete: <T>(path: string) => request<T>("DELETE", path),
};

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

export const errorMessage = (error: unknown): string => {
  if (isApiError(error)) return error.problem.detail || error.message;
  if (error instanceof Error) return error.message;
  return "Something went wrong.";
};

/** Maps a problem's `errors[]` to `{ field: message }`, using the last path segment as the field. */
export const fieldErrors = (error: unknown): Record<string, string> => {
  if (!isApiError(error)) return {};
  const result: Record<string, string> = {};
  for (const item of error.problem.errors ?? []) {
    const segments = String(item.path ?? "")
      .split(/[./[\]]+/)
      .filter((segment) => segment !== "" && segment !== "body" && !/^\d+$/.test(segment));
    const field = segments[segments.length - 1] ?? "";
    if (field && !result[field]) result[field] = item.message;
  }
  return result;
};

import type { RouteOptions } from "fastify";
import type { RouteAccess } from "./server.ts";

/**
 * Every route the server declares, as written: the contract test dumps it (method, path, access,
 * operation id, which inputs and which answers have schemas) so a redesign can prove it changed
 * nothing but what it meant to.
 */
export type RouteRecord = {
  method: string;
  url: string;
  access: RouteAccess | undefined;
  operationId: string | undefined;
  hidden: boolean;
  inputs: string[];
  responses: string[];
};

type RouteSchema = {
  operationId?: string;
  hide?: boolean;
  params?: unknown;
  querystring?: unknown;
  body?: unknown;
  response?: Record<string, unknown>;
};

export function routeRecord(route: RouteOptions): RouteRecord {
  const schema = (route.schema ?? {}) as RouteSchema;
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  return {
    method: methods.join(","),
    url: route.url,
    access: route.config?.access,
    operationId: schema.operationId,
    hidden: schema.hide === true,
    inputs: (["params", "querystring", "body"] as const).filter((k) => schema[k] !== undefined),
    responses: Object.keys(schema.response ?? {}).sort(),
  };
}

function accessText(access: RouteAccess | undefined): string {
  if (!access) return "-";
  const who = access.public
    ? "public"
    : access.authenticated
      ? "signed-in"
      : access.permission
        ? `permission:${access.permission}`
        : "?";
  const flags = (["anonymous", "beforeTotp", "beforePasswordChange"] as const).filter((f) => access[f]);
  return [`${access.action}`, who, ...flags].join(" ");
}

/** One line per route, sorted; `withResponses: false` leaves out the answers' schemas. */
export function renderRouteDump(routes: readonly RouteRecord[], options: { withResponses: boolean }): string {
  return `${routes
    // The web app's fallback (GET /*) exists only once the web app is built: left out, so the dump
    // is the same in every checkout.
    .filter((r) => r.method !== "HEAD" && r.url !== "/*")
    .map((r) =>
      [
        `${r.method} ${r.url}`,
        `access=${accessText(r.access)}`,
        `op=${r.operationId ?? "-"}${r.hidden ? " (hidden)" : ""}`,
        `in=${r.inputs.join(",") || "-"}`,
        ...(options.withResponses ? [`out=${r.responses.join(",") || "-"}`] : []),
      ].join(" | "),
    )
    .sort()
    .join("\n")}\n`;
}

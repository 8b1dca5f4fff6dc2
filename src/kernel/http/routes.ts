import type { FastifyInstance, FastifyRequest, FastifySchema } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { z } from "zod";
import type { Clock } from "../clock.ts";
import type { Config } from "../config.ts";
import type { Ctx } from "../context.ts";
import type { KeyRing } from "../crypto.ts";
import type { Database } from "../db.ts";
import { fileResponse } from "./responses.ts";
import { ctxOf, type RouteAccess, sendCsv } from "./server.ts";

/** What a domain's routes receive. */
export type RouteDeps = {
  database: Database;
  clock: Clock;
  config: Config;
  keyRing: KeyRing;
  version: string;
  /** Demo accounts shown on the sign-in page; empty outside the demo. */
  demoAccounts: { email: string; password: string; roles: string[] }[];
};

export type Router = ReturnType<FastifyInstance["withTypeProvider"]>;
export const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();

/**
 * The options every API route repeats, written once: its access rule (enforced by the server's
 * access hook, deny by default) and its OpenAPI tags and operationId, both named by `action`.
 *   const route = endpoints(["screening"]);
 *   r.get("/api/x/:id", route("x.read", { permission: "x.read" }, { params }), handler)
 */
export function endpoints(tags: readonly string[]) {
  return <S extends FastifySchema = Record<never, never>>(
    action: string,
    access: Omit<RouteAccess, "action">,
    schema?: S,
  ) => ({
    config: { access: { action, ...access } },
    schema: { tags: [...tags], operationId: action, ...schema } as S & {
      tags: string[];
      operationId: string;
    },
  });
}

type Endpoint = ReturnType<typeof endpoints>;

/** How a list's CSV gets its file name: fixed by the route, or chosen by the use case. */
type CsvExport<A extends unknown[]> =
  | { action: string; summary?: string; filename: string; run: (ctx: Ctx, ...input: A) => Promise<string> }
  | {
      action: string;
      summary?: string;
      run: (ctx: Ctx, ...input: A) => Promise<{ filename: string; csv: string }>;
    };

/** Where a list is and what it is filtered by: the same for the list and for its CSV. */
type ListPlace<Q extends z.ZodType, P extends z.ZodType | undefined> = {
  url: string;
  access: Omit<RouteAccess, "action">;
  params?: P;
  querystring: Q;
};

/** What a list's use cases receive after the context: the query, then the path parameters if any. */
type ListInput<Q extends z.ZodType, P extends z.ZodType | undefined> = P extends z.ZodType
  ? [query: z.output<Q>, params: z.output<P>]
  : [query: z.output<Q>];

/** The list itself: its operation, its answer and the use case that reads it. */
type ListRead<Q extends z.ZodType, P extends z.ZodType | undefined, R extends z.ZodType> = {
  action: string;
  summary?: string;
  response: R;
  run: (ctx: Ctx, ...input: ListInput<Q, P>) => Promise<z.output<R>>;
};

const listSchema = (
  place: ListPlace<z.ZodType, z.ZodType | undefined>,
  summary: string | undefined,
  response: z.ZodType,
) => ({
  ...(summary !== undefined && { summary }),
  ...(place.params !== undefined && { params: place.params }),
  querystring: place.querystring,
  response: { 200: response },
});

const listInput = <Q extends z.ZodType, P extends z.ZodType | undefined>(
  place: ListPlace<Q, P>,
  request: FastifyRequest,
) => (place.params === undefined ? [request.query] : [request.query, request.params]) as ListInput<Q, P>;

/**
 * A filtered list: `GET url` with the filter as its query schema (and path parameters, if any),
 * answered by a use case that receives the request's context, the parsed query and, when the route
 * has them, the path parameters.
 *   listRoute(r, deps, route, {
 *     url: "/api/screening/hits", access: READ, querystring: hitFilter,
 *     action: "hit.list", response: hitPage, run: listHits,
 *   });
 */
export function listRoute<
  Q extends z.ZodType,
  R extends z.ZodType,
  P extends z.ZodType | undefined = undefined,
>(r: Router, deps: RouteDeps, route: Endpoint, spec: ListPlace<Q, P> & ListRead<Q, P, R>) {
  r.get(
    spec.url,
    route(spec.action, spec.access, listSchema(spec, spec.summary, spec.response)),
    async (request) => spec.run(ctxOf(request, deps), ...listInput(spec, request)),
  );
}

/**
 * A filtered list and the same list as CSV, declared together: `GET url` answers the page
 * (`listRoute`) and `GET url.csv` the file, with one query schema (and path parameters), one access
 * rule and one tag, so an export cannot drift from the list it exports.
 *   listWithCsv(r, deps, route, {
 *     url: "/api/people", access: { permission: "people.read" }, querystring: peopleFilter,
 *     list: { action: "people.list", response: personPage, run: listPeople },
 *     csv: { action: "people.export", filename: "people.csv", run: exportPeopleCsv },
 *   });
 */
export function listWithCsv<
  Q extends z.ZodType,
  R extends z.ZodType,
  P extends z.ZodType | undefined = undefined,
>(
  r: Router,
  deps: RouteDeps,
  route: Endpoint,
  spec: ListPlace<Q, P> & {
    list: ListRead<Q, P, R>;
    csv: CsvExport<ListInput<Q, P>>;
  },
) {
  const { list, csv, ...place } = spec;
  listRoute(r, deps, route, { ...place, ...list });
  r.get(
    `${place.url}.csv`,
    route(csv.action, place.access, listSchema(place, csv.summary, fileResponse("text/csv"))),
    async (request, reply) => {
      const ctx = ctxOf(request, deps);
      if ("filename" in csv)
        return sendCsv(reply, csv.filename, await csv.run(ctx, ...listInput(place, request)));
      const file = await csv.run(ctx, ...listInput(place, request));
      return sendCsv(reply, file.filename, file.csv);
    },
  );
}

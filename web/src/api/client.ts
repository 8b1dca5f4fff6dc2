// The one typed client of the API. Every call names an operation id of the OpenAPI document
// (schema.gen.ts and operations.gen.ts are generated from the server's routes by `npm run generate`),
// so its path, inputs and answer are the server's own, and every query key starts with the
// operation id: `invalidate(qc, "offering.read")` reaches every cached answer of that operation.
//
//   const offering = useOp("offering.read", { path: { id } });
//   const save = useOpMutation("offering.update", { invalidates: ["offering.read", "offering.list"] });
//   save.mutate({ path: { id }, body });

import {
  type QueryClient,
  type UseMutationOptions,
  type UseQueryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { api, type QueryParams } from "../lib/api.ts";
import { OPERATIONS } from "./operations.gen.ts";
import type { components, operations } from "./schema.gen.ts";

export type OpId = keyof typeof OPERATIONS & keyof operations;

/** A named schema of the document (`.meta({ id: "OfferingView" })` on the server). */
export type Schema<Name extends keyof components["schemas"]> = components["schemas"][Name];

type Op<K extends OpId> = operations[K];
type PathOf<K extends OpId> = NonNullable<Op<K>["parameters"]["path"]>;
type QueryOf<K extends OpId> = NonNullable<Op<K>["parameters"]["query"]>;
type BodyOf<K extends OpId> =
  Op<K> extends { requestBody: { content: { "application/json": infer B } } }
    ? B
    : Op<K> extends { requestBody?: { content: { "application/json": infer B } } }
      ? B | undefined
      : never;

type Slot<Name extends string, T> = [T] extends [never]
  ? { [P in Name]?: never }
  : Record<string, never> extends T
    ? { [P in Name]?: T }
    : { [P in Name]: T };

/** What a call of operation K takes: `path`, `query` and `body`, each only where K has it. */
export type Args<K extends OpId> = Slot<"path", PathOf<K>> &
  Slot<"query", QueryOf<K>> &
  Slot<"body", BodyOf<K>>;

type Json<R> = R extends { content: { "application/json": infer J } } ? J : undefined;
type Ok<R> = 200 extends keyof R
  ? R[200]
  : 201 extends keyof R
    ? R[201]
    : 204 extends keyof R
      ? R[204]
      : never;

/** The successful answer of operation K. */
export type Result<K extends OpId> = Json<Ok<Op<K>["responses"]>>;

/** Arguments are optional when the operation takes none that are required. */
type ArgsParam<K extends OpId> = Record<string, never> extends Args<K> ? [args?: Args<K>] : [args: Args<K>];

/** The address of operation K with its path parameters filled in (also for links and downloads). */
export function opUrl<K extends OpId>(op: K, ...[args]: ArgsParam<K>): string {
  const { path } = OPERATIONS[op];
  const params = (args?.path ?? {}) as Record<string, string | number>;
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${op}: missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
  const query = args?.query as QueryParams | undefined;
  if (!query) return filled;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  const text = search.toString();
  return text ? `${filled}?${text}` : filled;
}

/** Calls operation K and resolves with its answer (an ApiError with the problem document on failure). */
export async function call<K extends OpId>(op: K, ...[args]: ArgsParam<K>): Promise<Result<K>> {
  const { method } = OPERATIONS[op];
  const url = opUrl(op, ...([args] as ArgsParam<K>));
  const body = (args as { body?: unknown } | undefined)?.body;
  switch (method as string) {
    case "GET":
      return api.get<Result<K>>(url);
    case "POST":
      return api.post<Result<K>>(url, body);
    case "PUT":
      return api.put<Result<K>>(url, body);
    case "PATCH":
      return api.patch<Result<K>>(url, body);
    case "DELETE":
      return api.delete<Result<K>>(url);
    default:
      throw new Error(`${op}: unsupported method ${method}`);
  }
}

/** The query key of one call: the operation id first, so invalidation by operation cannot drift. */
export const opKey = <K extends OpId>(op: K, args?: Args<K>) =>
  args ? ([op, args] as const) : ([op] as const);

/** Reads operation K through TanStack Query. */
export function useOp<K extends OpId>(
  op: K,
  args: Args<K>,
  options: Omit<UseQueryOptions<Result<K>, Error>, "queryKey" | "queryFn"> = {},
) {
  return useQuery<Result<K>, Error>({
    queryKey: opKey(op, args),
    queryFn: () => call(op, ...([args] as ArgsParam<K>)),
    ...options,
  });
}

/** The API's areas (the OpenAPI tags: "disclosures", "committees", "screening" …). */
export type Tag = (typeof OPERATIONS)[keyof typeof OPERATIONS]["tag"];

/**
 * Every read (GET) of an API area, taken from the generated document: what a write in that area
 * refreshes. Derived, so a read added to the server is refreshed without editing a hand-kept list.
 */
export const readsOfTag = (...tags: Tag[]): OpId[] =>
  (Object.keys(OPERATIONS) as OpId[]).filter(
    (op) => OPERATIONS[op].method === "GET" && (tags as string[]).includes(OPERATIONS[op].tag),
  );

/** Marks every cached answer of these operations stale. */
export function invalidate(qc: QueryClient, ...ops: OpId[]) {
  return Promise.all(ops.map((op) => qc.invalidateQueries({ queryKey: [op] })));
}

/** Writes through operation K; on success the operations named in `invalidates` are refetched. */
export function useOpMutation<K extends OpId>(
  op: K,
  options: { invalidates?: OpId[] } & Omit<UseMutationOptions<Result<K>, Error, Args<K>>, "mutationFn"> = {},
) {
  const qc = useQueryClient();
  const { invalidates = [], onSuccess, ...rest } = options;
  return useMutation<Result<K>, Error, Args<K>>({
    mutationFn: (args) => call(op, ...([args] as ArgsParam<K>)),
    ...rest,
    onSuccess: async (...params) => {
      await invalidate(qc, ...invalidates);
      await onSuccess?.(...params);
    },
  });
}

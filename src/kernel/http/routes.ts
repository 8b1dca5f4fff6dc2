import type { FastifyInstance, FastifySchema } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Clock } from "../clock.ts";
import type { Config } from "../config.ts";
import type { KeyRing } from "../crypto.ts";
import type { Database } from "../db.ts";
import type { RouteAccess } from "./server.ts";

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

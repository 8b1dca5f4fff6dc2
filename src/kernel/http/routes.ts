import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Clock } from "../clock.ts";
import type { Config } from "../config.ts";
import type { KeyRing } from "../crypto.ts";
import type { Database } from "../db.ts";

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

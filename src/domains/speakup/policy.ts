import { type ExpressionBuilder, type SqlBool, sql } from "kysely";
import { type Actor, type Ctx, hasPermission } from "../../kernel/context.ts";
import type { KernelTables } from "../../kernel/tables.ts";
import type { PeopleTables } from "../people/index.ts";
import { actorRefs } from "./sealing.ts";
import { EXCLUDED_ROLES, type SpeakupCasesTable, type SpeakupTables } from "./tables.ts";
import { TEAM_ROLES, TEAMS, type Team } from "./vocabulary.ts";

export type SpeakupAction =
  | "case.view"
  | "case.acknowledge"
  | "case.transition"
  | "case.assign"
  | "case.message"
  | "case.item"
  | "case.people"
  | "case.link"
  | "case.merge";

/** The handling teams the actor belongs to, by role. */
export function teamsOf(actor: Actor): Team[] {
  if (actor.kind !== "user") return [];
  return TEAMS.filter((t) => TEAM_ROLES[t].some((r) => actor.roles.includes(r)));
}

export const isHandler = (actor: Actor) => hasPermission(actor, "speakup.handle");

export type CaseEb = ExpressionBuilder<
  KernelTables & SpeakupTables & PeopleTables & { c: SpeakupCasesTable },
  "c"
>;

/**
 * The cases an actor may see (COC-22.2, SOC-6): those of a team they belong to or assigned to them,
 * and never one that names them (or probably does) or where a handler marked them conflicted, not
 * even in counts.
 * Apply to every query over `speakup_cases as c`.
 */
export function visibleTo(ctx: Ctx) {
  const actor = ctx.actor;
  const teams = teamsOf(actor);
  const refs = actorRefs(ctx);
  return (eb: CaseEb) => {
    // Jobs, the CLI and the demo seed act as the system and see every case; nobody else does.
    if (actor.kind === "system") return sql<SqlBool>`1 = 1`;
    if (actor.kind !== "user" || !isHandler(actor)) return sql<SqlBool>`1 = 0`;
    // On SQLite the columns are wrapped in coalesce on purpose: an index on team or assignee
    // would turn this OR into two index scans plus a sort of every visible case; without them the
    // planner walks the cases newest first (received_at index) and stops after one page.
    // PostgreSQL plans the plain OR well, so it keeps it.
    const column = (name: "c.assignee_user_id" | "c.team") =>
      ctx.dialect === "sqlite" ? eb.fn.coalesce(name, sql.lit("")) : eb.ref(name);
    const mine = [eb(column("c.assignee_user_id"), "=", actor.userId)];
    if (teams.length) mine.push(eb(column("c.team"), "in", teams));
    // A case nobody could take (everyone it would reach is excluded) is open to every handler of
    // either team who may handle it, until one takes it: the "needs a handler" list (COC-22.2).
    if (teams.length) mine.push(eb("c.needs_handler_since", "is not", null));
    const scope = eb.or(mine);
    if (refs.length === 0) return scope;
    return eb.and([
      scope,
      eb.not(
        eb.exists(
          eb
            .selectFrom("speakup_case_people as x")
            .select("x.case_id")
            .whereRef("x.case_id", "=", "c.id")
            .where("x.person_ref", "in", refs)
            .where("x.role", "in", [...EXCLUDED_ROLES]),
        ),
      ),
    ]);
  };
}

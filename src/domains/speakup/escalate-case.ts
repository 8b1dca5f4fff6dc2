import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import type { Ctx } from "../../kernel/context.ts";
import { speakupDb } from "./db.ts";
import { alertAdministrators, eligibleHandlers, withdrawExcludedTasks } from "./notify.ts";
import { teamLead } from "./routing.ts";
import { TEAM_LABELS, TEAMS, type Team } from "./vocabulary.ts";

export type Handling = { team: Team; assigneeUserId: string | null; needsHandler: boolean };

/**
 * A case always has at least one eligible handler (COC-22.2, SOC-4). Run inside the transaction
 * of whatever changed who may handle it (filing, a person named or marked conflicted): an assignee
 * now excluded loses the case and their open tasks on it; when no handler of the case's team may
 * handle it, it escalates to the other team (the Compliance Office for the Audit Committee), and
 * when nobody at all may, it waits on the "needs a handler" list and the administrators are told
 * that a case needs a handler, without anything about it. Escalations are audited.
 */
export async function ensureHandler(
  ctx: Ctx,
  caseId: string,
  options: { assignLead?: boolean } = {},
): Promise<Handling> {
  const db = speakupDb(ctx);
  const c = await db
    .selectFrom("speakup_cases")
    .select(["id", "team", "assignee_user_id", "needs_handler_since"])
    .where("id", "=", caseId)
    .executeTakeFirstOrThrow();
  await withdrawExcludedTasks(ctx, caseId);
  const inTeam = async (team: Team) =>
    new Set((await eligibleHandlers(ctx, caseId, [team])).map((u) => u.id));
  let team = c.team;
  let eligible = await inTeam(team);
  let assignee = c.assignee_user_id;
  const anyTeam = assignee ? new Set((await eligibleHandlers(ctx, caseId, TEAMS)).map((u) => u.id)) : null;
  if (assignee && !anyTeam?.has(assignee)) assignee = null;
  let needsHandlerSince = c.needs_handler_since;
  let escalatedTo: Team | null = null;
  let alerted = 0;
  if (!assignee && eligible.size === 0) {
    needsHandlerSince ??= isoNow(ctx.clock);
    const next = TEAMS.find((t) => t !== team)!;
    const nextEligible = await inTeam(next);
    if (nextEligible.size > 0) {
      escalatedTo = next;
      team = next;
      eligible = nextEligible;
    } else {
      alerted = await alertAdministrators(ctx, caseId);
    }
  }
  if (!assignee && options.assignLead) assignee = await teamLead(ctx, team, eligible);
  const changed =
    team !== c.team || assignee !== c.assignee_user_id || needsHandlerSince !== c.needs_handler_since;
  if (changed) {
    await db
      .updateTable("speakup_cases")
      .set({ team, assignee_user_id: assignee, needs_handler_since: needsHandlerSince })
      .where("id", "=", caseId)
      .execute();
  }
  if (needsHandlerSince && needsHandlerSince !== c.needs_handler_since) {
    await record(
      ctx,
      "case.escalate",
      { type: "speakup_case", id: caseId },
      {
        from: c.team,
        to: team,
        reason: escalatedTo
          ? `No handler of the ${TEAM_LABELS[c.team]} may handle the case; escalated to the ${TEAM_LABELS[team]} (COC-22.2, SOC-4)`
          : "No handler of either team may handle the case; the administrators were alerted (COC-22.2)",
        administratorsAlerted: alerted,
      },
    );
  }
  return { team, assigneeUserId: assignee, needsHandler: needsHandlerSince !== null };
}

import type { Ctx } from "../../kernel/context.ts";
import { loadVisibleCase } from "./get-case.ts";
import { eligibleHandlers } from "./notify.ts";
import type { CaseAssignees } from "./views.ts";
import { TEAM_LABELS, TEAMS } from "./vocabulary.ts";

/** Who may be given the case: handlers of either team, except anyone named in it, conflicted or probably named. */
export async function listAssignees(ctx: Ctx, caseId: string): Promise<CaseAssignees> {
  await loadVisibleCase(ctx, caseId);
  const users = await eligibleHandlers(ctx, caseId, TEAMS);
  return {
    items: users.map((u) => ({
      userId: u.id,
      name: u.display_name,
      team: u.team,
      teamLabel: TEAM_LABELS[u.team],
    })),
  };
}

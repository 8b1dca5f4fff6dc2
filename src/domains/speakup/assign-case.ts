import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, hasPermission, withTransaction } from "../../kernel/context.ts";
import { conflict, forbidden, invalid } from "../../kernel/errors.ts";
import { activeCase, subject } from "./case-work.ts";
import { speakupDb } from "./db.ts";
import { eligibleHandlers } from "./notify.ts";
import type { Ok } from "./views.ts";
import { TEAM_ROLES, type Team } from "./vocabulary.ts";

/** Who handles the case: a handler of its team who is neither named in it nor conflicted. */
export async function assignCase(
  ctx: Ctx,
  id: string,
  input: { userId: string | null; team?: Team | undefined },
): Promise<Ok> {
  if (!hasPermission(ctx.actor, "speakup.assign"))
    throw forbidden("You may not assign cases (speakup.assign).");
  return withTransaction(ctx, async (tx) => {
    const { row } = await activeCase(tx, id);
    const team = input.team ?? row.team;
    const db = speakupDb(tx);
    if (input.userId) {
      const roles = (
        await db.selectFrom("user_roles").select("role").where("user_id", "=", input.userId).execute()
      ).map((r) => r.role);
      if (!TEAM_ROLES[team].some((r) => roles.includes(r)))
        throw invalid("That user is not a handler of the case's team.", [
          { path: "userId", message: "not in the team" },
        ]);
      const eligible = await eligibleHandlers(tx, id, [team]);
      if (!eligible.some((u) => u.id === input.userId))
        throw conflict(
          "That person is named in the case, probably named or conflicted, and can never handle it (COC-22.2).",
        );
    }
    await db
      .updateTable("speakup_cases")
      .set({
        assignee_user_id: input.userId,
        team,
        updated_at: isoNow(tx.clock),
        // Someone eligible has the case: it leaves the "needs a handler" list.
        ...(input.userId ? { needs_handler_since: null } : {}),
      })
      .where("id", "=", id)
      .execute();
    await record(tx, "case.assign", subject(id), { userId: input.userId, team });
    return { ok: true };
  });
}

import type { Ctx } from "../../kernel/context.ts";
import { speakupDb } from "./db.ts";
import { loadVisibleCase } from "./get-case.ts";
import { personRef } from "./sealing.ts";
import { TEAM_LABELS, TEAM_ROLES, TEAMS } from "./vocabulary.ts";

/** Who may be given the case: handlers of either team, except anyone named in it or conflicted. */
export async function listAssignees(ctx: Ctx, caseId: string) {
  await loadVisibleCase(ctx, caseId);
  const db = speakupDb(ctx);
  const barred = new Set(
    (
      await db
        .selectFrom("speakup_case_people")
        .select("person_ref")
        .where("case_id", "=", caseId)
        .where("role", "in", ["named", "conflicted"])
        .execute()
    ).map((r) => r.person_ref),
  );
  const rows = await db
    .selectFrom("users as u")
    .innerJoin("user_roles as r", "r.user_id", "u.id")
    .select(["u.id", "u.display_name", "u.person_id", "r.role"])
    .where("u.disabled", "=", 0)
    .where(
      "r.role",
      "in",
      TEAMS.flatMap((t) => [...TEAM_ROLES[t]]),
    )
    .orderBy("u.display_name")
    .execute();
  const items = rows
    .filter(
      (u) =>
        !barred.has(personRef(ctx, u.id, "user")) &&
        !(u.person_id && barred.has(personRef(ctx, u.person_id))),
    )
    .map((u) => {
      const team = TEAMS.find((t) => TEAM_ROLES[t].includes(u.role))!;
      return { userId: u.id, name: u.display_name, team, teamLabel: TEAM_LABELS[team] };
    });
  return { items };
}

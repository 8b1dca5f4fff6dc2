import { type Ctx, hasPermission } from "../../kernel/context.ts";
import { forbidden } from "../../kernel/errors.ts";
import { committeesDb } from "./db.ts";
import { mayEdit } from "./questionnaires.ts";

export async function listQuestionnaires(ctx: Ctx, personId: string) {
  if (!mayEdit(ctx, personId) && !hasPermission(ctx.actor, "committee.read"))
    throw forbidden("Only the director and those who read committee records may see D&O questionnaires.");
  const rows = await committeesDb(ctx)
    .selectFrom("dno_questionnaires")
    .select(["year", "status", "certified_at"])
    .where("person_id", "=", personId)
    .orderBy("year", "desc")
    .execute();
  return { items: rows.map((r) => ({ year: r.year, status: r.status, certifiedAt: r.certified_at })) };
}

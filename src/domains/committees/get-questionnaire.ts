import { type Ctx, hasPermission } from "../../kernel/context.ts";
import { forbidden } from "../../kernel/errors.ts";
import { load, mayEdit, type Questionnaire } from "./questionnaires.ts";

export async function getQuestionnaire(ctx: Ctx, personId: string, year: number): Promise<Questionnaire> {
  if (!mayEdit(ctx, personId) && !hasPermission(ctx.actor, "committee.read"))
    throw forbidden("Only the director and those who read committee records may see a D&O questionnaire.");
  return load(ctx, personId, year);
}

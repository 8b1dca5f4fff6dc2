import { type Ctx, hasPermission } from "../../kernel/context.ts";
import { notFound } from "../../kernel/errors.ts";
import { committeesDb } from "./db.ts";
import { evaluateIndependence } from "./independence.ts";
import { actorPerson, personName, today } from "./load.ts";
import { questionnaireAnswers } from "./schemas.ts";
import type { QuestionnaireView } from "./views.ts";

export type Questionnaire = QuestionnaireView;

export const isSelf = (ctx: Ctx, personId: string) => actorPerson(ctx) === personId;
export const mayEdit = (ctx: Ctx, personId: string) =>
  isSelf(ctx, personId) || hasPermission(ctx.actor, "committee.appoint");

export async function load(ctx: Ctx, personId: string, year: number): Promise<Questionnaire> {
  const row = await committeesDb(ctx)
    .selectFrom("dno_questionnaires")
    .selectAll()
    .where("person_id", "=", personId)
    .where("year", "=", year)
    .executeTakeFirst();
  if (!row) throw notFound(`The ${year} D&O questionnaire of this director`);
  const answers = questionnaireAnswers.parse(JSON.parse(row.answers));
  return {
    id: row.id,
    personId,
    personName: await personName(ctx, personId),
    year,
    status: row.status,
    certifiedAt: row.certified_at,
    certifiedBy: row.certified_by,
    answers,
    evaluation: evaluateIndependence(answers, today(ctx), { nyse: true, rule16b3: true, section162m: true }),
  };
}

export { currentCertification } from "./current-certification.ts";

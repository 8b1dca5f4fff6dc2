import type { Ctx } from "../../kernel/context.ts";
import { yearsBefore } from "./dates.ts";
import { committeesDb } from "./db.ts";
import { questionnaireAnswers } from "./schemas.ts";

// Apart from questionnaires.ts, whose use cases raise alert tasks, which read compliance, which
// reads this: one file for the query keeps the three out of an import cycle.
/**
 * The director's latest questionnaire certified within the twelve months before `asOf`: the
 * facts the independence tests read. Older certifications have lapsed (CC-20, yearly).
 */
export async function currentCertification(ctx: Ctx, personId: string, asOf: string) {
  const from = yearsBefore(asOf, 1);
  const rows = await committeesDb(ctx)
    .selectFrom("dno_questionnaires")
    .select(["year", "answers", "certified_at"])
    .where("person_id", "=", personId)
    .where("status", "=", "certified")
    .orderBy("certified_at", "desc")
    .execute();
  const row = rows.find(
    (r) => r.certified_at && r.certified_at.slice(0, 10) >= from && r.certified_at.slice(0, 10) <= asOf,
  );
  if (!row) return null;
  return {
    year: row.year,
    certifiedAt: row.certified_at!,
    answers: questionnaireAnswers.parse(JSON.parse(row.answers)),
  };
}

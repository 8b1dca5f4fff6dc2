import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { forbidden } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { committeesDb } from "./db.ts";
import { personName } from "./load.ts";
import { load, mayEdit, type Questionnaire } from "./questionnaires.ts";
import type { QuestionnaireAnswers } from "./schemas.ts";

/** Saves the director's answers for a year (a draft until the director certifies it, CC-20). */
export async function saveQuestionnaire(
  ctx: Ctx,
  personId: string,
  input: { year: number; answers: QuestionnaireAnswers },
): Promise<Questionnaire> {
  if (!mayEdit(ctx, personId))
    throw forbidden(
      "A D&O questionnaire is answered by the director (or prepared by the Corporate Secretary).",
    );
  return withTransaction(ctx, async (tx) => {
    await personName(tx, personId);
    const db = committeesDb(tx);
    const now = isoNow(tx.clock);
    const existing = await db
      .selectFrom("dno_questionnaires")
      .select(["id", "status"])
      .where("person_id", "=", personId)
      .where("year", "=", input.year)
      .executeTakeFirst();
    const answers = JSON.stringify(input.answers);
    if (existing) {
      // Amending certified answers withdraws the certification until the director certifies again.
      await db
        .updateTable("dno_questionnaires")
        .set({ answers, status: "draft", certified_at: null, certified_by: null, updated_at: now })
        .where("id", "=", existing.id)
        .execute();
    } else {
      await db
        .insertInto("dno_questionnaires")
        .values({
          id: newId(),
          person_id: personId,
          year: input.year,
          answers,
          status: "draft",
          certified_at: null,
          certified_by: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    await record(
      tx,
      "questionnaire.save",
      { type: "person", id: personId },
      {
        year: input.year,
        amended: existing?.status === "certified",
      },
    );
    return load(tx, personId, input.year);
  });
}

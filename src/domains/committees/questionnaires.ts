import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, hasPermission, withTransaction } from "../../kernel/context.ts";
import { conflict, forbidden, notFound } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { raiseAlertTasks } from "./alert-tasks.ts";
import { committeesDb } from "./db.ts";
import { evaluateIndependence } from "./independence.ts";
import { actorPerson, personName, today } from "./load.ts";
import { type QuestionnaireAnswers, questionnaireAnswers } from "./schemas.ts";
import type { QuestionnaireView } from "./views.ts";

export type Questionnaire = QuestionnaireView;

const isSelf = (ctx: Ctx, personId: string) => actorPerson(ctx) === personId;
const mayEdit = (ctx: Ctx, personId: string) =>
  isSelf(ctx, personId) || hasPermission(ctx.actor, "committee.appoint");

async function load(ctx: Ctx, personId: string, year: number): Promise<Questionnaire> {
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

export async function getQuestionnaire(ctx: Ctx, personId: string, year: number): Promise<Questionnaire> {
  if (!mayEdit(ctx, personId) && !hasPermission(ctx.actor, "committee.read"))
    throw forbidden("Only the director and those who read committee records may see a D&O questionnaire.");
  return load(ctx, personId, year);
}

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

/** The director certifies the answers: the yearly independence certification (CC-20). */
export async function certifyQuestionnaire(ctx: Ctx, personId: string, year: number): Promise<Questionnaire> {
  if (ctx.actor.kind !== "system" && !isSelf(ctx, personId))
    throw forbidden("Only the director may certify their own D&O questionnaire (CC-20).");
  return withTransaction(ctx, async (tx) => {
    const q = await load(tx, personId, year);
    if (q.status === "certified") throw conflict(`The ${year} questionnaire is already certified.`);
    await committeesDb(tx)
      .updateTable("dno_questionnaires")
      .set({
        status: "certified",
        certified_at: isoNow(tx.clock),
        certified_by: tx.actor.label,
        updated_at: isoNow(tx.clock),
      })
      .where("id", "=", q.id)
      .execute();
    await record(
      tx,
      "questionnaire.certify",
      { type: "person", id: personId },
      {
        year,
        findings: q.evaluation.findings.map((f) => f.test),
      },
    );
    await raiseAlertTasks(tx, { personId });
    return load(tx, personId, year);
  });
}

export { currentCertification } from "./current-certification.ts";

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

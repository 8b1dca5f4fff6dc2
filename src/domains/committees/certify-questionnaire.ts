import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict, forbidden } from "../../kernel/errors.ts";
import { raiseAlertTasks } from "./alert-tasks.ts";
import { committeesDb } from "./db.ts";
import { isSelf, load, type Questionnaire } from "./questionnaires.ts";

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

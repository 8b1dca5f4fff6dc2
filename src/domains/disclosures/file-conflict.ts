import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict, invalid } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { loadVisible, prohibitionOf, subjectOf, TYPE_LABELS, toConflict } from "./conflict-view.ts";
import { addEvent, conflictHref, notifyReviewers } from "./conflict-work.ts";
import { discDb } from "./db.ts";
import { authorize, can, ensureCan } from "./policy.ts";
import {
  type ConflictInput,
  type ConflictPatch,
  conflictAnswers,
  conflictInput,
  conflictPatch,
} from "./schemas.ts";
import { closeTasks, nextNumber, openTask, parseInput, userOfPerson, withPerson } from "./support.ts";
import type { ConflictDisclosuresTable, ConflictType } from "./tables.ts";
import type { ConflictView } from "./views.ts";

/** No decision and no CEO note: a new disclosure, or a changed one back for re-approval (COC-6.3). */
const NO_DECISION = {
  decision: null,
  conditions: null,
  mitigation: null,
  review_date: null,
  decided_by_label: null,
  decided_at: null,
  ceo_note: null,
} as const;

/** A new disclosure's first version, before any review or decision (COC-6.1). */
const UNDECIDED = { version: 1, reapproval_reason: null, ...NO_DECISION, reported_to_ac_at: null } as const;

/** Validates the type's conditional questions; returns the clean answers and the counterparty. */
export function checkAnswers(type: ConflictType, raw: Record<string, unknown>) {
  const parsed = conflictAnswers[type].safeParse(raw);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({
      path: `answers.${i.path.join(".")}`,
      message: i.message,
    }));
    throw invalid(
      `The ${TYPE_LABELS[type].toLowerCase()} questions need answers: ${errors.map((e) => `${e.path} ${e.message}`).join("; ")}`,
      errors,
    );
  }
  const answers = parsed.data as Record<string, unknown>;
  const counterparty =
    (answers.organisation as string | undefined) ?? (answers.counterparty as string | undefined) ?? null;
  return { answers, counterparty };
}

async function isCeo(ctx: Ctx, personId: string): Promise<boolean> {
  const row = await discDb(ctx)
    .selectFrom("users as u")
    .innerJoin("user_roles as r", "r.user_id", "u.id")
    .select("u.id")
    .where("u.person_id", "=", personId)
    .where("r.role", "=", "ceo")
    .executeTakeFirst();
  return Boolean(row);
}

type NewDisclosure = Omit<
  ConflictDisclosuresTable,
  | "id"
  | "number"
  | "is_ceo_disclosure"
  | "status"
  | keyof typeof UNDECIDED
  | "submitted_at"
  | "created_at"
  | "updated_at"
> & { isSubmitted: boolean };

/**
 * Inserts a new disclosure under the next COI number, undecided, a draft or submitted, marked when
 * the discloser is the CEO (COC-6.2), and records `conflict.file` with the number and `payload`.
 */
async function insertDisclosure(
  tx: Ctx,
  { isSubmitted, ...fields }: NewDisclosure,
  payload: Record<string, unknown>,
): Promise<{ id: string; number: string }> {
  const id = newId();
  const now = isoNow(tx.clock);
  const number = await nextNumber(tx, "conflict_disclosures", "COI");
  await discDb(tx)
    .insertInto("conflict_disclosures")
    .values({
      id,
      number,
      ...fields,
      is_ceo_disclosure: (await isCeo(tx, fields.discloser_person_id)) ? 1 : 0,
      status: isSubmitted ? "disclosed" : "draft",
      ...UNDECIDED,
      submitted_at: isSubmitted ? now : null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await record(tx, "conflict.file", { type: "conflict_disclosure", id }, { number, ...payload });
  return { id, number };
}

/**
 * Files one's own conflict of interest (COC-6.1), as a draft or submitted at once. A disclosure
 * by the CEO is marked so it goes to the Audit Committee without the CEO step (COC-6.2).
 */
export async function fileConflict(ctx: Ctx, raw: ConflictInput): Promise<ConflictView> {
  const me = withPerson(ctx, "disclose a conflict of interest");
  const input = parseInput(conflictInput, raw);
  const { answers, counterparty } = checkAnswers(input.type, input.answers);
  return withTransaction(ctx, async (tx) => {
    const flag = prohibitionOf(input.type, answers);
    const { id } = await insertDisclosure(
      tx,
      {
        discloser_person_id: me.personId,
        discloser_user_id: me.userId,
        type: input.type,
        title: input.title,
        description: input.description,
        counterparty,
        answers: JSON.stringify(answers),
        is_competitor_work: flag ? 1 : 0,
        isSubmitted: input.submit,
        source: "form",
        source_ref: null,
      },
      { type: input.type, submitted: input.submit, prohibitedByCode: flag?.rule ?? null },
    );
    if (input.submit) {
      await addEvent(tx, id, { kind: "transition", role: "discloser", from: null, to: "disclosed" });
      await notifyReviewers(tx, id);
    }
    return toConflict(tx, await loadVisible(tx, id));
  });
}

/**
 * Changes one's own disclosure. Any change after submission sends it back for re-approval from
 * the start (COC-6.3: only a disclosed and approved conflict is allowed); a draft is submitted.
 */
export async function updateConflict(ctx: Ctx, id: string, raw: ConflictPatch): Promise<ConflictView> {
  withPerson(ctx, "change a conflict disclosure");
  const patch = parseInput(conflictPatch, raw);
  return withTransaction(ctx, async (tx) => {
    const row = await loadVisible(tx, id);
    ensureCan(tx.actor, "conflict.edit", subjectOf(tx, row));
    const type = patch.type ?? row.type;
    const { answers, counterparty } = checkAnswers(
      type,
      patch.answers ?? (patch.type && patch.type !== row.type ? {} : JSON.parse(row.answers)),
    );
    const now = isoNow(tx.clock);
    const wasDraft = row.status === "draft";
    const submit = wasDraft ? patch.submit : true;
    const flag = prohibitionOf(type, answers);
    const reapproval = !wasDraft && row.status !== "disclosed" ? ("changed" as const) : row.reapproval_reason;
    await discDb(tx)
      .updateTable("conflict_disclosures")
      .set({
        type,
        title: patch.title ?? row.title,
        description: patch.description ?? row.description,
        answers: JSON.stringify(answers),
        counterparty,
        is_competitor_work: flag ? 1 : 0,
        status: submit ? "disclosed" : "draft",
        version: wasDraft ? row.version : row.version + 1,
        reapproval_reason: reapproval,
        ...NO_DECISION,
        submitted_at: submit ? (row.submitted_at ?? now) : null,
        updated_at: now,
      })
      .where("id", "=", id)
      .execute();
    await record(
      tx,
      "conflict.update",
      { type: "conflict_disclosure", id },
      {
        from: row.status,
        version: wasDraft ? row.version : row.version + 1,
        reapproval: !wasDraft,
      },
    );
    if (submit) {
      await addEvent(tx, id, {
        kind: "transition",
        role: "discloser",
        from: row.status,
        to: "disclosed",
        body: wasDraft ? null : "Changed by the discloser: back for re-approval (COC-6.3).",
      });
      await closeTasks(tx, conflictHref(id));
      await notifyReviewers(tx, id);
    }
    return toConflict(tx, await loadVisible(tx, id));
  });
}

export async function withdrawConflict(ctx: Ctx, id: string): Promise<ConflictView> {
  withPerson(ctx, "withdraw a conflict disclosure");
  return withTransaction(ctx, async (tx) => {
    const row = await loadVisible(tx, id);
    const subject = subjectOf(tx, row);
    if (!can(tx.actor, "conflict.withdraw", subject)) {
      authorize(tx.actor, "conflict.withdraw", subject);
      throw conflict(
        "A disclosure under CEO or Audit Committee review, or decided, cannot be withdrawn; change it instead.",
      );
    }
    await discDb(tx)
      .updateTable("conflict_disclosures")
      .set({ status: "withdrawn", updated_at: isoNow(tx.clock) })
      .where("id", "=", id)
      .execute();
    await addEvent(tx, id, { kind: "transition", role: "discloser", from: row.status, to: "withdrawn" });
    await closeTasks(tx, conflictHref(id));
    await record(tx, "conflict.withdraw", { type: "conflict_disclosure", id }, { from: row.status });
    return toConflict(tx, await loadVisible(tx, id));
  });
}

/**
 * A certificate answer "I have a conflict to disclose" (COC-6.1): opens a draft disclosure
 * pre-filled with the answer, and a task for the signer to complete and submit it.
 */
export async function openConflictFromCertificate(
  ctx: Ctx,
  input: { personId: string; details: string | null; certificateId: string; certificateTitle: string },
): Promise<{ id: string; number: string }> {
  return withTransaction(ctx, async (tx) => {
    const user = await userOfPerson(tx, input.personId);
    const { id, number } = await insertDisclosure(
      tx,
      {
        discloser_person_id: input.personId,
        discloser_user_id: user?.userId ?? null,
        type: "other",
        title: `Conflict disclosed on "${input.certificateTitle}"`,
        description:
          input.details?.trim() || "Answered yes to the conflict of interest question on a certificate.",
        counterparty: null,
        answers: "{}",
        is_competitor_work: 0,
        isSubmitted: false,
        source: "certificate",
        source_ref: input.certificateId,
      },
      { source: "certificate", certificateId: input.certificateId },
    );
    if (user) {
      await openTask(tx, {
        userId: user.userId,
        kind: "disclosures.conflict.complete",
        title: `Complete and submit your conflict of interest disclosure ${number} (COC-6.1)`,
        href: conflictHref(id),
      });
    }
    return { id, number };
  });
}

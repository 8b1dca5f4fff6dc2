import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, hasPermission, withTransaction } from "../../kernel/context.ts";
import { AppError, conflict, forbidden, invalid, notFound } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import type { CasePerson } from "./content.ts";
import { speakupDb } from "./db.ts";
import { ensureHandler } from "./escalate-case.ts";
import { loadVisibleCase, PURGED_MESSAGE } from "./get-case.ts";
import { hasMailbox, mergedReportIds } from "./merged-reports.ts";
import { eligibleHandlers } from "./notify.ts";

import type { ItemInput, TransitionInput } from "./schemas.ts";
import { type CaseKey, openCaseKey, openJson, personRef, sealJson } from "./sealing.ts";
import { type CasePersonRole, EXCLUDED_ROLES, type SpeakupCasesTable } from "./tables.ts";
import type { CaseItemCreatedView, Ok, SpeakupMessagePostedView } from "./views.ts";
import { TEAM_ROLES, type Team, TRANSITIONS } from "./vocabulary.ts";

const subject = (id: string) => ({ type: "speakup_case", id });

async function activeCase(ctx: Ctx, id: string) {
  const loaded = await loadVisibleCase(ctx, id);
  if (loaded.row.merged_into_id)
    throw conflict(`This case was merged into another; work on that case instead.`);
  return loaded;
}

async function systemMessage(
  ctx: Ctx,
  key: CaseKey,
  text: string,
  authorUserId: string | null,
  isFeedback = false,
) {
  const id = newId();
  await speakupDb(ctx)
    .insertInto("speakup_messages")
    .values({
      id,
      case_id: key.caseId,
      author: authorUserId ? "handler" : "system",
      author_user_id: authorUserId,
      body: sealJson(key, `message:${id}`, text),
      created_at: isoNow(ctx.clock),
      read_at: null,
      is_feedback: isFeedback ? 1 : 0,
    })
    .execute();
  return id;
}

const ACKNOWLEDGEMENT =
  "Thank you. Your report has been received and will be looked into. We may ask you questions here, so please check back with your receipt and password. Retaliation against anyone who reports in good faith is not tolerated (Code section 21).";

async function completeTasks(ctx: Ctx, caseId: string, kind: string) {
  await speakupDb(ctx)
    .updateTable("tasks")
    .set({ status: "done", completed_at: isoNow(ctx.clock) })
    .where("href", "=", `/speakup/cases/${caseId}`)
    .where("kind", "=", kind)
    .where("status", "=", "open")
    .execute();
}

/** Acknowledges receipt to the reporter through the mailbox (EU Directive 2019/1937, art. 9: within 7 days). */
export async function acknowledgeCase(ctx: Ctx, id: string): Promise<Ok> {
  return withTransaction(ctx, async (tx) => {
    const { row, key } = await activeCase(tx, id);
    if (row.status !== "new") throw conflict(`The case is already ${row.status}.`);
    const now = isoNow(tx.clock);
    await speakupDb(tx)
      .updateTable("speakup_cases")
      .set({ status: "acknowledged", acknowledged_at: now, updated_at: now })
      .where("id", "=", id)
      .execute();
    await systemMessage(tx, key, ACKNOWLEDGEMENT, null);
    await completeTasks(tx, id, "speakup.acknowledge");
    await record(tx, "case.acknowledge", subject(id), { number: row.number });
    return { ok: true };
  });
}

/** Moves a case through its lifecycle; findings need an outcome, remediation needs actions. */
export async function transitionCase(ctx: Ctx, id: string, input: TransitionInput): Promise<Ok> {
  return withTransaction(ctx, async (tx) => {
    const { row, key } = await activeCase(tx, id);
    if (!TRANSITIONS[row.status].includes(input.to)) {
      throw conflict(
        `A case cannot go from ${row.status} to ${input.to}; next steps: ${TRANSITIONS[row.status].join(", ") || "none"}.`,
      );
    }
    const set: Partial<SpeakupCasesTable> = { status: input.to, updated_at: isoNow(tx.clock) };
    if (input.to === "findings") {
      if (!input.outcome)
        throw invalid("Record the outcome of the investigation.", [
          { path: "outcome", message: "is required for findings" },
        ]);
      set.outcome = input.outcome;
    }
    if (input.to === "remediation") {
      if (row.outcome === "unsubstantiated")
        throw conflict("An unsubstantiated case is closed, not remediated.");
      if (!input.remediation?.length)
        throw invalid("Choose the remediation: discipline, training or a control change.", [
          { path: "remediation", message: "choose at least one" },
        ]);
      set.remediation = JSON.stringify(input.remediation);
    }
    if (input.to === "closed") {
      if (row.status === "findings" && row.outcome !== "unsubstantiated") {
        throw conflict(
          "A substantiated finding goes through remediation before the case is closed (COC-0.2).",
        );
      }
      if (row.status === "triage" && !input.note)
        throw invalid("Say why the case is closed without an investigation.", [
          { path: "note", message: "is required" },
        ]);
      if (input.closingMessage) await sendFeedback(tx, row, key, input.closingMessage);
      await requireClosingFeedback(tx, row);
      set.closed_at = isoNow(tx.clock);
    }
    if (row.status === "closed") set.closed_at = null;
    await speakupDb(tx).updateTable("speakup_cases").set(set).where("id", "=", id).execute();
    if (input.note)
      await addItemInTx(tx, id, {
        kind: "note",
        title: `${row.status} → ${input.to}`,
        text: input.note,
        dueOn: null,
      });
    const action =
      row.status === "closed" ? "case.reopen" : input.to === "closed" ? "case.close" : "case.transition";
    await record(tx, action, subject(id), {
      from: row.status,
      to: input.to,
      outcome: set.outcome ?? null,
      remediation: input.remediation ?? null,
    });
    return { ok: true };
  });
}

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

export type HandlerMessageOptions = {
  /** Marks the message as feedback: what action was taken or is planned, and why (art. 9(1)(f)). */
  isFeedback?: boolean | undefined;
  /** On a case other reports were merged into: which reporter the message goes to (default: this case's). */
  toCaseId?: string | undefined;
};

/**
 * A handler writes to a reporter's mailbox. Only a message marked as feedback meets the 3-month
 * feedback clock (EU Directive 2019/1937, art. 9(1)(f) and 11). On a case with merged reports the
 * handler chooses the reporter; the message is sealed in that reporter's own case, so no other
 * reporter can ever read it (COC-22.2).
 */
export async function postHandlerMessage(
  ctx: Ctx,
  id: string,
  body: string,
  options: HandlerMessageOptions = {},
): Promise<SpeakupMessagePostedView> {
  return withTransaction(ctx, async (tx) => {
    const { row, key } = await activeCase(tx, id);
    if (ctx.actor.kind === "anonymous") throw forbidden();
    const to = await recipientCase(tx, row, key, options.toCaseId);
    const authorUserId = ctx.actor.kind === "user" ? ctx.actor.userId : null;
    const messageId = await systemMessage(tx, to.key, body, authorUserId, options.isFeedback === true);
    const now = isoNow(tx.clock);
    const db = speakupDb(tx);
    if (options.isFeedback && !to.row.feedback_given_at)
      await db
        .updateTable("speakup_cases")
        .set({ feedback_given_at: now, updated_at: now })
        .where("id", "=", to.row.id)
        .execute();
    await db.updateTable("speakup_cases").set({ updated_at: now }).where("id", "=", id).execute();
    await completeTasks(tx, id, "speakup.reply");
    if (to.row.id !== id) await completeTasks(tx, to.row.id, "speakup.reply");
    await record(tx, "case.message", subject(id), {
      messageId,
      feedback: options.isFeedback === true,
      to: to.row.number,
    });
    return { id: messageId, createdAt: now };
  });
}

/** The case whose reporter a message goes to: this one, or a report merged into it. */
async function recipientCase(
  ctx: Ctx,
  row: SpeakupCasesTable,
  key: CaseKey,
  toCaseId: string | undefined,
): Promise<{ row: SpeakupCasesTable; key: CaseKey }> {
  if (!toCaseId || toCaseId === row.id) return { row, key };
  if (!(await mergedReportIds(ctx, row.id)).includes(toCaseId))
    throw invalid("Send the message to this case's reporter or to the reporter of a report merged into it.", [
      { path: "toCaseId", message: "is not a report merged into this case" },
    ]);
  const other = await speakupDb(ctx)
    .selectFrom("speakup_cases")
    .selectAll()
    .where("id", "=", toCaseId)
    .executeTakeFirstOrThrow();
  if (other.purged_at) throw conflict(PURGED_MESSAGE);
  return { row: other, key: openCaseKey(ctx, other.id, other.data_key) };
}

/** The closing message: feedback to this case's reporter, sent as the case closes. */
async function sendFeedback(ctx: Ctx, row: SpeakupCasesTable, key: CaseKey, text: string) {
  const authorUserId = ctx.actor.kind === "user" ? ctx.actor.userId : null;
  const messageId = await systemMessage(ctx, key, text, authorUserId, true);
  const now = isoNow(ctx.clock);
  if (!row.feedback_given_at)
    await speakupDb(ctx)
      .updateTable("speakup_cases")
      .set({ feedback_given_at: now })
      .where("id", "=", row.id)
      .execute();
  await record(ctx, "case.message", subject(row.id), { messageId, feedback: true, to: row.number });
}

/**
 * A case closes only once every reporter who can read the mailbox (this case's and those of the
 * reports merged into it) was last told, in a message marked as feedback, what action was taken
 * or is planned and why (EU Directive 2019/1937, art. 9(1)(f)).
 */
async function requireClosingFeedback(ctx: Ctx, row: SpeakupCasesTable) {
  const db = speakupDb(ctx);
  const ids = [row.id, ...(await mergedReportIds(ctx, row.id))];
  const cases = await db
    .selectFrom("speakup_cases")
    .select(["id", "number", "password_hash", "setup_code_hash", "purged_at"])
    .where("id", "in", ids)
    .execute();
  const missing: string[] = [];
  for (const c of cases.filter(hasMailbox)) {
    const last = await db
      .selectFrom("speakup_messages")
      .select("is_feedback")
      .where("case_id", "=", c.id)
      .where("author", "!=", "reporter")
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .executeTakeFirst();
    if (last?.is_feedback !== 1) missing.push(c.number);
  }
  if (missing.length)
    throw new AppError(
      "CONFLICT",
      `Before closing, tell the reporter what action was taken or is planned and why, in a message marked as feedback (EU Directive 2019/1937, art. 9(1)(f)). Still missing for: ${missing.join(", ")}.`,
      { errors: [{ path: "closingMessage", message: "write the closing feedback to the reporter" }] },
    );
}

async function addItemInTx(ctx: Ctx, caseId: string, input: ItemInput) {
  const { key } = await loadVisibleCase(ctx, caseId);
  const id = newId();
  const now = isoNow(ctx.clock);
  await speakupDb(ctx)
    .insertInto("speakup_case_items")
    .values({
      id,
      case_id: caseId,
      kind: input.kind,
      body: sealJson(key, `item:${id}`, { title: input.title, text: input.text }),
      status: "open",
      due_on: input.dueOn ?? null,
      author_user_id: ctx.actor.kind === "user" ? ctx.actor.userId : null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** The investigation plan: tasks, interviews, evidence, notes and the final report. */
export async function addCaseItem(ctx: Ctx, caseId: string, input: ItemInput): Promise<CaseItemCreatedView> {
  return withTransaction(ctx, async (tx) => {
    await activeCase(tx, caseId);
    const id = await addItemInTx(tx, caseId, input);
    await record(tx, "case.item", subject(caseId), { itemId: id, kind: input.kind });
    return { id };
  });
}

export async function completeCaseItem(ctx: Ctx, caseId: string, itemId: string, done: boolean): Promise<Ok> {
  return withTransaction(ctx, async (tx) => {
    await activeCase(tx, caseId);
    const res = await speakupDb(tx)
      .updateTable("speakup_case_items")
      .set({ status: done ? "done" : "open", updated_at: isoNow(tx.clock) })
      .where("id", "=", itemId)
      .where("case_id", "=", caseId)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw notFound("The item");
    await record(tx, "case.item", subject(caseId), { itemId, status: done ? "done" : "open" });
    return { ok: true };
  });
}

/** Names a person, adds a witness, or marks someone conflicted: the named and conflicted never see the case again. */
export async function addCasePerson(
  ctx: Ctx,
  caseId: string,
  input: {
    personId?: string | undefined;
    userId?: string | undefined;
    role: Exclude<CasePersonRole, "reporter">;
  },
): Promise<Ok> {
  if (!input.personId && !input.userId)
    throw invalid("Choose a person or a user.", [{ path: "personId", message: "is required" }]);
  return withTransaction(ctx, async (tx) => {
    const { row, key } = await activeCase(tx, caseId);
    const db = speakupDb(tx);
    let name = "";
    let personId = input.personId ?? null;
    const refs: string[] = [];
    if (input.userId) {
      const u = await db
        .selectFrom("users")
        .select(["id", "display_name", "person_id"])
        .where("id", "=", input.userId)
        .executeTakeFirst();
      if (!u) throw invalid("The user does not exist.", [{ path: "userId", message: "is not a known user" }]);
      name = u.display_name;
      refs.push(personRef(tx, u.id, "user"));
      personId ??= u.person_id;
    }
    if (personId) {
      const p = await db
        .selectFrom("persons")
        .select(["id", "first_name", "last_name"])
        .where("id", "=", personId)
        .executeTakeFirst();
      if (!p)
        throw invalid("The person does not exist.", [{ path: "personId", message: "is not a known person" }]);
      name ||= `${p.first_name} ${p.last_name}`;
      refs.push(personRef(tx, p.id));
    }
    // Someone barred from a case is barred from the reports merged into it too (COC-22.2).
    const barredFrom = input.role === "witness" ? [caseId] : [caseId, ...(await mergedReportIds(tx, caseId))];
    await db
      .insertInto("speakup_case_people")
      .values(
        barredFrom.flatMap((id) => refs.map((ref) => ({ case_id: id, person_ref: ref, role: input.role }))),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
    const people = openJson<CasePerson[]>(key, "people", row.people);
    people.push({ personId, userId: input.userId ?? null, name, role: input.role });
    await db
      .updateTable("speakup_cases")
      .set({ people: sealJson(key, "people", people), updated_at: isoNow(tx.clock) })
      .where("id", "=", caseId)
      .execute();
    // A conflicted or named assignee loses the case at once.
    if (input.role !== "witness" && row.assignee_user_id) {
      const assignee = await db
        .selectFrom("users")
        .select(["id", "person_id"])
        .where("id", "=", row.assignee_user_id)
        .executeTakeFirst();
      const assigneeRefs = assignee
        ? [
            personRef(tx, assignee.id, "user"),
            ...(assignee.person_id ? [personRef(tx, assignee.person_id)] : []),
          ]
        : [];
      if (assigneeRefs.some((r) => refs.includes(r)))
        await db
          .updateTable("speakup_cases")
          .set({ assignee_user_id: null })
          .where("id", "=", caseId)
          .execute();
    }
    await record(tx, "case.people", subject(caseId), { role: input.role });
    // Kept away at once: their open tasks on the case go, and the case still reaches someone.
    if (input.role !== "witness") await ensureHandler(tx, caseId);
    return { ok: true };
  });
}

export async function linkCases(ctx: Ctx, caseId: string, otherId: string): Promise<Ok> {
  if (caseId === otherId)
    throw invalid("A case cannot be linked to itself.", [{ path: "otherId", message: "is this case" }]);
  return withTransaction(ctx, async (tx) => {
    await loadVisibleCase(tx, caseId);
    await loadVisibleCase(tx, otherId);
    await speakupDb(tx)
      .insertInto("speakup_case_links")
      .values([
        { case_id: caseId, other_id: otherId },
        { case_id: otherId, other_id: caseId },
      ])
      .onConflict((oc) => oc.doNothing())
      .execute();
    await record(tx, "case.link", subject(caseId), { otherId });
    return { ok: true };
  });
}

/**
 * Merges a duplicate into another case, which carries the investigation on. The merged report
 * keeps its own row, data key and mailbox: its reporter goes on seeing only their own report and
 * the messages sent to them, never the other reporter's (COC-22.2); the surviving case's handlers
 * see both threads and choose which reporter each message goes to.
 */
export async function mergeCase(ctx: Ctx, caseId: string, intoId: string): Promise<Ok> {
  if (caseId === intoId)
    throw invalid("A case cannot be merged into itself.", [{ path: "intoId", message: "is this case" }]);
  return withTransaction(ctx, async (tx) => {
    const { row, key } = await activeCase(tx, caseId);
    const { row: into } = await activeCase(tx, intoId);
    const db = speakupDb(tx);
    const now = isoNow(tx.clock);
    // Looking at it to merge it is receiving it: the merged report's reporter is acknowledged
    // (art. 9(1)(b)), since nobody can acknowledge a merged case afterwards.
    if (!row.acknowledged_at) await systemMessage(tx, key, ACKNOWLEDGEMENT, null);
    await db
      .updateTable("speakup_cases")
      .set({
        merged_into_id: into.id,
        status: "closed",
        closed_at: now,
        updated_at: now,
        acknowledged_at: row.acknowledged_at ?? now,
      })
      .where("id", "=", caseId)
      .execute();
    await completeTasks(tx, caseId, "speakup.acknowledge");
    // Everyone barred from either case is barred from both.
    const barred = await db
      .selectFrom("speakup_case_people")
      .select(["case_id", "person_ref", "role"])
      .where("case_id", "in", [caseId, into.id])
      .where("role", "in", [...EXCLUDED_ROLES])
      .execute();
    if (barred.length)
      await db
        .insertInto("speakup_case_people")
        .values(
          barred.map((b) => ({
            case_id: b.case_id === caseId ? into.id : caseId,
            person_ref: b.person_ref,
            role: b.role,
          })),
        )
        .onConflict((oc) => oc.doNothing())
        .execute();
    await db
      .insertInto("speakup_case_links")
      .values([
        { case_id: caseId, other_id: into.id },
        { case_id: into.id, other_id: caseId },
      ])
      .onConflict((oc) => oc.doNothing())
      .execute();
    // People barred from the merged report are now barred from the surviving case: their tasks on
    // it are withdrawn and, if that leaves nobody, the case escalates (COC-22.2).
    await ensureHandler(tx, into.id);
    await record(tx, "case.merge", subject(caseId), { into: into.number, from: row.number });
    return { ok: true };
  });
}

export async function resolveWatch(ctx: Ctx, caseId: string, watchId: string): Promise<Ok> {
  return withTransaction(ctx, async (tx) => {
    await activeCase(tx, caseId);
    const res = await speakupDb(tx)
      .updateTable("speakup_watch")
      .set({ status: "done", resolved_at: isoNow(tx.clock) })
      .where("id", "=", watchId)
      .where("case_id", "=", caseId)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new AppError("NOT_FOUND", "The check-in was not found.");
    await record(tx, "case.watch.resolve", subject(caseId), { watchId });
    return { ok: true };
  });
}

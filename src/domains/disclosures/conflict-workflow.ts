import { record } from "../../kernel/audit.ts";
import { addCalendarDays } from "../../kernel/calendar.ts";
import { isoNow } from "../../kernel/clock.ts";
import { actorId, type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict, invalid } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { loadVisible, prohibitionOf, type Row, subjectOf, toConflict } from "./conflict-view.ts";
import { discDb, todayOf } from "./db.ts";
import { authorize, can, ensureCan } from "./policy.ts";
import { ceoReviewInput, commentInput, type DecisionInput, decisionInput } from "./schemas.ts";
import {
  closeTasks,
  jsonOr,
  mailTo,
  openTask,
  parseInput,
  supervisorOf,
  userOfPerson,
  usersWith,
} from "./support.ts";
import type { ConflictStatus } from "./tables.ts";
import type { ConflictView } from "./views.ts";

export const conflictHref = (id: string) => `/disclosures/conflicts/${id}`;

export async function addEvent(
  ctx: Ctx,
  disclosureId: string,
  e: {
    kind: "comment" | "transition";
    role: string;
    from?: string | null;
    to?: string | null;
    body?: string | null;
  },
): Promise<void> {
  await discDb(ctx)
    .insertInto("conflict_events")
    .values({
      id: newId(),
      disclosure_id: disclosureId,
      kind: e.kind,
      role: e.role,
      actor_user_id: actorId(ctx.actor),
      actor_label: ctx.actor.label,
      from_status: e.from ?? null,
      to_status: e.to ?? null,
      body: e.body ?? null,
      created_at: isoNow(ctx.clock),
    })
    .execute();
}

/** A submitted disclosure is discussed by the supervisor and Legal: each gets a task. */
export async function notifyReviewers(ctx: Ctx, id: string): Promise<void> {
  const row = await loadVisible({ ...ctx, actor: { kind: "system", label: "system" } }, id);
  const href = conflictHref(id);
  const what = `${row.number} by ${row.discloser_name}${row.reapproval_reason ? " (re-approval)" : ""}`;
  const supervisor = await supervisorOf(ctx, row.discloser_person_id);
  if (supervisor?.user) {
    await openTask(ctx, {
      userId: supervisor.user.userId,
      kind: "disclosures.conflict.supervisor",
      title: `Comment on the conflict of interest disclosure ${what}`,
      href,
    });
  }
  const legal = (await usersWith(ctx, "disclosure.review")).filter((u) => u.userId !== row.discloser_user_id);
  for (const u of legal) {
    await openTask(ctx, {
      userId: u.userId,
      kind: "disclosures.conflict.discuss",
      title: `Discuss the conflict of interest disclosure ${what} and forward it`,
      href,
    });
  }
  await mailTo(
    ctx,
    legal,
    `Conflict of interest disclosed: ${row.number}`,
    `${row.discloser_name} disclosed a conflict of interest (${row.title}). Discuss it with them and their supervisor, then forward it for review (COC-6.1, COC-6.2).`,
  );
}

const roleOf = (ctx: Ctx, row: Row) => {
  const s = subjectOf(ctx, row);
  if (s.isDiscloser) return "discloser";
  if (s.isSupervisor) return "supervisor";
  if (can(ctx.actor, "conflict.review")) return "legal";
  return "other";
};

/** A comment by the discloser, their supervisor or Legal; the first reviewer comment marks it discussed. */
export async function commentConflict(ctx: Ctx, id: string, raw: { body: string }): Promise<ConflictView> {
  const { body } = parseInput(commentInput, raw);
  return withTransaction(ctx, async (tx) => {
    const row = await loadVisible(tx, id);
    ensureCan(tx.actor, "conflict.comment", subjectOf(tx, row));
    const role = roleOf(tx, row);
    await addEvent(tx, id, { kind: "comment", role, body });
    if (row.status === "disclosed" && (role === "supervisor" || role === "legal")) {
      await discDb(tx)
        .updateTable("conflict_disclosures")
        .set({ status: "discussed", updated_at: isoNow(tx.clock) })
        .where("id", "=", id)
        .execute();
      await addEvent(tx, id, { kind: "transition", role, from: "disclosed", to: "discussed" });
    }
    if (role === "supervisor" && ctx.actor.kind === "user")
      await closeTasks(tx, conflictHref(id), {
        kinds: ["disclosures.conflict.supervisor"],
        userId: ctx.actor.userId,
      });
    await record(tx, "conflict.comment", { type: "conflict_disclosure", id }, { role });
    return toConflict(tx, await loadVisible(tx, id));
  });
}

async function move(
  ctx: Ctx,
  id: string,
  from: ConflictStatus,
  to: ConflictStatus,
  set: Record<string, unknown>,
) {
  const res = await discDb(ctx)
    .updateTable("conflict_disclosures")
    .set({ ...set, status: to, updated_at: isoNow(ctx.clock) })
    .where("id", "=", id)
    .where("status", "=", from)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1)
    throw conflict("The disclosure changed meanwhile; reload and try again.");
}

/**
 * Legal forwards a discussed disclosure to the CEO, who reports conflicts to the Audit Committee
 * (COC-6.2). The CEO's own disclosure goes straight to the Audit Committee.
 */
export async function forwardConflict(ctx: Ctx, id: string): Promise<ConflictView> {
  return withTransaction(ctx, async (tx) => {
    const row = await loadVisible(tx, id);
    authorize(tx.actor, "conflict.forward", subjectOf(tx, row));
    if (row.status !== "discussed")
      throw conflict(
        row.status === "disclosed"
          ? "Discuss the disclosure first: the supervisor or Legal comments before it is forwarded (COC-6.3, Code section 6: disclosure, discussion and consultation)."
          : `A disclosure that is ${row.status.replace("_", " ")} cannot be forwarded.`,
      );
    const href = conflictHref(id);
    await closeTasks(tx, href, {
      kinds: ["disclosures.conflict.discuss", "disclosures.conflict.supervisor"],
    });
    if (row.is_ceo_disclosure === 1) {
      await reportToAuditCommittee(tx, row.id, "discussed", null);
      await addEvent(tx, id, {
        kind: "transition",
        role: "legal",
        from: "discussed",
        to: "audit_committee",
        body: "The CEO's own disclosure goes straight to the Audit Committee (COC-6.2).",
      });
    } else {
      await move(tx, id, "discussed", "ceo_review", {});
      await addEvent(tx, id, { kind: "transition", role: "legal", from: "discussed", to: "ceo_review" });
      for (const u of await usersWith(tx, "disclosure.ceo_review")) {
        await openTask(tx, {
          userId: u.userId,
          kind: "disclosures.conflict.ceo_review",
          title: `Review the conflict of interest ${row.number} (${row.discloser_name}) and report it to the Audit Committee (COC-6.2)`,
          href,
        });
      }
    }
    await record(
      tx,
      "conflict.forward",
      { type: "conflict_disclosure", id },
      {
        to: row.is_ceo_disclosure === 1 ? "audit_committee" : "ceo_review",
      },
    );
    return toConflict(tx, await loadVisible(tx, id));
  });
}

async function reportToAuditCommittee(ctx: Ctx, id: string, from: ConflictStatus, note: string | null) {
  const now = isoNow(ctx.clock);
  await move(ctx, id, from, "audit_committee", {
    reported_to_ac_at: now,
    ...(note !== null && { ceo_note: note }),
  });
  const row = await loadVisible({ ...ctx, actor: { kind: "system", label: "system" } }, id);
  const members = await usersWith(ctx, "disclosure.audit_committee");
  for (const u of members) {
    await openTask(ctx, {
      userId: u.userId,
      kind: "disclosures.conflict.decide",
      title: `Decide on the conflict of interest ${row.number} (${row.discloser_name}) reported to the Audit Committee`,
      href: conflictHref(id),
    });
  }
  await mailTo(
    ctx,
    members,
    `Conflict of interest reported to the Audit Committee: ${row.number}`,
    `${row.is_ceo_disclosure ? "The CEO's own disclosure" : "The CEO reported a conflict of interest"}: ${row.title} (${row.discloser_name}). It awaits the Committee's decision (COC-6.2).`,
  );
}

/** The CEO reviews and reports the conflict to the Audit Committee (COC-6.2). */
export async function ceoReviewConflict(ctx: Ctx, id: string, raw: { note: string }): Promise<ConflictView> {
  const { note } = parseInput(ceoReviewInput, raw);
  return withTransaction(ctx, async (tx) => {
    const row = await loadVisible(tx, id);
    authorize(tx.actor, "conflict.ceo_review", subjectOf(tx, row));
    if (row.status !== "ceo_review") throw conflict("This disclosure is not waiting for the CEO's review.");
    await reportToAuditCommittee(tx, id, "ceo_review", note);
    await addEvent(tx, id, {
      kind: "transition",
      role: "ceo",
      from: "ceo_review",
      to: "audit_committee",
      body: note,
    });
    await closeTasks(tx, conflictHref(id), { kinds: ["disclosures.conflict.ceo_review"] });
    await record(tx, "conflict.ceo_review", { type: "conflict_disclosure", id }, {});
    return toConflict(tx, await loadVisible(tx, id));
  });
}

/**
 * The Audit Committee decides: approved with conditions and a review date, approved after
 * mitigation, or prohibited. What the Code forbids (COC-6.4, COC-11.1) cannot be approved.
 */
export async function decideConflict(ctx: Ctx, id: string, raw: DecisionInput): Promise<ConflictView> {
  const input = parseInput(decisionInput, raw);
  return withTransaction(ctx, async (tx) => {
    const row = await loadVisible(tx, id);
    authorize(tx.actor, "conflict.decide", subjectOf(tx, row));
    if (row.status !== "audit_committee")
      throw conflict("This disclosure is not before the Audit Committee.");
    const flag = prohibitionOf(row.type, jsonOr(row.answers, {}));
    if (flag && input.decision !== "prohibited")
      throw conflict(`${flag.message} It cannot be approved; the only decision is "prohibited".`);
    if (input.decision !== "prohibited") {
      if (!input.reviewDate)
        throw invalid(
          "An approval needs a review date: approvals expire and come back for review (COC-6.3).",
          [{ path: "reviewDate", message: "is required for an approval" }],
        );
      if (input.reviewDate <= todayOf(tx))
        throw invalid("The review date must be in the future.", [
          { path: "reviewDate", message: "must be after today" },
        ]);
      if (input.decision === "approved_mitigated" && !input.mitigation)
        throw invalid("Describe the mitigation the approval depends on.", [
          { path: "mitigation", message: "is required for an approval after mitigation" },
        ]);
    }
    const now = isoNow(tx.clock);
    await move(tx, id, "audit_committee", input.decision, {
      decision: input.decision,
      conditions: input.conditions ?? null,
      mitigation: input.mitigation ?? null,
      review_date: input.decision === "prohibited" ? null : (input.reviewDate ?? null),
      decided_by_label: `Audit Committee (${ctx.actor.label})`,
      decided_at: now,
      reapproval_reason: null,
    });
    await addEvent(tx, id, {
      kind: "transition",
      role: "audit_committee",
      from: "audit_committee",
      to: input.decision,
      body:
        [
          input.note,
          input.conditions && `Conditions: ${input.conditions}`,
          input.mitigation && `Mitigation: ${input.mitigation}`,
        ]
          .filter(Boolean)
          .join("\n") || null,
    });
    await closeTasks(tx, conflictHref(id), { kinds: ["disclosures.conflict.decide"] });
    const discloser = await userOfPerson(tx, row.discloser_person_id);
    if (discloser) {
      await mailTo(
        tx,
        [discloser],
        `Decision on your conflict of interest disclosure ${row.number}`,
        `The Audit Committee decided: ${input.decision.replace("_", " ")}.${input.reviewDate && input.decision !== "prohibited" ? ` It comes back for review on ${input.reviewDate}.` : ""}`,
      );
    }
    await record(
      tx,
      "conflict.decide",
      { type: "conflict_disclosure", id },
      {
        decision: input.decision,
        reviewDate: input.reviewDate ?? null,
      },
    );
    return toConflict(tx, await loadVisible(tx, id));
  });
}

/** Approvals whose review date has come go back for review (the `disclosures.conflicts.expire` job). */
export async function expireConflictApprovals(ctx: Ctx): Promise<number> {
  return withTransaction(ctx, async (tx) => {
    const today = todayOf(tx);
    const due = await discDb(tx)
      .selectFrom("conflict_disclosures")
      .select(["id", "status", "version", "number", "discloser_person_id"])
      .where("status", "in", ["approved", "approved_mitigated"])
      .where("review_date", "<=", today)
      .execute();
    for (const d of due) {
      await move(tx, d.id, d.status, "disclosed", {
        version: d.version + 1,
        reapproval_reason: "expired",
        decision: null,
      });
      await addEvent(tx, d.id, {
        kind: "transition",
        role: "system",
        from: d.status,
        to: "disclosed",
        body: "The approval reached its review date and comes back for review (COC-6.3).",
      });
      const user = await userOfPerson(tx, d.discloser_person_id);
      if (user)
        await openTask(tx, {
          userId: user.userId,
          kind: "disclosures.conflict.confirm",
          title: `Your approved conflict ${d.number} is due for review: confirm or update it`,
          href: conflictHref(d.id),
          dueAt: `${addCalendarDays(today, 14)}T23:59:59.000Z`,
        });
      await notifyReviewers(tx, d.id);
      await record(
        tx,
        "conflict.expire",
        { type: "conflict_disclosure", id: d.id },
        { version: d.version + 1 },
      );
    }
    return due.length;
  });
}

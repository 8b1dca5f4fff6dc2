import { isoNow } from "../../kernel/clock.ts";
import type { Ctx } from "../../kernel/context.ts";
import { forbidden } from "../../kernel/errors.ts";
import type { ReportContent } from "./content.ts";
import { speakupDb } from "./db.ts";
import { type CaseEb, isHandler, visibleTo } from "./policy.ts";
import type { CaseFilter } from "./schemas.ts";
import { openCaseKey, openJson } from "./sealing.ts";
import type { SpeakupCasesTable } from "./tables.ts";
import type { CaseListPage } from "./views.ts";
import { CHANNEL_LABELS, categoryLabel, TEAM_LABELS } from "./vocabulary.ts";

type ClockFields = Pick<
  SpeakupCasesTable,
  "acknowledged_at" | "ack_due_at" | "feedback_given_at" | "feedback_due_at" | "status"
>;

/**
 * The Directive's clocks (EU Directive 2019/1937, art. 9(1)(b) and (f)): met on time, still
 * pending, overdue on an open case, or missed: met late, or never met on a closed case. A missed
 * clock stays visible after closing.
 */
export type ClockState = "pending" | "met" | "overdue" | "missed";

function clockState(doneAt: string | null, dueAt: string, isClosed: boolean, now: string): ClockState {
  if (doneAt) return doneAt <= dueAt ? "met" : "missed";
  if (dueAt >= now) return "pending";
  return isClosed ? "missed" : "overdue";
}

export function clocksOf(c: ClockFields, now: string) {
  const isClosed = c.status === "closed";
  return {
    acknowledgement: clockState(c.acknowledged_at, c.ack_due_at, isClosed, now),
    feedback: clockState(c.feedback_given_at, c.feedback_due_at, isClosed, now),
  };
}

/** Whether each clock is overdue or was missed, closed cases included. */
export function overdueOf(c: ClockFields, now: string) {
  const clocks = clocksOf(c, now);
  const late = (s: ClockState) => s === "overdue" || s === "missed";
  return { acknowledgement: late(clocks.acknowledgement), feedback: late(clocks.feedback) };
}

export function visibleCases(ctx: Ctx) {
  return speakupDb(ctx).selectFrom("speakup_cases as c").where(visibleTo(ctx));
}

/** The case list: only cases the actor may see, newest first; the summary is decrypted for the page only. */
export async function listCases(ctx: Ctx, f: CaseFilter): Promise<CaseListPage> {
  if (!isHandler(ctx.actor)) throw forbidden("Only case handlers see speak-up cases (speakup.handle).");
  const now = isoNow(ctx.clock);
  let q = visibleCases(ctx);
  if (f.status === "open") q = q.where("c.status", "!=", "closed");
  else if (f.status) q = q.where("c.status", "=", f.status);
  if (f.category) q = q.where("c.category", "=", f.category);
  if (f.team) q = q.where("c.team", "=", f.team);
  if (f.channel) q = q.where("c.channel", "=", f.channel);
  if (f.needsHandler) q = q.where("c.needs_handler_since", "is not", null);
  if (f.assignedToMe && ctx.actor.kind === "user") q = q.where("c.assignee_user_id", "=", ctx.actor.userId);
  if (f.q) q = q.where("c.number", "like", `%${f.q.toUpperCase().replace(/[%_\\]/g, "")}%`);
  // Overdue or missed, closed cases included: a missed deadline does not vanish on closing.
  const ackOverdue = (eb: CaseEb) =>
    eb.or([
      eb.and([eb("c.acknowledged_at", "is", null), eb("c.ack_due_at", "<", now)]),
      eb("c.acknowledged_at", ">", eb.ref("c.ack_due_at")),
    ]);
  const feedbackOverdue = (eb: CaseEb) =>
    eb.or([
      eb.and([eb("c.feedback_given_at", "is", null), eb("c.feedback_due_at", "<", now)]),
      eb("c.feedback_given_at", ">", eb.ref("c.feedback_due_at")),
    ]);
  if (f.overdue === "acknowledgement") q = q.where(ackOverdue);
  if (f.overdue === "feedback") q = q.where(feedbackOverdue);
  if (f.overdue === "any") q = q.where((eb) => eb.or([ackOverdue(eb), feedbackOverdue(eb)]));

  const { n } = await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const rows = await q
    .leftJoin("users as u", "u.id", "c.assignee_user_id")
    .select([
      "c.id",
      "c.number",
      "c.category",
      "c.channel",
      "c.status",
      "c.outcome",
      "c.team",
      "c.identity_mode",
      "c.assignee_user_id",
      "u.display_name as assignee_name",
      "c.received_at",
      "c.acknowledged_at",
      "c.ack_due_at",
      "c.feedback_given_at",
      "c.feedback_due_at",
      "c.data_key",
      "c.content",
      "c.merged_into_id",
      "c.purged_at",
      "c.needs_handler_since",
    ])
    .orderBy("c.received_at", "desc")
    .orderBy("c.id", "desc")
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return {
    items: rows.map((c) => {
      // A purged case (COC-15.1) has no summary left to decrypt.
      const summary = c.purged_at
        ? null
        : openJson<ReportContent>(openCaseKey(ctx, c.id, c.data_key), "content", c.content).summary;
      return {
        id: c.id,
        number: c.number,
        summary,
        purgedAt: c.purged_at,
        category: c.category,
        categoryLabel: categoryLabel(c.category),
        channel: c.channel,
        channelLabel: CHANNEL_LABELS[c.channel],
        status: c.status,
        outcome: c.outcome,
        team: c.team,
        teamLabel: TEAM_LABELS[c.team],
        identityMode: c.identity_mode,
        assignee: c.assignee_user_id ? { id: c.assignee_user_id, name: c.assignee_name } : null,
        receivedAt: c.received_at,
        ackDueAt: c.ack_due_at,
        feedbackDueAt: c.feedback_due_at,
        overdue: overdueOf(c, now),
        clocks: clocksOf(c, now),
        mergedIntoId: c.merged_into_id,
        needsHandlerSince: c.needs_handler_since,
      };
    }),
    total: Number(n),
    page: f.page,
    pageSize: f.pageSize,
  };
}

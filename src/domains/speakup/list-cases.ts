import { isoNow } from "../../kernel/clock.ts";
import type { Ctx } from "../../kernel/context.ts";
import { forbidden } from "../../kernel/errors.ts";
import type { ReportContent } from "./content.ts";
import { speakupDb } from "./db.ts";
import { type CaseEb, isHandler, visibleTo } from "./policy.ts";
import type { CaseFilter } from "./schemas.ts";
import { openCaseKey, openJson } from "./sealing.ts";
import type { SpeakupCasesTable } from "./tables.ts";
import { CHANNEL_LABELS, categoryLabel, TEAM_LABELS } from "./vocabulary.ts";

export function overdueOf(
  c: Pick<
    SpeakupCasesTable,
    "acknowledged_at" | "ack_due_at" | "feedback_given_at" | "feedback_due_at" | "status"
  >,
  now: string,
) {
  return {
    acknowledgement: c.acknowledged_at === null && c.ack_due_at < now,
    feedback: c.feedback_given_at === null && c.status !== "closed" && c.feedback_due_at < now,
  };
}

export function visibleCases(ctx: Ctx) {
  return speakupDb(ctx).selectFrom("speakup_cases as c").where(visibleTo(ctx));
}

/** The case list: only cases the actor may see, newest first; the summary is decrypted for the page only. */
export async function listCases(ctx: Ctx, f: CaseFilter) {
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
  const ackOverdue = (eb: CaseEb) =>
    eb.and([eb("c.acknowledged_at", "is", null), eb("c.ack_due_at", "<", now)]);
  const feedbackOverdue = (eb: CaseEb) =>
    eb.and([
      eb("c.feedback_given_at", "is", null),
      eb("c.status", "!=", "closed"),
      eb("c.feedback_due_at", "<", now),
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
        mergedIntoId: c.merged_into_id,
        needsHandlerSince: c.needs_handler_since,
      };
    }),
    total: Number(n),
    page: f.page,
    pageSize: f.pageSize,
  };
}

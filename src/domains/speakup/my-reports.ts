import type { Ctx } from "../../kernel/context.ts";
import { notFound } from "../../kernel/errors.ts";
import { speakupDb } from "./db.ts";
import { openMailboxSession } from "./mailbox.ts";
import { survivorOf } from "./merged-reports.ts";
import { actorRefs } from "./sealing.ts";
import type { MailboxSessionView, MyReports } from "./views.ts";
import { type CaseStatus, CHANNEL_LABELS, categoryLabel, STATUS_LABELS } from "./vocabulary.ts";

const ownCases = (ctx: Ctx, refs: string[]) =>
  speakupDb(ctx)
    .selectFrom("speakup_cases as c")
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("speakup_case_people as x")
          .select("x.case_id")
          .whereRef("x.case_id", "=", "c.id")
          .where("x.person_ref", "in", refs)
          .where("x.role", "=", "reporter"),
      ),
    );

/**
 * The signed-in employee's own identified reports (filed in the app or from a certificate): found
 * by the keyed hash of the reporter, so the case row itself never names them (COC-22.2).
 * Anonymous reports are not linked to anyone and open only with their receipt.
 */
export async function listMyReports(ctx: Ctx): Promise<MyReports> {
  const refs = actorRefs(ctx);
  if (refs.length === 0) return { items: [] };
  const rows = await ownCases(ctx, refs)
    .select([
      "c.id",
      "c.number",
      "c.category",
      "c.channel",
      "c.status",
      "c.received_at",
      "c.acknowledged_at",
      "c.closed_at",
      "c.merged_into_id",
      "c.purged_at",
    ])
    .orderBy("c.received_at", "desc")
    .limit(200)
    .execute();
  // A merged report shows the progress of the case it joined (its own row says "closed").
  const progress = new Map<string, CaseStatus>();
  for (const c of rows)
    if (c.merged_into_id) progress.set(c.id, (await survivorOf(ctx, c.merged_into_id)).status);
  return {
    items: rows.map((c) => ({
      id: c.id,
      number: c.number,
      category: c.category,
      categoryLabel: categoryLabel(c.category),
      channel: c.channel,
      channelLabel: CHANNEL_LABELS[c.channel],
      status: progress.get(c.id) ?? c.status,
      statusLabel: STATUS_LABELS[progress.get(c.id) ?? c.status],
      receivedAt: c.received_at,
      acknowledgedAt: c.acknowledged_at,
      closedAt: c.closed_at,
      purgedAt: c.purged_at,
      can: { openMailbox: c.purged_at === null },
    })),
  };
}

/**
 * Opens the mailbox of one of the signed-in employee's own reports without its receipt (a report
 * filed from a certificate never showed one). The audit event does not name them (COC-22.2).
 */
export async function openMyReportMailbox(ctx: Ctx, caseId: string): Promise<MailboxSessionView> {
  const refs = actorRefs(ctx);
  const row = refs.length
    ? await ownCases(ctx, refs).select(["c.id", "c.purged_at"]).where("c.id", "=", caseId).executeTakeFirst()
    : undefined;
  if (!row || row.purged_at) throw notFound("The report");
  return openMailboxSession(
    { ...ctx, actor: { kind: "anonymous", label: "reporter (identity sealed in the case)" } },
    // Their own case row even when merged: it holds only what they wrote and were told (COC-22.2).
    row.id,
  );
}

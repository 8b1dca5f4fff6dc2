import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, hasPermission, withTransaction } from "../../kernel/context.ts";
import { conflict, notFound } from "../../kernel/errors.ts";
import type { AttachmentMeta, CasePerson, ReportContent, ReporterIdentity } from "./content.ts";
import { speakupDb } from "./db.ts";
import { clocksOf, overdueOf, visibleCases } from "./list-cases.ts";
import { readAttachment } from "./mailbox.ts";
import { hasMailbox, mergedReportIds } from "./merged-reports.ts";
import { isHandler } from "./policy.ts";
import { type CaseKey, openCaseKey, openJson } from "./sealing.ts";
import type { SpeakupCasesTable } from "./tables.ts";
import type { CaseView } from "./views.ts";
import { CHANNEL_LABELS, categoryLabel, type Remediation, TEAM_LABELS, TRANSITIONS } from "./vocabulary.ts";

/** Where a case may go next: findings go to remediation unless unsubstantiated, which closes. */
function nextSteps(c: SpeakupCasesTable) {
  if (c.status === "findings")
    return c.outcome === "unsubstantiated" ? (["closed"] as const) : (["remediation"] as const);
  return TRANSITIONS[c.status];
}

async function loadVisibleRow(ctx: Ctx, id: string): Promise<SpeakupCasesTable> {
  if (!isHandler(ctx.actor)) throw notFound("The case");
  const row = await visibleCases(ctx).selectAll("c").where("c.id", "=", id).executeTakeFirst();
  if (!row) throw notFound("The case");
  return row;
}

/** Loads a case the actor may see, or 404 (its existence is not disclosed); a purged case cannot be worked on. */
export async function loadVisibleCase(
  ctx: Ctx,
  id: string,
): Promise<{ row: SpeakupCasesTable; key: CaseKey }> {
  const row = await loadVisibleRow(ctx, id);
  if (row.purged_at) throw conflict(PURGED_MESSAGE);
  return { row, key: openCaseKey(ctx, row.id, row.data_key) };
}

/**
 * A file of a case for its handlers: the case's own, or one a merged report's reporter sent, which
 * the surviving case's handlers see in that reporter's thread.
 */
export async function readCaseAttachment(ctx: Ctx, caseId: string, attachmentId: string) {
  const { row } = await loadVisibleCase(ctx, caseId);
  const f = await speakupDb(ctx)
    .selectFrom("speakup_attachments")
    .select("case_id")
    .where("id", "=", attachmentId)
    .executeTakeFirst();
  const family = row.merged_into_id ? [row.id] : [row.id, ...(await mergedReportIds(ctx, row.id))];
  if (!f || !family.includes(f.case_id)) throw notFound("The file");
  return readAttachment(ctx, f.case_id, attachmentId);
}

export const PURGED_MESSAGE =
  "This case's content was destroyed under the retention policy (COC-15.1); only its record remains.";

/** The whole case for a handler, decrypted. Every view is audited (case.view). */
export async function getCase(ctx: Ctx, id: string): Promise<CaseView> {
  return withTransaction(ctx, async (tx) => {
    const c = await loadVisibleRow(tx, id);
    if (c.purged_at) return purgedCase(tx, c);
    const key = openCaseKey(tx, c.id, c.data_key);
    const db = speakupDb(tx);
    const content = openJson<ReportContent>(key, "content", c.content);
    const identity = c.reporter_identity
      ? openJson<ReporterIdentity>(key, "identity", c.reporter_identity)
      : null;
    const people = openJson<CasePerson[]>(key, "people", c.people);
    // The reports merged into this case keep their own rows and mailboxes; its handlers see every
    // reporter's thread, each opened with that report's own key.
    const merged = c.merged_into_id
      ? []
      : await db
          .selectFrom("speakup_cases")
          .selectAll()
          .where("id", "in", [c.id, ...(await mergedReportIds(tx, c.id))])
          .where("id", "!=", c.id)
          .where("purged_at", "is", null)
          .orderBy("received_at")
          .execute();
    const threads = [c, ...merged];
    const keys = new Map<string, CaseKey>([
      [c.id, key],
      ...merged.map((m) => [m.id, openCaseKey(tx, m.id, m.data_key)] as const),
    ]);
    const numbers = new Map(threads.map((t) => [t.id, t.number]));
    const keyOf = (caseId: string) => keys.get(caseId)!;
    const threadIds = threads.map((t) => t.id);
    const messages = await db
      .selectFrom("speakup_messages as m")
      .leftJoin("users as u", "u.id", "m.author_user_id")
      .select([
        "m.id",
        "m.case_id",
        "m.author",
        "m.body",
        "m.created_at",
        "m.read_at",
        "m.is_feedback",
        "u.display_name",
      ])
      .where("m.case_id", "in", threadIds)
      .orderBy("m.created_at")
      .orderBy("m.id")
      .execute();
    const files = await db
      .selectFrom("speakup_attachments")
      .select(["id", "case_id", "message_id", "meta", "size", "created_at"])
      .where("case_id", "in", threadIds)
      .orderBy("created_at")
      .execute();
    const items = await db
      .selectFrom("speakup_case_items")
      .selectAll()
      .where("case_id", "=", id)
      .orderBy("created_at")
      .execute();
    const watch = await db
      .selectFrom("speakup_watch")
      .selectAll()
      .where("case_id", "=", id)
      .orderBy("due_on")
      .execute();
    const links = await db
      .selectFrom("speakup_case_links as l")
      .innerJoin("speakup_cases as o", "o.id", "l.other_id")
      .select(["o.id", "o.number", "o.status"])
      .where("l.case_id", "=", id)
      .execute();
    const assignee = c.assignee_user_id
      ? await db
          .selectFrom("users")
          .select(["id", "display_name"])
          .where("id", "=", c.assignee_user_id)
          .executeTakeFirst()
      : undefined;
    const entity = c.legal_entity_id
      ? await db
          .selectFrom("legal_entities")
          .select(["id", "name"])
          .where("id", "=", c.legal_entity_id)
          .executeTakeFirst()
      : undefined;
    await record(tx, "case.view", { type: "speakup_case", id });
    const canAct = c.merged_into_id === null;
    const now = isoNow(tx.clock);
    return {
      ...caseRecord(c, now),
      assignee: assignee ? { id: assignee.id, name: assignee.display_name } : null,
      legalEntity: entity ?? null,
      purgedAt: null,
      content,
      reporter: identity,
      people,
      messages: messages.map((m) => ({
        id: m.id,
        author: m.author,
        authorName: m.author === "reporter" ? "Reporter" : (m.display_name ?? "Probity"),
        body: openJson<string>(keyOf(m.case_id), `message:${m.id}`, m.body),
        createdAt: m.created_at,
        readByReporterAt: m.author === "reporter" ? null : m.read_at,
        isFeedback: m.is_feedback === 1,
        /** Whose mailbox the message is in: this case's reporter or a merged report's. */
        caseId: m.case_id,
        caseNumber: numbers.get(m.case_id) ?? c.number,
      })),
      attachments: files.map((f) => ({
        id: f.id,
        messageId: f.message_id,
        size: f.size,
        createdAt: f.created_at,
        caseId: f.case_id,
        ...openJson<AttachmentMeta>(keyOf(f.case_id), `attachment-meta:${f.id}`, f.meta),
      })),
      /** Every reporter a message can go to, with their own clocks (art. 9(1)(b) and (f)). */
      reporters: threads.map((t) => ({
        caseId: t.id,
        number: t.number,
        isThisCase: t.id === c.id,
        hasMailbox: hasMailbox(t),
        identityMode: t.identity_mode,
        feedbackGivenAt: t.feedback_given_at,
        clocks: clocksOf(t, now),
      })),
      items: items.map((i) => ({
        id: i.id,
        kind: i.kind,
        status: i.status,
        dueOn: i.due_on,
        createdAt: i.created_at,
        ...openJson<{ title: string; text: string }>(key, `item:${i.id}`, i.body),
      })),
      watch: watch.map((w) => ({
        id: w.id,
        kind: w.kind,
        dueOn: w.due_on,
        status: w.status,
        detail: w.detail ? openJson<string>(key, `watch:${w.id}`, w.detail) : null,
      })),
      links,
      can: {
        transitionTo: canAct ? [...nextSteps(c)] : [],
        acknowledge: canAct && c.status === "new",
        message: canAct,
        assign: canAct && hasPermission(tx.actor, "speakup.assign"),
        addItem: canAct,
        people: canAct,
        merge: canAct && c.status !== "closed",
      },
    };
  });
}

/** What every view of a case shows, purged or not: the tombstone's fields. */
function caseRecord(c: SpeakupCasesTable, now: string) {
  return {
    id: c.id,
    number: c.number,
    status: c.status,
    outcome: c.outcome,
    remediation: JSON.parse(c.remediation) as Remediation[],
    category: c.category,
    categoryLabel: categoryLabel(c.category),
    channel: c.channel,
    channelLabel: CHANNEL_LABELS[c.channel],
    identityMode: c.identity_mode,
    team: c.team,
    teamLabel: TEAM_LABELS[c.team],
    routingReason: c.routing_reason,
    receivedAt: c.received_at,
    acknowledgedAt: c.acknowledged_at,
    ackDueAt: c.ack_due_at,
    feedbackDueAt: c.feedback_due_at,
    feedbackGivenAt: c.feedback_given_at,
    closedAt: c.closed_at,
    mergedIntoId: c.merged_into_id,
    needsHandlerSince: c.needs_handler_since,
    overdue: overdueOf(c, now),
    clocks: clocksOf(c, now),
  };
}

/**
 * A case purged under the retention policy (COC-15.1): its record only, nothing to decrypt and
 * nothing to do. Viewing it is audited like any other case.
 */
async function purgedCase(ctx: Ctx, c: SpeakupCasesTable): Promise<CaseView> {
  await record(ctx, "case.view", { type: "speakup_case", id: c.id });
  return {
    ...caseRecord(c, isoNow(ctx.clock)),
    assignee: null,
    legalEntity: null,
    purgedAt: c.purged_at,
    content: null,
    reporter: null,
    people: [],
    messages: [],
    attachments: [],
    reporters: [],
    items: [],
    watch: [],
    links: [],
    can: {
      transitionTo: [],
      acknowledge: false,
      message: false,
      assign: false,
      addItem: false,
      people: false,
      merge: false,
    },
  };
}

import { record } from "../../kernel/audit.ts";
import { isoDate, isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict, forbidden, notFound } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { closeTasks } from "../../kernel/tasks.ts";
import { discDb, todayOf } from "./db.ts";
import { isUnderHold } from "./is-under-hold.ts";
import { authorize, can } from "./policy.ts";
import { boycottInput, boycottReviewInput, quarterParams } from "./schemas.ts";
import { mailTo, nextNumber, openTask, parseInput, signedIn, supervisorOf, usersWith } from "./support.ts";
import type { BoycottRequestsTable } from "./tables.ts";
import type { BoycottList, BoycottReportView, BoycottView } from "./views.ts";

export const boycottHref = (id: string) => `/disclosures/boycotts/${id}`;
/** COC-8.1 records are kept five years. */
export const BOYCOTT_RETENTION_YEARS = 5;

export const quarterOf = (date: string) => {
  const year = Number(date.slice(0, 4));
  const quarter = Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
  return { year, quarter, label: `${year}-Q${quarter}` };
};

/** The report is due at the end of the month after the quarter (e.g. 30 April for Q1). */
export function reportDueOn(year: number, quarter: number): string {
  const lastDay = new Date(Date.UTC(year, quarter * 3 + 1, 0));
  return isoDate(lastDay);
}

export function retainUntil(receivedOn: string): string {
  const d = new Date(`${receivedOn}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + BOYCOTT_RETENTION_YEARS);
  return isoDate(d);
}

const toBoycott = (ctx: Ctx, b: BoycottRequestsTable) => ({
  id: b.id,
  number: b.number,
  reportedBy: b.reported_by_label,
  receivedOn: b.received_on,
  requester: b.requester,
  country: b.country,
  documentType: b.document_type,
  documentRef: b.document_ref,
  requestText: b.request_text,
  isReportable: b.is_reportable === 1,
  reportableNote: b.reportable_note,
  quarter: b.quarter,
  reportDueOn: b.report_due_on,
  retainUntil: b.retain_until,
  reviewedBy: b.reviewed_by_label,
  reviewedAt: b.reviewed_at,
  can: { review: can(ctx.actor, "boycott.review") },
});

/**
 * Logs a boycott-related request (COC-8.1, Code section 8): reportable to the U.S. Government
 * unless Legal decides otherwise; the supervisor and Legal are told; kept five years.
 */
export async function logBoycottRequest(ctx: Ctx, raw: unknown): Promise<BoycottView> {
  const me = signedIn(ctx, "log a boycott request");
  const input = parseInput(boycottInput, raw);
  return withTransaction(ctx, async (tx) => {
    const id = newId();
    const now = isoNow(tx.clock);
    const number = await nextNumber(tx, "boycott_requests", "BOY");
    const q = quarterOf(input.receivedOn);
    await discDb(tx)
      .insertInto("boycott_requests")
      .values({
        id,
        number,
        reported_by_user_id: me.userId,
        reported_by_person_id: me.personId,
        reported_by_label: me.label,
        received_on: input.receivedOn,
        requester: input.requester,
        country: input.country ?? null,
        document_type: input.documentType,
        document_ref: input.documentRef ?? null,
        request_text: input.requestText,
        is_reportable: 1,
        reportable_note: null,
        quarter: q.label,
        report_due_on: reportDueOn(q.year, q.quarter),
        retain_until: retainUntil(input.receivedOn),
        reviewed_by_label: null,
        reviewed_at: null,
        created_at: now,
      })
      .execute();
    const supervisor = me.personId ? await supervisorOf(tx, me.personId) : null;
    const reviewers = await usersWith(tx, "boycott.manage");
    const text = `${me.label} received a boycott-related request from ${input.requester} (${input.documentType.replace("_", " ")}) on ${input.receivedOn}. It is reportable to the U.S. Government in the ${q.label} report due ${reportDueOn(q.year, q.quarter)} (COC-8.1).`;
    await mailTo(
      tx,
      [...(supervisor?.user ? [supervisor.user] : []), ...reviewers],
      `Boycott request ${number}`,
      text,
    );
    for (const u of reviewers)
      await openTask(tx, {
        userId: u.userId,
        kind: "disclosures.boycott.review",
        title: `Review boycott request ${number} for the ${q.label} report (COC-8.1)`,
        href: boycottHref(id),
        dueAt: `${reportDueOn(q.year, q.quarter)}T23:59:59.000Z`,
      });
    await record(tx, "boycott.log", { type: "boycott_request", id }, { number, quarter: q.label });
    return toBoycott(tx, await boycottRow(tx, id));
  });
}

async function boycottRow(ctx: Ctx, id: string) {
  const b = await discDb(ctx)
    .selectFrom("boycott_requests")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!b) throw notFound("The boycott request");
  return b;
}

export async function reviewBoycottRequest(
  ctx: Ctx,
  id: string,
  raw: { isReportable: boolean; note?: string | null },
): Promise<BoycottView> {
  authorize(ctx.actor, "boycott.review");
  const input = parseInput(boycottReviewInput, raw);
  return withTransaction(ctx, async (tx) => {
    await boycottRow(tx, id);
    if (!input.isReportable && !input.note)
      throw conflict("Say why the request is not reportable (COC-8.1).");
    const now = isoNow(tx.clock);
    await discDb(tx)
      .updateTable("boycott_requests")
      .set({
        is_reportable: input.isReportable ? 1 : 0,
        reportable_note: input.note ?? null,
        reviewed_by_label: ctx.actor.label,
        reviewed_at: now,
      })
      .where("id", "=", id)
      .execute();
    await closeTasks(tx, { href: boycottHref(id) }, now);
    await record(tx, "boycott.review", { type: "boycott_request", id }, input);
    return toBoycott(tx, await boycottRow(tx, id));
  });
}

export async function listBoycottRequests(ctx: Ctx): Promise<BoycottList> {
  const a = ctx.actor;
  if (a.kind !== "user") throw forbidden("Sign in to see boycott requests.");
  let q = discDb(ctx).selectFrom("boycott_requests").selectAll().orderBy("received_on", "desc").limit(500);
  const manager = can(a, "boycott.register");
  if (!manager) q = q.where("reported_by_user_id", "=", a.userId);
  return {
    items: (await q.execute()).map((b) => toBoycott(ctx, b)),
    can: { manage: manager },
  };
}

/** The quarterly report data: the reportable requests received in the quarter and the due date (COC-8.1). */
export async function quarterlyBoycottReport(
  ctx: Ctx,
  raw: { year: number | string; quarter: number | string },
): Promise<BoycottReportView> {
  authorize(ctx.actor, "boycott.report");
  const { year, quarter } = parseInput(quarterParams, raw);
  const label = `${year}-Q${quarter}`;
  const rows = await discDb(ctx)
    .selectFrom("boycott_requests")
    .selectAll()
    .where("quarter", "=", label)
    .orderBy("received_on")
    .execute();
  const dueOn = reportDueOn(year, quarter);
  return {
    quarter: label,
    dueOn,
    isOverdue: todayOf(ctx) > dueOn,
    reportable: rows.filter((r) => r.is_reportable === 1).map((b) => toBoycott(ctx, b)),
    notReportable: rows.filter((r) => r.is_reportable === 0).map((b) => toBoycott(ctx, b)),
  };
}

/**
 * Retention for boycott records: deletes those past their five years (COC-8.1) unless a legal hold
 * covers the person who logged them (COC-15.1). The `disclosures.retention` job.
 */
export async function purgeExpiredBoycottRecords(ctx: Ctx): Promise<{ deleted: number; heldBack: number }> {
  return withTransaction(ctx, async (tx) => {
    const expired = await discDb(tx)
      .selectFrom("boycott_requests")
      .select(["id", "number", "reported_by_person_id"])
      .where("retain_until", "<", todayOf(tx))
      .execute();
    let deleted = 0;
    let heldBack = 0;
    for (const b of expired) {
      if (b.reported_by_person_id && (await isUnderHold(tx, { personId: b.reported_by_person_id }))) {
        heldBack += 1;
        continue;
      }
      await discDb(tx).deleteFrom("boycott_requests").where("id", "=", b.id).execute();
      await record(tx, "boycott.purge", { type: "boycott_request", id: b.id }, { number: b.number });
      deleted += 1;
    }
    return { deleted, heldBack };
  });
}

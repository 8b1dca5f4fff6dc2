import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { isUnderHold } from "../../kernel/holds.ts";
import type { JobDefinition } from "../../kernel/jobs.ts";
import type { CasePerson, ReportContent, ReporterIdentity } from "./content.ts";
import { speakupDb } from "./db.ts";
import { openCaseKey, openJson } from "./sealing.ts";
import { getSpeakupSettings } from "./settings.ts";

/** Cases read per page (each is purged in its own transaction when the caller has none). */
const PAGE_SIZE = 200;

export type RetentionResult = { purged: number; heldBack: number };

/** The instant `years` calendar years before `now` (29 February falls back to 28 February). */
export function yearsBefore(now: Date, years: number): string {
  const d = new Date(now.getTime());
  d.setUTCFullYear(d.getUTCFullYear() - years);
  if (d.getUTCMonth() !== now.getUTCMonth()) d.setUTCDate(0);
  return d.toISOString();
}

/**
 * Retention of speak-up cases (COC-15.1): a case closed longer ago than the retention period has
 * its sealed content, files, messages, handlers' notes and the reporter's contact destroyed (its
 * data key too), keeping a tombstone row (number, category, channel, dates, outcome) so that the
 * statistics still add up. A case that an active legal hold covers, directly or through a person
 * it names, is kept until the hold is released. Acts as the system; audits without case content.
 */
export async function purgeExpiredCases(
  ctx: Ctx,
  options: { pageSize?: number } = {},
): Promise<RetentionResult> {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const settings = await getSpeakupSettings(ctx);
  const cutoff = yearsBefore(ctx.clock.now(), settings.retentionYearsAfterClosure);
  const result: RetentionResult = { purged: 0, heldBack: 0 };
  // Keyset pages over (closed_at, id), so cases held back year after year never crowd out the rest.
  let after: { closedAt: string; id: string } | null = null;
  for (;;) {
    const page = await duePage(ctx, cutoff, after, pageSize);
    for (const c of page) {
      const outcome = await withTransaction(ctx, (tx) =>
        purgeCase(tx, c.id, cutoff, settings.retentionYearsAfterClosure),
      );
      if (outcome === "purged") result.purged += 1;
      if (outcome === "held") result.heldBack += 1;
    }
    const last = page.at(-1);
    if (!last || page.length < pageSize) break;
    after = { closedAt: last.closed_at!, id: last.id };
  }
  return result;
}

/** Closed cases past the cut-off; one merged into another goes only when that one is due too. */
function duePage(ctx: Ctx, cutoff: string, after: { closedAt: string; id: string } | null, pageSize: number) {
  let q = speakupDb(ctx)
    .selectFrom("speakup_cases as c")
    .leftJoin("speakup_cases as m", "m.id", "c.merged_into_id")
    .select(["c.id", "c.closed_at"])
    .where("c.status", "=", "closed")
    .where("c.purged_at", "is", null)
    .where("c.closed_at", "<", cutoff)
    .where((eb) =>
      eb.or([
        eb("c.merged_into_id", "is", null),
        eb.and([eb("m.status", "=", "closed"), eb("m.closed_at", "<", cutoff)]),
      ]),
    );
  if (after) {
    const { closedAt, id } = after;
    q = q.where((eb) =>
      eb.or([
        eb("c.closed_at", ">", closedAt),
        eb.and([eb("c.closed_at", "=", closedAt), eb("c.id", ">", id)]),
      ]),
    );
  }
  return q.orderBy("c.closed_at").orderBy("c.id").limit(pageSize).execute();
}

async function purgeCase(
  ctx: Ctx,
  id: string,
  cutoff: string,
  years: number,
): Promise<"purged" | "held" | "skipped"> {
  const db = speakupDb(ctx);
  const c = await db
    .selectFrom("speakup_cases")
    .selectAll()
    .where("id", "=", id)
    .where("status", "=", "closed")
    .where("purged_at", "is", null)
    .where("closed_at", "<", cutoff)
    .executeTakeFirst();
  // Reopened or purged since the batch was read.
  if (!c) return "skipped";
  if (await isHeld(ctx, c)) {
    if (!c.retention_held_at) {
      await db
        .updateTable("speakup_cases")
        .set({ retention_held_at: isoNow(ctx.clock) })
        .where("id", "=", id)
        .execute();
      // Names the case only: not the hold, not who in the case is a custodian.
      await record(
        ctx,
        "speakup.retention.hold",
        { type: "speakup_case", id },
        { number: c.number, closedAt: c.closed_at, retentionYears: years, rule: "COC-15.1" },
      );
    }
    return "held";
  }
  const counts = {
    messages: await countOf(ctx, "speakup_messages", id),
    attachments: await countOf(ctx, "speakup_attachments", id),
    items: await countOf(ctx, "speakup_case_items", id),
  };
  await db.deleteFrom("speakup_attachments").where("case_id", "=", id).execute();
  await db.deleteFrom("speakup_messages").where("case_id", "=", id).execute();
  await db.deleteFrom("speakup_case_items").where("case_id", "=", id).execute();
  await db.deleteFrom("speakup_watch").where("case_id", "=", id).execute();
  await db.deleteFrom("speakup_mailbox_sessions").where("case_id", "=", id).execute();
  await db.deleteFrom("speakup_case_people").where("case_id", "=", id).execute();
  const now = isoNow(ctx.clock);
  await db
    .updateTable("speakup_cases")
    .set({
      data_key: "",
      content: "",
      people: "",
      reporter_identity: null,
      receipt_hash: null,
      password_hash: null,
      setup_code_hash: null,
      setup_code_expires_at: null,
      idempotency_hash: null,
      retry_receipt: null,
      purged_at: now,
      retention_held_at: null,
      updated_at: now,
    })
    .where("id", "=", id)
    .execute();
  await record(
    ctx,
    "speakup.retention.purge",
    { type: "speakup_case", id },
    { number: c.number, closedAt: c.closed_at, retentionYears: years, ...counts, rule: "COC-15.1" },
  );
  return "purged";
}

async function countOf(
  ctx: Ctx,
  table: "speakup_messages" | "speakup_attachments" | "speakup_case_items",
  caseId: string,
): Promise<number> {
  const row = await speakupDb(ctx)
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("case_id", "=", caseId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Whether an active legal hold covers the case, the case it was merged into, or anyone in it: the
 * people named, witnesses, the conflicted and an identified reporter (read from the sealed fields;
 * the table keeps only keyed hashes of them).
 */
async function isHeld(
  ctx: Ctx,
  c: {
    id: string;
    merged_into_id: string | null;
    data_key: string;
    content: string;
    people: string;
    reporter_identity: string | null;
  },
): Promise<boolean> {
  if (await isUnderHold(ctx, { caseId: c.id })) return true;
  if (c.merged_into_id && (await isUnderHold(ctx, { caseId: c.merged_into_id }))) return true;
  const key = openCaseKey(ctx, c.id, c.data_key);
  const content = openJson<ReportContent>(key, "content", c.content);
  const people = openJson<CasePerson[]>(key, "people", c.people);
  const identity = c.reporter_identity
    ? openJson<ReporterIdentity>(key, "identity", c.reporter_identity)
    : null;
  const personIds = new Set<string>();
  for (const p of content.involved) if (p.personId) personIds.add(p.personId);
  for (const p of people) if (p.personId) personIds.add(p.personId);
  if (identity?.personId) personIds.add(identity.personId);
  const userIds = people.map((p) => p.userId).filter((u): u is string => Boolean(u));
  if (userIds.length) {
    const users = await speakupDb(ctx)
      .selectFrom("users")
      .select("person_id")
      .where("id", "in", userIds)
      .execute();
    for (const u of users) if (u.person_id) personIds.add(u.person_id);
  }
  for (const personId of personIds) if (await isUnderHold(ctx, { personId })) return true;
  return false;
}

/** Daily: speak-up retention (COC-15.1). */
export const retentionJob: JobDefinition = {
  async run(ctx) {
    await purgeExpiredCases(ctx);
  },
};

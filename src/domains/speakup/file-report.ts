import { record } from "../../kernel/audit.ts";
import { addCalendarDays } from "../../kernel/calendar.ts";
import { hourClock, isoDate } from "../../kernel/clock.ts";
import { type Ctx, hasPermission, withTransaction } from "../../kernel/context.ts";
import { isUniqueViolation } from "../../kernel/db.ts";
import { AppError, forbidden, invalid } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { checkAttachments, type IncomingFile, storeAttachments } from "./attachments.ts";
import type { CasePerson, ReportContent, ReporterIdentity } from "./content.ts";
import { speakupDb } from "./db.ts";
import { ensureHandler } from "./escalate-case.ts";
import { findNamedPeople, type NamedMatch } from "./named-people.ts";
import { notifyCase } from "./notify.ts";
import {
  formatReceipt,
  hashReceipt,
  hashReporterPassword,
  hashSetupCode,
  idempotencyHash,
  newReceipt,
  newSetupCode,
  openReceiptForRetry,
  SETUP_CODE_DAYS,
  sealReceiptForRetry,
} from "./receipts.ts";
import { routeReport } from "./routing.ts";
import type { ParsedReportInput } from "./schemas.ts";
import { newCaseKey, personRef, sealJson } from "./sealing.ts";
import { getSpeakupSettings } from "./settings.ts";
import type { CasePersonRole } from "./tables.ts";
import type { FiledReportView } from "./views.ts";
import {
  type Category,
  type Channel,
  categoryLabel,
  isOwnReport,
  isPhoneChannel,
  TEAM_LABELS,
  type Team,
} from "./vocabulary.ts";

/** The receipt, shown once; a phone report's one-time code is read to the caller with it (else null). */
export type FiledReport = FiledReportView;

/** Who may file through which channel: the public on the web, operators by phone, Legal by letter. */
function checkChannel(ctx: Ctx, channel: Channel): void {
  const a = ctx.actor;
  if (channel === "web") return;
  if (a.kind !== "user" && a.kind !== "system")
    throw forbidden("Only the web channel is open without signing in.");
  if (channel === "certificate" && (a.kind !== "user" || !a.personId))
    throw forbidden("Only the person signing a Certificate of Compliance files a report from it (COC-23.2).");
  if (
    (channel === "phone_domestic" || channel === "phone_international") &&
    !hasPermission(a, "speakup.intake_phone")
  ) {
    throw forbidden("Only hotline operators file phone reports (COC-21.1).");
  }
  if (channel === "letter" && !hasPermission(a, "speakup.intake_letter")) {
    throw forbidden("Only the Legal Department files letters to the General Counsel (COC-0.3).");
  }
}

/**
 * Files a report from any channel (COC-21.1, SOC-5): seals its content and the reporter's
 * identity under a new data key, routes it (SOC-4), and issues the receipt that, with the
 * reporter's password, opens the anonymous mailbox. A retried submission with the same
 * idempotency key files nothing new and returns the same receipt.
 */
export async function fileReport(
  ctx: Ctx,
  input: ParsedReportInput & { files?: IncomingFile[] },
): Promise<FiledReport> {
  checkChannel(ctx, input.channel);
  const files = [
    ...(input.files ?? []),
    ...input.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      bytes: Buffer.from(a.base64, "base64"),
    })),
  ];
  checkAttachments(files);
  const idemHash = idempotencyHash(input.idempotencyKey);
  const db = speakupDb(ctx);
  const earlier = await db
    .selectFrom("speakup_cases")
    .select(["id", "number", "retry_receipt"])
    .where("idempotency_hash", "=", idemHash)
    .executeTakeFirst();
  if (earlier) return retried(input.idempotencyKey, earlier);

  if (input.legalEntityId) {
    const entity = await db
      .selectFrom("legal_entities")
      .select("id")
      .where("id", "=", input.legalEntityId)
      .executeTakeFirst();
    if (!entity)
      throw invalid("The legal entity is not known.", [
        { path: "legalEntityId", message: "is not a known legal entity" },
      ]);
  }
  const internalReporter =
    isOwnReport(input.channel) && ctx.actor.kind === "user" ? ctx.actor.personId : null;
  const identity: ReporterIdentity | null =
    input.identityMode === "anonymous"
      ? null
      : {
          name: input.identity?.name ?? null,
          email: input.identity?.email ?? null,
          phone: input.identity?.phone ?? null,
          personId: internalReporter ?? (await findReporter(ctx, input.identity?.email ?? null)),
        };

  const settings = await getSpeakupSettings(ctx);
  const receipt = newReceipt();
  // A hotline operator never chooses the caller's password: the caller sets it on the first
  // mailbox visit with a one-time code, so nobody but the caller knows both receipt and password.
  const setupCode = isPhoneChannel(input.channel) ? newSetupCode() : null;
  if (!setupCode && input.password === undefined)
    throw invalid("Choose a password of at least 8 characters.", [
      { path: "password", message: "is required" },
    ]);
  const [receiptHash, passwordHash, setupCodeHash] = await Promise.all([
    hashReceipt(ctx, receipt),
    input.password !== undefined && !setupCode ? hashReporterPassword(input.password) : null,
    setupCode ? hashSetupCode(setupCode) : null,
  ]);

  // A report from the portal or an employee's own report: every row it writes (the case, its
  // files, tasks, outbox mail, jobs and the audit event) carries the hour, not the moment, so
  // nothing links it by time to a staff session, a log line or another row (COC-22.2). The audit
  // chain does not need exact times: its order is `seq`, and the event is hashed with the time
  // it stores. The seq still places the event among others, which is why public routes write
  // nothing else (they never read or touch a staff session: RouteAccess.anonymous).
  const coarse = input.channel === "web" || isOwnReport(input.channel);
  const filingCtx = coarse ? { ...ctx, clock: hourClock(ctx.clock) } : ctx;
  for (let attempt = 1; ; attempt++) {
    try {
      return await withTransaction(filingCtx, async (tx) => {
        const tdb = speakupDb(tx);
        const id = newId();
        const { caseKey, wrapped } = newCaseKey(tx, id);
        const now = tx.clock.now();
        const today = isoDate(now);
        const content: ReportContent = {
          summary: input.summary,
          details: input.details,
          occurredOn: input.occurredOn ?? null,
          country: input.country ?? null,
          site: input.site ?? null,
          legalEntityId: input.legalEntityId ?? null,
          involved: input.involved.map((p) => ({ name: p.name, personId: p.personId ?? null })),
          involvesSeniorManagement: input.involvesSeniorManagement,
          howKnown: input.howKnown ?? null,
        };
        // Who the report names, and so where it goes, is decided in the filing's own transaction,
        // before any handler can see the case (COC-22.2, SOC-4).
        const named = await findNamedPeople(tx, {
          involved: input.involved.filter((p) => !p.personId).map((p) => p.name),
          texts: [input.summary, input.details, input.howKnown, input.site],
          pickedIds: input.involved.map((p) => p.personId).filter((pid): pid is string => Boolean(pid)),
        });
        const route = await routeReport(tx, settings, {
          category: input.category,
          namedPersonIds: named.matches.flatMap((m) => (m.personId ? [m.personId] : [])),
          namedUserIds: named.matches.flatMap((m) => (m.userId ? [m.userId] : [])),
          reporterSaysSenior: input.involvesSeniorManagement,
          namesSeniorOffice: named.namesSeniorOffice,
          isUncertain: named.isUncertain,
        });
        const number = await nextCaseNumber(tx, now.getUTCFullYear());
        await tdb
          .insertInto("speakup_cases")
          .values({
            id,
            number,
            channel: input.channel,
            category: input.category,
            identity_mode: input.identityMode,
            status: "new",
            outcome: null,
            remediation: "[]",
            team: route.team,
            assignee_user_id: null,
            routing_reason: route.reason,
            country: input.country ?? null,
            legal_entity_id: input.legalEntityId ?? null,
            data_key: wrapped,
            content: sealJson(caseKey, "content", content),
            reporter_identity: identity ? sealJson(caseKey, "identity", identity) : null,
            people: sealJson(caseKey, "people", describeNamed(named.matches)),
            receipt_hash: receiptHash,
            password_hash: passwordHash,
            setup_code_hash: setupCodeHash,
            setup_code_expires_at: setupCode
              ? new Date(now.getTime() + SETUP_CODE_DAYS * 86_400_000).toISOString()
              : null,
            idempotency_hash: idemHash,
            retry_receipt: sealReceiptForRetry(
              input.idempotencyKey,
              setupCode ? `${receipt}:${setupCode}` : receipt,
            ),
            // Who filed is kept only for operators and Legal filing for someone else; an employee's
            // own report must not name them outside the sealed identity (COC-22.2).
            filed_by_user_id:
              ctx.actor.kind === "user" && !isOwnReport(input.channel) ? ctx.actor.userId : null,
            merged_into_id: null,
            received_at: now.toISOString(),
            acknowledged_at: null,
            ack_due_at: `${addCalendarDays(today, settings.acknowledgeWithinDays)}T23:59:59.999Z`,
            feedback_due_at: `${addCalendarDays(today, settings.feedbackWithinDays)}T23:59:59.999Z`,
            feedback_given_at: null,
            closed_at: null,
            updated_at: now.toISOString(),
            purged_at: null,
            retention_held_at: null,
            needs_handler_since: null,
          })
          .execute();
        const people: { ref: string; role: CasePersonRole }[] = named.matches.flatMap((m) => {
          const role: CasePersonRole = m.certainty === "certain" ? "named" : "probable";
          return [
            ...(m.personId ? [{ ref: personRef(tx, m.personId), role }] : []),
            ...(m.userId ? [{ ref: personRef(tx, m.userId, "user"), role }] : []),
          ];
        });
        if (identity?.personId) people.push({ ref: personRef(tx, identity.personId), role: "reporter" });
        if (people.length) {
          await tdb
            .insertInto("speakup_case_people")
            .values(people.map((p) => ({ case_id: id, person_ref: p.ref, role: p.role })))
            .onConflict((oc) => oc.doNothing())
            .execute();
        }
        // The audit event names the case, never its content or the reporter.
        // The audit log is read by people who are not case handlers: an employee's own report is
        // recorded without naming them (their identity is sealed in the case).
        const auditCtx = isOwnReport(input.channel)
          ? {
              ...tx,
              actor: { kind: "anonymous" as const, label: "reporter (identity sealed in the case)" },
            }
          : tx;
        // Only now that everyone it names is kept away: who may handle it, escalating if nobody may.
        const handling = await ensureHandler(auditCtx, id, { assignLead: true });
        await storeAttachments(tx, caseKey, files, null);
        if (identity?.personId) {
          // Retaliation watch (COC-21.2): check in with an identified reporter.
          for (const days of settings.checkInDays) {
            await tdb
              .insertInto("speakup_watch")
              .values({
                id: newId(),
                case_id: id,
                kind: "checkin",
                due_on: addCalendarDays(today, days),
                detail: null,
                status: "open",
                created_at: now.toISOString(),
                resolved_at: null,
              })
              .execute();
          }
        }
        await record(
          auditCtx,
          "speakup.report.file",
          { type: "speakup_case", id },
          {
            number,
            channel: input.channel,
            category: input.category,
            team: handling.team,
            routing: route.reason,
            attachments: files.length,
          },
        );
        await notifyHandlers(tx, {
          id,
          number,
          category: input.category,
          team: handling.team,
          assigneeUserId: handling.assigneeUserId,
        });
        return {
          caseId: id,
          number,
          receipt: formatReceipt(receipt),
          setupCode: setupCode ? formatReceipt(setupCode) : null,
          retried: false,
        };
      });
    } catch (error) {
      // Inside the caller's transaction (a certificate's violation answer) nothing can be retried:
      // the failure rolls the whole submission back, and PostgreSQL refuses further queries anyway.
      if (ctx.db.isTransaction) throw error;
      // Two identical submissions racing: the loser returns the winner's receipt.
      const winner = await db
        .selectFrom("speakup_cases")
        .select(["id", "number", "retry_receipt"])
        .where("idempotency_hash", "=", idemHash)
        .executeTakeFirst();
      if (winner) return retried(input.idempotencyKey, winner);
      // Two reports racing for the same case number (PostgreSQL): take the next one.
      if (isUniqueViolation(error) && attempt < 5) continue;
      throw error;
    }
  }
}

function retried(
  idempotencyKey: string,
  row: { id: string; number: string; retry_receipt: string | null },
): FiledReport {
  if (!row.retry_receipt) {
    throw new AppError("CONFLICT", "This report was already filed; its receipt was shown when it was filed.");
  }
  const [receipt = "", setupCode] = openReceiptForRetry(idempotencyKey, row.retry_receipt).split(":");
  return {
    caseId: row.id,
    number: row.number,
    receipt: formatReceipt(receipt),
    setupCode: setupCode ? formatReceipt(setupCode) : null,
    retried: true,
  };
}

function describeNamed(matches: readonly NamedMatch[]): CasePerson[] {
  return matches.map((m) => ({
    personId: m.personId,
    userId: m.userId,
    name: `${m.name}${m.title ? `, ${m.title}` : ""}`,
    role: m.certainty === "certain" ? "named" : "probable",
    how: m.how,
  }));
}

async function findReporter(ctx: Ctx, email: string | null): Promise<string | null> {
  if (!email) return null;
  const person = await speakupDb(ctx)
    .selectFrom("persons")
    .select("id")
    .where("email", "=", email.toLowerCase())
    .executeTakeFirst();
  return person?.id ?? null;
}

/** SU-2026-00001, … : an atomic counter per year (the row is locked until the report commits). */
async function nextCaseNumber(ctx: Ctx, year: number): Promise<string> {
  const row = await speakupDb(ctx)
    .insertInto("speakup_counters")
    .values({ year, last: 1 })
    .onConflict((oc) =>
      oc.column("year").doUpdateSet((eb) => ({ last: eb("speakup_counters.last", "+", 1) })),
    )
    .returning("last")
    .executeTakeFirstOrThrow();
  return `SU-${year}-${String(row.last).padStart(5, "0")}`;
}

/** Tells the handlers a report arrived: the number and category only, never the content. */
async function notifyHandlers(
  ctx: Ctx,
  c: { id: string; number: string; category: Category; team: Team; assigneeUserId: string | null },
) {
  await notifyCase(
    ctx,
    { id: c.id, number: c.number, team: c.team, assignee_user_id: c.assigneeUserId },
    {
      kind: "speakup.acknowledge",
      title: `Acknowledge report ${c.number} (${categoryLabel(c.category)})`,
      mail: {
        subject: `New speak-up report ${c.number}`,
        text: `A new report (${c.number}, ${categoryLabel(c.category)}) was routed to the ${TEAM_LABELS[c.team]}.\nOpen it in Probity to acknowledge it within the deadline. The report's content is shown only in the application.`,
      },
    },
  );
}

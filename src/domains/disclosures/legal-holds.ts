import { sql } from "kysely";
import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, hasPermission, withTransaction } from "../../kernel/context.ts";
import { conflict, forbidden, invalid, notFound } from "../../kernel/errors.ts";
import { registerHoldCheck } from "../../kernel/holds.ts";
import { newId } from "../../kernel/ids.ts";
import { discDb } from "./db.ts";
import { custodiansInput, type HoldInput, holdInput, releaseInput } from "./schemas.ts";
import { closeTasks, mailTo, nextNumber, openTask, parseInput, signedIn, userOfPerson } from "./support.ts";

export const holdHref = (id: string) => `/disclosures/holds/${id}`;
const DAY = 86_400_000;

function authorizeManage(ctx: Ctx) {
  if (!hasPermission(ctx.actor, "legal_hold.manage"))
    throw forbidden("Only the Legal Department issues and manages legal holds (COC-15.1, Code section 15).");
}

/**
 * True while an active legal hold covers the person (as a custodian) or the speak-up case: every
 * retention or deletion job must call this and skip what it covers (COC-15.1).
 */
export async function isUnderHold(
  ctx: Ctx,
  subject: { personId: string } | { caseId: string },
): Promise<boolean> {
  const db = discDb(ctx);
  if ("personId" in subject) {
    const row = await db
      .selectFrom("legal_hold_custodians as c")
      .innerJoin("legal_holds as h", "h.id", "c.hold_id")
      .select("h.id")
      .where("c.person_id", "=", subject.personId)
      .where("h.status", "=", "active")
      .executeTakeFirst();
    return Boolean(row);
  }
  const row = await db
    .selectFrom("legal_hold_cases as c")
    .innerJoin("legal_holds as h", "h.id", "c.hold_id")
    .select("h.id")
    .where("c.case_id", "=", subject.caseId)
    .where("h.status", "=", "active")
    .executeTakeFirst();
  return Boolean(row);
}

// Speak-up's retention asks the kernel, which asks this (speak-up cannot import disclosures: cycle).
registerHoldCheck(isUnderHold);

async function notice(
  ctx: Ctx,
  hold: { id: string; number: string; matter: string; scope: string },
  personId: string,
  renotice: boolean,
) {
  const user = await userOfPerson(ctx, personId);
  const person = await discDb(ctx)
    .selectFrom("persons")
    .select(["email", "first_name", "last_name"])
    .where("id", "=", personId)
    .executeTakeFirst();
  const text = `${renotice ? "This is a periodic re-notice of" : "You are a custodian under"} legal hold ${hold.number} (${hold.matter}).\n\nPreserve every record within this scope, paper and electronic, and do not delete, alter or discard any of it until the Legal Department releases the hold (COC-15.1, Code section 15):\n\n${hold.scope}\n\nAcknowledge this notice in Probity under My tasks.`;
  const to =
    user ??
    (person?.email
      ? { userId: "", email: person.email, name: `${person.first_name} ${person.last_name}` }
      : null);
  if (to)
    await mailTo(
      ctx,
      [to],
      `${renotice ? "Re-notice: " : ""}Legal hold ${hold.number}: preserve your records`,
      text,
    );
  if (user)
    await openTask(ctx, {
      userId: user.userId,
      kind: "disclosures.hold.acknowledge",
      title: `Acknowledge legal hold ${hold.number} (${hold.matter}): preserve your records (COC-15.1)`,
      href: holdHref(hold.id),
    });
  return user?.userId ?? null;
}

async function checkPeople(ctx: Ctx, ids: string[]) {
  const unique = [...new Set(ids)];
  const found = await discDb(ctx).selectFrom("persons").select("id").where("id", "in", unique).execute();
  const missing = unique.filter((id) => !found.some((f) => f.id === id));
  if (missing.length)
    throw invalid(`Custodians must be chosen from the directory; unknown: ${missing.join(", ")}.`, [
      { path: "custodianIds", message: "contains someone not in the directory" },
    ]);
  return unique;
}

async function checkCases(ctx: Ctx, ids: string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return unique;
  const found = await sql<{
    id: string;
  }>`select id from speakup_cases where id in (${sql.join(unique)})`.execute(ctx.db);
  const missing = unique.filter((id) => !found.rows.some((f) => f.id === id));
  if (missing.length)
    throw invalid(`Unknown speak-up cases: ${missing.join(", ")}.`, [
      { path: "caseIds", message: "contains an unknown case" },
    ]);
  return unique;
}

/** Legal issues a hold: matter, scope, custodians from the directory, covered speak-up cases (COC-15.1). */
export async function issueHold(ctx: Ctx, raw: HoldInput) {
  authorizeManage(ctx);
  const input = parseInput(holdInput, raw);
  return withTransaction(ctx, async (tx) => {
    const custodians = await checkPeople(tx, input.custodianIds);
    const cases = await checkCases(tx, input.caseIds);
    const id = newId();
    const now = isoNow(tx.clock);
    const number = await nextNumber(tx, "legal_holds", "LH");
    const hold = { id, number, matter: input.matter, scope: input.scope };
    await discDb(tx)
      .insertInto("legal_holds")
      .values({
        id,
        number,
        matter: input.matter,
        scope: input.scope,
        status: "active",
        reminder_days: input.reminderDays,
        renotice_days: input.renoticeDays,
        next_renotice_at: new Date(tx.clock.now().getTime() + input.renoticeDays * DAY).toISOString(),
        issued_by_label: ctx.actor.label,
        issued_at: now,
        released_by_label: null,
        released_at: null,
        release_note: null,
      })
      .execute();
    for (const personId of custodians) {
      const userId = await notice(tx, hold, personId, false);
      await discDb(tx)
        .insertInto("legal_hold_custodians")
        .values({
          hold_id: id,
          person_id: personId,
          user_id: userId,
          notified_at: now,
          acknowledged_at: null,
          last_reminded_at: null,
          reminders_sent: 0,
          notices_sent: 1,
        })
        .execute();
    }
    for (const caseId of cases)
      await discDb(tx).insertInto("legal_hold_cases").values({ hold_id: id, case_id: caseId }).execute();
    await record(
      tx,
      "legal_hold.issue",
      { type: "legal_hold", id },
      { number, custodians: custodians.length, cases: cases.length },
    );
    return getHold(tx, id);
  });
}

export async function addCustodians(ctx: Ctx, id: string, raw: { custodianIds: string[] }) {
  authorizeManage(ctx);
  const input = parseInput(custodiansInput, raw);
  return withTransaction(ctx, async (tx) => {
    const hold = await loadHold(tx, id);
    if (hold.status !== "active") throw conflict("The hold is released; issue a new one.");
    const ids = await checkPeople(tx, input.custodianIds);
    const existing = new Set(
      (
        await discDb(tx)
          .selectFrom("legal_hold_custodians")
          .select("person_id")
          .where("hold_id", "=", id)
          .execute()
      ).map((r) => r.person_id),
    );
    const now = isoNow(tx.clock);
    const added = ids.filter((p) => !existing.has(p));
    for (const personId of added) {
      const userId = await notice(tx, hold, personId, false);
      await discDb(tx)
        .insertInto("legal_hold_custodians")
        .values({
          hold_id: id,
          person_id: personId,
          user_id: userId,
          notified_at: now,
          acknowledged_at: null,
          last_reminded_at: null,
          reminders_sent: 0,
          notices_sent: 1,
        })
        .execute();
    }
    await record(tx, "legal_hold.custodians", { type: "legal_hold", id }, { added: added.length });
    return getHold(tx, id);
  });
}

/** A custodian acknowledges the notice (their own, for each notice and re-notice). */
export async function acknowledgeHold(ctx: Ctx, id: string) {
  const me = signedIn(ctx, "acknowledge a legal hold");
  return withTransaction(ctx, async (tx) => {
    const hold = await loadHold(tx, id);
    const mine = await discDb(tx)
      .selectFrom("legal_hold_custodians")
      .selectAll()
      .where("hold_id", "=", id)
      .where("person_id", "=", me.personId ?? "")
      .executeTakeFirst();
    if (!mine) throw forbidden("Only a custodian named in the hold acknowledges it.");
    if (hold.status !== "active") throw conflict("The hold is released; there is nothing to acknowledge.");
    if (mine.acknowledged_at) return getHold(tx, id);
    await discDb(tx)
      .updateTable("legal_hold_custodians")
      .set({ acknowledged_at: isoNow(tx.clock) })
      .where("hold_id", "=", id)
      .where("person_id", "=", mine.person_id)
      .execute();
    await closeTasks(tx, holdHref(id), { kinds: ["disclosures.hold.acknowledge"], userId: me.userId });
    await record(tx, "legal_hold.acknowledge", { type: "legal_hold", id }, { personId: mine.person_id });
    return getHold(tx, id);
  });
}

export async function releaseHold(ctx: Ctx, id: string, raw: { note: string }) {
  authorizeManage(ctx);
  const { note } = parseInput(releaseInput, raw);
  return withTransaction(ctx, async (tx) => {
    const hold = await loadHold(tx, id);
    if (hold.status !== "active") throw conflict("The hold is already released.");
    const now = isoNow(tx.clock);
    await discDb(tx)
      .updateTable("legal_holds")
      .set({ status: "released", released_at: now, released_by_label: ctx.actor.label, release_note: note })
      .where("id", "=", id)
      .execute();
    await closeTasks(tx, holdHref(id));
    const custodians = await discDb(tx)
      .selectFrom("legal_hold_custodians")
      .select("person_id")
      .where("hold_id", "=", id)
      .execute();
    for (const c of custodians) {
      const user = await userOfPerson(tx, c.person_id);
      if (user)
        await mailTo(
          tx,
          [user],
          `Legal hold ${hold.number} released`,
          `The Legal Department released legal hold ${hold.number} (${hold.matter}). Your records return to the normal retention policy (COC-15.1).`,
        );
    }
    await record(tx, "legal_hold.release", { type: "legal_hold", id }, { note });
    return getHold(tx, id);
  });
}

/**
 * The `disclosures.holds` job: reminds custodians who have not acknowledged, every
 * `reminder_days`, and sends the periodic re-notice (which must be acknowledged again).
 */
export async function remindCustodians(ctx: Ctx): Promise<{ reminded: number; renoticed: number }> {
  return withTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const nowIso = now.toISOString();
    const db = discDb(tx);
    let renoticed = 0;
    const due = await db
      .selectFrom("legal_holds")
      .selectAll()
      .where("status", "=", "active")
      .where("next_renotice_at", "<=", nowIso)
      .execute();
    for (const h of due) {
      const custodians = await db
        .selectFrom("legal_hold_custodians")
        .selectAll()
        .where("hold_id", "=", h.id)
        .execute();
      for (const c of custodians) {
        await notice(tx, h, c.person_id, true);
        await db
          .updateTable("legal_hold_custodians")
          .set({
            acknowledged_at: null,
            notified_at: nowIso,
            last_reminded_at: null,
            notices_sent: c.notices_sent + 1,
          })
          .where("hold_id", "=", h.id)
          .where("person_id", "=", c.person_id)
          .execute();
        renoticed += 1;
      }
      await db
        .updateTable("legal_holds")
        .set({ next_renotice_at: new Date(now.getTime() + h.renotice_days * DAY).toISOString() })
        .where("id", "=", h.id)
        .execute();
      await record(
        tx,
        "legal_hold.renotice",
        { type: "legal_hold", id: h.id },
        { custodians: custodians.length },
      );
    }
    const pending = await db
      .selectFrom("legal_hold_custodians as c")
      .innerJoin("legal_holds as h", "h.id", "c.hold_id")
      .select([
        "c.hold_id",
        "c.person_id",
        "c.notified_at",
        "c.last_reminded_at",
        "c.reminders_sent",
        "h.reminder_days",
        "h.number",
        "h.matter",
        "h.scope",
      ])
      .where("h.status", "=", "active")
      .where("c.acknowledged_at", "is", null)
      .execute();
    let reminded = 0;
    for (const c of pending) {
      const last = new Date(c.last_reminded_at ?? c.notified_at).getTime();
      if (now.getTime() - last < c.reminder_days * DAY) continue;
      const user = await userOfPerson(tx, c.person_id);
      if (user)
        await mailTo(
          tx,
          [user],
          `Reminder: acknowledge legal hold ${c.number}`,
          `You have not acknowledged legal hold ${c.number} (${c.matter}) yet. Preserve your records and acknowledge the notice in Probity (COC-15.1).`,
        );
      await db
        .updateTable("legal_hold_custodians")
        .set({ last_reminded_at: nowIso, reminders_sent: c.reminders_sent + 1 })
        .where("hold_id", "=", c.hold_id)
        .where("person_id", "=", c.person_id)
        .execute();
      reminded += 1;
    }
    if (reminded) await record(tx, "legal_hold.remind", null, { reminded });
    return { reminded, renoticed };
  });
}

async function loadHold(ctx: Ctx, id: string) {
  const hold = await discDb(ctx)
    .selectFrom("legal_holds")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!hold) throw notFound("The legal hold");
  const a = ctx.actor;
  if (a.kind === "system" || hasPermission(a, "legal_hold.manage")) return hold;
  const custodian =
    a.kind === "user" && a.personId
      ? await discDb(ctx)
          .selectFrom("legal_hold_custodians")
          .select("person_id")
          .where("hold_id", "=", id)
          .where("person_id", "=", a.personId)
          .executeTakeFirst()
      : undefined;
  if (!custodian) throw notFound("The legal hold");
  return hold;
}

/** A hold as Legal sees it (every custodian), or as a custodian sees it (their own line). */
export async function getHold(ctx: Ctx, id: string) {
  const hold = await loadHold(ctx, id);
  const a = ctx.actor;
  const manager = a.kind === "system" || hasPermission(a, "legal_hold.manage");
  let q = discDb(ctx)
    .selectFrom("legal_hold_custodians as c")
    .innerJoin("persons as p", "p.id", "c.person_id")
    .select([
      "c.person_id",
      "c.notified_at",
      "c.acknowledged_at",
      "c.reminders_sent",
      "c.notices_sent",
      "p.first_name",
      "p.last_name",
      "p.title",
      "p.department",
    ])
    .where("c.hold_id", "=", id)
    .orderBy("p.last_name");
  if (!manager) q = q.where("c.person_id", "=", a.kind === "user" ? (a.personId ?? "") : "");
  const custodians = await q.execute();
  const cases = manager
    ? await discDb(ctx).selectFrom("legal_hold_cases").select("case_id").where("hold_id", "=", id).execute()
    : [];
  const personId = a.kind === "user" ? a.personId : null;
  const own = custodians.find((c) => c.person_id === personId);
  return {
    id: hold.id,
    number: hold.number,
    matter: hold.matter,
    scope: hold.scope,
    status: hold.status,
    reminderDays: hold.reminder_days,
    renoticeDays: hold.renotice_days,
    nextRenoticeOn: hold.next_renotice_at.slice(0, 10),
    issuedBy: hold.issued_by_label,
    issuedAt: hold.issued_at,
    releasedBy: hold.released_by_label,
    releasedAt: hold.released_at,
    releaseNote: hold.release_note,
    custodians: custodians.map((c) => ({
      personId: c.person_id,
      name: `${c.first_name} ${c.last_name}`,
      title: c.title,
      department: c.department,
      notifiedAt: c.notified_at,
      acknowledgedAt: c.acknowledged_at,
      remindersSent: c.reminders_sent,
      noticesSent: c.notices_sent,
    })),
    caseIds: cases.map((c) => c.case_id),
    acknowledged: custodians.filter((c) => c.acknowledged_at).length,
    can: {
      manage: manager && hold.status === "active",
      acknowledge: hold.status === "active" && Boolean(own) && !own?.acknowledged_at,
    },
  };
}

/** Legal's list of holds, or a custodian's own holds. */
export async function listHolds(ctx: Ctx) {
  const a = ctx.actor;
  const manager = hasPermission(a, "legal_hold.manage");
  let q = discDb(ctx)
    .selectFrom("legal_holds as h")
    .selectAll("h")
    .select((eb) => [
      eb
        .selectFrom("legal_hold_custodians as c")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("c.hold_id", "=", "h.id")
        .as("custodians"),
      eb
        .selectFrom("legal_hold_custodians as c")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("c.hold_id", "=", "h.id")
        .where("c.acknowledged_at", "is not", null)
        .as("acknowledged"),
    ]);
  if (!manager) {
    const personId = a.kind === "user" ? (a.personId ?? "") : "";
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom("legal_hold_custodians as c")
          .select("c.hold_id")
          .whereRef("c.hold_id", "=", "h.id")
          .where("c.person_id", "=", personId),
      ),
    );
  }
  const rows = await q.orderBy("h.issued_at", "desc").limit(500).execute();
  return {
    items: rows.map((h) => ({
      id: h.id,
      number: h.number,
      matter: h.matter,
      status: h.status,
      issuedAt: h.issued_at,
      releasedAt: h.released_at,
      nextRenoticeOn: h.next_renotice_at.slice(0, 10),
      custodians: Number(h.custodians ?? 0),
      acknowledged: Number(h.acknowledged ?? 0),
    })),
    can: { issue: manager },
  };
}

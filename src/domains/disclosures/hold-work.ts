// What the legal-hold use cases share: the hold as its reader may see it, the notice a custodian
// receives, the checks of what a hold covers (COC-15.1).
import { sql } from "kysely";
import type { Ctx } from "../../kernel/context.ts";
import { invalid, notFound } from "../../kernel/errors.ts";
import { personNames } from "../people/index.ts";
import { discDb } from "./db.ts";
import { authorize, can } from "./policy.ts";
import { mailTo, openTask, userOfPerson } from "./support.ts";

export const holdHref = (id: string) => `/disclosures/holds/${id}`;
export const DAY = 86_400_000;

export const authorizeManage = (ctx: Ctx) => authorize(ctx.actor, "legal_hold.manage");

type Notified = { id: string; number: string; matter: string; scope: string };

export async function notice(ctx: Ctx, hold: Notified, personId: string, renotice: boolean) {
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

/** Notifies each new custodian and adds them to the hold, notified `now` (one notice each). */
export async function noticeCustodians(tx: Ctx, hold: Notified, personIds: string[], now: string) {
  const id = hold.id;
  for (const personId of personIds) {
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
}

export async function checkPeople(ctx: Ctx, ids: string[]) {
  const unique = [...new Set(ids)];
  const found = await personNames(ctx, unique);
  const missing = unique.filter((id) => !found.has(id));
  if (missing.length)
    throw invalid(`Custodians must be chosen from the directory; unknown: ${missing.join(", ")}.`, [
      { path: "custodianIds", message: "contains someone not in the directory" },
    ]);
  return unique;
}

export async function checkCases(ctx: Ctx, ids: string[]) {
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

export async function loadHold(ctx: Ctx, id: string) {
  const hold = await discDb(ctx)
    .selectFrom("legal_holds")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!hold) throw notFound("The legal hold");
  const a = ctx.actor;
  if (can(a, "legal_hold.manage")) return hold;
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

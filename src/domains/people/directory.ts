import type { Ctx } from "../../kernel/context.ts";
import { peopleDb } from "./db.ts";
import type { Recipient } from "./recipients.ts";

// The directory lookups other domains need, so they do not query persons/users themselves
// (issue 13: one owner per table).

/** The first enabled account of a person (the oldest), if any. */
export async function accountOfPerson(ctx: Ctx, personId: string): Promise<Recipient | null> {
  const row = await peopleDb(ctx)
    .selectFrom("users")
    .select(["id", "email", "display_name", "person_id"])
    .where("person_id", "=", personId)
    .where("disabled", "=", 0)
    .orderBy("created_at")
    .executeTakeFirst();
  return row ? { userId: row.id, email: row.email, name: row.display_name, personId: row.person_id } : null;
}

/** The person's supervisor in the directory, if the person exists and has one. */
export async function supervisorIdOf(ctx: Ctx, personId: string): Promise<string | null> {
  const row = await peopleDb(ctx)
    .selectFrom("persons")
    .select("supervisor_id")
    .where("id", "=", personId)
    .executeTakeFirst();
  return row?.supervisor_id ?? null;
}

/** "First Last" of each of these people that exists, by id (names for display). */
export async function personNames(ctx: Ctx, personIds: readonly string[]): Promise<Map<string, string>> {
  if (personIds.length === 0) return new Map();
  const rows = await peopleDb(ctx)
    .selectFrom("persons")
    .select(["id", "first_name", "last_name"])
    .where("id", "in", [...new Set(personIds)])
    .execute();
  return new Map(rows.map((p) => [p.id, `${p.first_name} ${p.last_name}`]));
}

/** The directory facts of these people that exist: their categories and title (for routing rules). */
export async function personFacts(
  ctx: Ctx,
  personIds: readonly string[],
): Promise<{ id: string; categories: string[]; title: string | null }[]> {
  if (personIds.length === 0) return [];
  const rows = await peopleDb(ctx)
    .selectFrom("persons")
    .select(["id", "categories", "title"])
    .where("id", "in", [...personIds])
    .execute();
  return rows.map((p) => ({ id: p.id, categories: JSON.parse(p.categories) as string[], title: p.title }));
}

/**
 * Whether any account (disabled ones included) of these people, or any of these accounts, holds
 * one of `roles`.
 */
export async function anyHoldsRole(
  ctx: Ctx,
  who: { personIds?: readonly string[]; userIds?: readonly string[] },
  roles: readonly string[],
): Promise<boolean> {
  const personIds = who.personIds ?? [];
  const userIds = who.userIds ?? [];
  if ((personIds.length === 0 && userIds.length === 0) || roles.length === 0) return false;
  const row = await peopleDb(ctx)
    .selectFrom("users as u")
    .innerJoin("user_roles as r", "r.user_id", "u.id")
    .select("r.role")
    .where((eb) =>
      eb.or([
        ...(personIds.length ? [eb("u.person_id", "in", [...personIds])] : []),
        ...(userIds.length ? [eb("u.id", "in", [...userIds])] : []),
      ]),
    )
    .where("r.role", "in", [...roles])
    .executeTakeFirst();
  return Boolean(row);
}

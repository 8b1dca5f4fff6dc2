import type { Ctx } from "../../kernel/context.ts";
import { peopleDb } from "./db.ts";

/** Someone a task or an e-mail may go to: an enabled account. */
export type Recipient = { userId: string; email: string; name: string; personId: string | null };

export type RecipientQuery = {
  /** These accounts… */
  userIds?: readonly string[];
  /** …the accounts of these directory people… */
  personIds?: readonly string[];
  /** …or the accounts holding any of these roles (exactly). */
  roles?: readonly string[];
};

/**
 * THE recipient function: the enabled accounts a query names, once each, in a stable order (by
 * user id), minus those `excluding` rejects (a case's named or conflicted people, COC-22.2; the
 * subject of a disclosure …). Disabled accounts never receive anything. Every writer of tasks
 * chooses its assignees through it.
 */
export async function recipients(
  ctx: Ctx,
  who: RecipientQuery,
  options: { excluding?: (r: Recipient) => boolean } = {},
): Promise<Recipient[]> {
  const userIds = who.userIds ?? [];
  const personIds = who.personIds ?? [];
  const roles = who.roles ?? [];
  if (!userIds.length && !personIds.length && !roles.length) return [];
  const rows = await peopleDb(ctx)
    .selectFrom("users as u")
    .select(["u.id", "u.email", "u.display_name", "u.person_id"])
    .where("u.disabled", "=", 0)
    .where((eb) =>
      eb.or([
        ...(userIds.length ? [eb("u.id", "in", [...userIds])] : []),
        ...(personIds.length ? [eb("u.person_id", "in", [...personIds])] : []),
        ...(roles.length
          ? [
              eb.exists(
                eb
                  .selectFrom("user_roles as r")
                  .select("r.user_id")
                  .whereRef("r.user_id", "=", "u.id")
                  .where("r.role", "in", [...roles]),
              ),
            ]
          : []),
      ]),
    )
    .orderBy("u.id")
    .execute();
  const out = rows.map(
    (r): Recipient => ({ userId: r.id, email: r.email, name: r.display_name, personId: r.person_id }),
  );
  return options.excluding ? out.filter((r) => !options.excluding!(r)) : out;
}

/** Every account of a person, disabled ones included (to close what was opened for them). */
export async function userIdsOfPerson(ctx: Ctx, personId: string): Promise<string[]> {
  const rows = await peopleDb(ctx)
    .selectFrom("users")
    .select("id")
    .where("person_id", "=", personId)
    .execute();
  return rows.map((r) => r.id);
}

import type { Actor, Ctx } from "../../kernel/context.ts";
import { peopleDb } from "./db.ts";
import { permissionsOf } from "./roles.ts";

/**
 * The actor of a user account, found by e-mail, with its roles and permissions: for the demo and
 * jobs that act as a named person rather than as the system. Null when there is no such user.
 */
export async function actorOfUser(ctx: Ctx, email: string): Promise<Actor | null> {
  const db = peopleDb(ctx);
  const user = await db
    .selectFrom("users")
    .select(["id", "person_id"])
    .where("email", "=", email)
    .executeTakeFirst();
  if (!user) return null;
  const roles = (
    await db.selectFrom("user_roles").select("role").where("user_id", "=", user.id).execute()
  ).map((r) => r.role);
  return {
    kind: "user",
    userId: user.id,
    personId: user.person_id,
    label: email,
    roles,
    permissions: permissionsOf(roles),
  };
}

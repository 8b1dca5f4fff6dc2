import type { Ctx } from "../../kernel/context.ts";
import { peopleDb } from "./db.ts";

export type RoleHolder = { id: string; email: string; display_name: string; person_id: string | null };

/** The enabled accounts that hold a role, in a stable order. */
export async function activeUsersInRole(ctx: Ctx, role: string): Promise<RoleHolder[]> {
  return peopleDb(ctx)
    .selectFrom("user_roles as r")
    .innerJoin("users as u", "u.id", "r.user_id")
    .select(["u.id", "u.email", "u.display_name", "u.person_id"])
    .where("r.role", "=", role)
    .where("u.disabled", "=", 0)
    .orderBy("u.id")
    .execute();
}

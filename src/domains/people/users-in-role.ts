import type { Ctx } from "../../kernel/context.ts";
import { peopleDb } from "./db.ts";

export type RoleHolder = { id: string; email: string; display_name: string; person_id: string | null };

/** The enabled accounts that hold a role, in a stable order (by id, or the oldest account first). */
export async function activeUsersInRole(
  ctx: Ctx,
  role: string,
  options: { oldestFirst?: boolean } = {},
): Promise<RoleHolder[]> {
  return peopleDb(ctx)
    .selectFrom("user_roles as r")
    .innerJoin("users as u", "u.id", "r.user_id")
    .select(["u.id", "u.email", "u.display_name", "u.person_id"])
    .where("r.role", "=", role)
    .where("u.disabled", "=", 0)
    .orderBy(options.oldestFirst ? "u.created_at" : "u.id")
    .execute();
}

export type RoleHolding = RoleHolder & { role: string };

/**
 * The enabled accounts holding any of these roles, one row per account and role, by display name
 * then id (speak-up picks each handler's team from the first of their rows).
 */
export async function activeRoleHoldings(ctx: Ctx, roles: readonly string[]): Promise<RoleHolding[]> {
  if (roles.length === 0) return [];
  return peopleDb(ctx)
    .selectFrom("users as u")
    .innerJoin("user_roles as r", "r.user_id", "u.id")
    .select(["u.id", "u.email", "u.person_id", "u.display_name", "r.role"])
    .where("u.disabled", "=", 0)
    .where("r.role", "in", [...roles])
    .orderBy("u.display_name")
    .orderBy("u.id")
    .execute();
}

/** The directory person of each of these accounts (disabled ones included), by user id. */
export async function personIdsOfUsers(
  ctx: Ctx,
  userIds: readonly string[],
): Promise<Map<string, string | null>> {
  if (userIds.length === 0) return new Map();
  const rows = await peopleDb(ctx)
    .selectFrom("users")
    .select(["id", "person_id"])
    .where("id", "in", [...new Set(userIds)])
    .execute();
  return new Map(rows.map((u) => [u.id, u.person_id]));
}

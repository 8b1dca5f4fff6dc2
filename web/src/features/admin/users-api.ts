import { queryOptions } from "@tanstack/react-query";
import { call, type OpId, opKey, type Schema } from "../../api/client.ts";

export type Role = Schema<"RoleView">;

export type User = Schema<"UserView">;

export type RoleGrant = Schema<"RoleGrantView">;

/** What a change to a user or a role grant makes stale. */
export const USER_READS: OpId[] = ["user.list", "role_grant.list"];

export const rolesQuery = queryOptions({
  queryKey: opKey("role.list"),
  queryFn: () => call("role.list"),
  staleTime: 5 * 60_000,
});

export const roleOptions = (roles: Role[]) =>
  roles.map((role) => ({
    value: role.name,
    label: role.fourEyes
      ? `${role.label} (needs a second administrator)`
      : role.privileged
        ? `${role.label} (privileged)`
        : role.label,
  }));

export const roleGrantsQuery = queryOptions({
  queryKey: opKey("role_grant.list"),
  queryFn: () => call("role_grant.list"),
});

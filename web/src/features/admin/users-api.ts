import { queryOptions } from "@tanstack/react-query";
import { call, opKey, type Schema } from "../../api/client.ts";
import { api } from "../../lib/api.ts";

export type Role = Schema<"RoleView">;

export type User = Schema<"UserView">;

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

export type RoleGrant = Schema<"RoleGrantView">;

export const roleGrantsQuery = queryOptions({
  queryKey: opKey("role_grant.list"),
  queryFn: () => call("role_grant.list"),
});

export const roleGrantsApi = {
  approve: (id: string) => call("role_grant.approve", { path: { id } }),
  reject: (id: string, note?: string) => call("role_grant.reject", { path: { id }, body: { note } }),
  acknowledge: (id: string) => call("role_grant.acknowledge", { path: { id } }),
};

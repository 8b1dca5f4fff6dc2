import { queryOptions } from "@tanstack/react-query";
import type { Schema } from "../../api/client.ts";
import { api } from "../../lib/api.ts";

export type Role = Schema<"RoleView">;

export type User = Schema<"UserView">;

export const rolesQuery = queryOptions({
  queryKey: ["roles"],
  queryFn: () => api.get<{ items: Role[] }>("/api/roles"),
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
  queryKey: ["role-grants"],
  queryFn: () => api.get<{ items: RoleGrant[] }>("/api/role-grants"),
});

export const roleGrantsApi = {
  approve: (id: string) => api.post<RoleGrant>(`/api/role-grants/${id}/approve`),
  reject: (id: string, note?: string) => api.post<RoleGrant>(`/api/role-grants/${id}/reject`, { note }),
  acknowledge: (id: string) => api.post<RoleGrant>(`/api/role-grants/${id}/acknowledge`),
};

import { queryOptions } from "@tanstack/react-query";
import { api } from "../../lib/api.ts";

export type Role = {
  name: string;
  label: string;
  description: string;
  privileged: boolean;
  /** Reads speak-up cases, audit or investor data: granted only after a second administrator approves. */
  fourEyes: boolean;
};

export type User = {
  id: string;
  email: string;
  displayName: string;
  personId: string | null;
  roles: string[];
  /** Four-eyes roles requested but not yet approved by a second administrator. */
  pendingRoles: string[];
  totpEnabled: boolean;
  mustChangePassword: boolean;
  disabled: boolean;
  lastLoginAt: string | null;
};

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

export type RoleGrant = {
  id: string;
  role: string;
  roleLabel: string;
  status: "pending" | "approved" | "rejected";
  user: { id: string; email: string; displayName: string };
  requestedBy: { id: string; label: string };
  requestedAt: string;
  decidedBy: { id: string; label: string } | null;
  decidedAt: string | null;
  note: string | null;
  can: { decide: boolean };
};

export const roleGrantsQuery = queryOptions({
  queryKey: ["role-grants"],
  queryFn: () => api.get<{ items: RoleGrant[] }>("/api/role-grants"),
});

export const roleGrantsApi = {
  approve: (id: string) => api.post<RoleGrant>(`/api/role-grants/${id}/approve`),
  reject: (id: string, note?: string) => api.post<RoleGrant>(`/api/role-grants/${id}/reject`, { note }),
  acknowledge: (id: string) => api.post<RoleGrant>(`/api/role-grants/${id}/acknowledge`),
};

import { queryOptions } from "@tanstack/react-query";
import { api } from "../../lib/api.ts";

export type Role = { name: string; label: string; description: string; privileged: boolean };

export type User = {
  id: string;
  email: string;
  displayName: string;
  personId: string | null;
  roles: string[];
  totpEnabled: boolean;
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
    label: role.privileged ? `${role.label} (privileged)` : role.label,
  }));

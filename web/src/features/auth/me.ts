import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, setCsrfToken } from "../../lib/api.ts";

export type Permission =
  | "people.read"
  | "people.write"
  | "people.import"
  | "entity.manage"
  | "organisation.manage"
  | "user.manage"
  | "audit.read"
  | "outbox.read"
  | "job.manage"
  | "speakup.handle"
  | "speakup.assign"
  | "speakup.intake_phone"
  | "speakup.intake_letter"
  | "speakup.configure"
  | "speakup.stats"
  | "committee.read"
  | "screening.read"
  | "restructuring.read"
  | "restructuring.manage"
  | "restructuring.elect"
  | "restructuring.investor"
  | "role_grant.read";

export type Me = {
  user: { id: string; email: string; displayName: string; personId: string | null };
  roles: string[];
  permissions: string[];
  totpEnabled: boolean;
  mustEnrolTotp: boolean;
  /** An administrator set the password: the server allows only the change-password form until done. */
  mustChangePassword: boolean;
  recoveryCodesLeft: number;
  csrfToken: string;
};

/** Where a signed-in user must go before anything else: their own password first, then TOTP. */
export const requiredAccountStep = (
  me: Me | null | undefined,
): "/account/password" | "/account/totp" | null =>
  me?.mustChangePassword ? "/account/password" : me?.mustEnrolTotp ? "/account/totp" : null;

export type LoginInfo = {
  organisationName: string;
  demo: boolean;
  totpRequiredForPrivileged: boolean;
  demoAccounts: { email: string; password: string; roles: string[]; note?: string }[];
};

export type LoginResult = { status: "ok"; csrfToken: string; me?: Me } | { status: "totp_required" };

export const fetchMe = async (): Promise<Me> => {
  const me = await api.get<Me>("/api/auth/me");
  setCsrfToken(me.csrfToken);
  return me;
};

export const meQuery = queryOptions({
  queryKey: ["me"],
  queryFn: fetchMe,
  staleTime: 60_000,
  retry: false,
});

export const loginInfoQuery = queryOptions({
  queryKey: ["login-info"],
  queryFn: () => api.get<LoginInfo>("/api/auth/login-info"),
  staleTime: 5 * 60_000,
});

export const useMe = () => useQuery(meQuery);

export const hasPermission = (me: Me | undefined, permission: Permission) =>
  Boolean(me?.permissions.includes(permission));

export const usePermission = (permission: Permission) => {
  const { data } = useMe();
  return hasPermission(data, permission);
};

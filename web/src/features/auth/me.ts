import { queryOptions, useQuery } from "@tanstack/react-query";
import { call, opKey, type Schema } from "../../api/client.ts";
import { setCsrfToken } from "../../lib/api.ts";

/** The signed-in user's answer, as the server declares it (MeView). */
export type Me = Schema<"MeView">;

/** Every permission name, from the server's PERMISSIONS (MeView's `permissions` is their enum). */
export type Permission = Me["permissions"][number];

/** Where a signed-in user must go before anything else: their own password first, then TOTP. */
export const requiredAccountStep = (
  me: Me | null | undefined,
): "/account/password" | "/account/totp" | null =>
  me?.mustChangePassword ? "/account/password" : me?.mustEnrolTotp ? "/account/totp" : null;

export type LoginInfo = Schema<"LoginInfoView">;

export const fetchMe = async (): Promise<Me> => {
  const me = await call("auth.me");
  setCsrfToken(me.csrfToken);
  return me;
};

export const meQuery = queryOptions({
  queryKey: opKey("auth.me"),
  queryFn: fetchMe,
  staleTime: 60_000,
  retry: false,
});

export const loginInfoQuery = queryOptions({
  queryKey: opKey("auth.login_info"),
  queryFn: () => call("auth.login_info"),
  staleTime: 5 * 60_000,
});

export const useMe = () => useQuery(meQuery);

export const hasPermission = (me: Me | undefined, permission: Permission) =>
  Boolean(me?.permissions.includes(permission));

export const usePermission = (permission: Permission) => {
  const { data } = useMe();
  return hasPermission(data, permission);
};

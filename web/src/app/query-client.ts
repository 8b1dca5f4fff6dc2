import { QueryCache, QueryClient } from "@tanstack/react-query";
import { isApiError } from "../lib/api.ts";

// Set by the router module once it exists, so an expired session anywhere sends the user to sign in.
let onUnauthenticated: (() => void) | null = null;
let onEnrolmentRequired: (() => void) | null = null;

export const setAuthHandlers = (handlers: { unauthenticated: () => void; enrolmentRequired: () => void }) => {
  onUnauthenticated = handlers.unauthenticated;
  onEnrolmentRequired = handlers.enrolmentRequired;
};

export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error) => {
      if (!isApiError(error)) return;
      if (error.status === 401) onUnauthenticated?.();
      else if (
        error.status === 403 &&
        (error.problem.code === "TOTP_ENROLMENT_REQUIRED" ||
          error.problem.code === "PASSWORD_CHANGE_REQUIRED")
      )
        onEnrolmentRequired?.();
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      retry: (count, error) => {
        if (isApiError(error) && error.status > 0 && error.status < 500) return false;
        return count < 2;
      },
    },
  },
});

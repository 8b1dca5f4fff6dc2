import { IconLock } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { hasPermission, type Permission, useMe } from "../features/auth/me.ts";
import { Empty } from "./empty.tsx";
import { ButtonLink } from "./router-links.tsx";

/** Renders its children only for users who hold `permission`; the API enforces it too. */
export const RequirePermission = ({
  permission,
  children,
}: {
  permission: Permission;
  children: ReactNode;
}) => {
  const { data: me } = useMe();
  if (hasPermission(me, permission)) return children;
  return (
    <Empty
      title="You do not have access to this page"
      description="Ask an administrator if you need it for your work."
      icon={<IconLock size={22} stroke={1.6} />}
    >
      <ButtonLink to="/" variant="light">
        Go to Home
      </ButtonLink>
    </Empty>
  );
};

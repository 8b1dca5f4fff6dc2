import { EmptyState } from "@mantine/core";
import { IconInbox } from "@tabler/icons-react";
import type { ReactNode } from "react";

type EmptyProps = {
  title: string;
  description?: ReactNode;
  icon?: ReactNode;
  children?: ReactNode;
  isCompact?: boolean;
};

export const Empty = ({ title, description, icon, children, isCompact = false }: EmptyProps) => (
  <EmptyState
    py={isCompact ? "xs" : "xl"}
    size={isCompact ? "xs" : "sm"}
    align={isCompact ? "left" : "center"}
    variant="light"
    title={title}
    description={description}
    icon={icon ?? <IconInbox size={22} stroke={1.6} />}
  >
    {children ? <EmptyState.Actions>{children}</EmptyState.Actions> : null}
  </EmptyState>
);

import { Group, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { usePageTitle } from "./page-title.ts";

type PageHeaderProps = { title: string; description?: ReactNode; actions?: ReactNode };

/** The heading of a screen; it also names the browser tab ("People · Probity"). */
export const PageHeader = ({ title, description, actions }: PageHeaderProps) => {
  usePageTitle(title);
  return (
    <Group justify="space-between" align="flex-start" mb="lg" wrap="wrap" gap="sm">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {title}
        </Title>
        {description ? (
          <Text c="dimmed" size="sm" maw={720}>
            {description}
          </Text>
        ) : null}
      </Stack>
      {actions ? <Group gap="xs">{actions}</Group> : null}
    </Group>
  );
};

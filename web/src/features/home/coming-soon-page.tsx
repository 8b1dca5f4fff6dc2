import { Badge, List, Paper, Stack, Text, ThemeIcon } from "@mantine/core";
import { IconClockHour4, IconPoint } from "@tabler/icons-react";
import type { PlannedModule } from "../../app/modules.ts";
import { PageHeader } from "../../components/page-header.tsx";

export const ComingSoonPage = ({ module }: { module: PlannedModule }) => (
  <Stack maw={760}>
    <PageHeader title={module.title} description={module.summary} />
    <Paper p="xl">
      <Stack align="flex-start" gap="md">
        <ThemeIcon size={44} radius="xl" variant="light">
          <IconClockHour4 size={24} />
        </ThemeIcon>
        <div>
          <Badge variant="light" color="gray" mb="xs">
            Not yet available
          </Badge>
          <Text fw={600}>This module is not yet available in this version of Probity.</Text>
          <Text size="sm" c="dimmed" mt={4}>
            When it arrives it will cover:
          </Text>
        </div>
        <List spacing="xs" size="sm" icon={<IconPoint size={16} />}>
          {module.details.map((detail) => (
            <List.Item key={detail}>{detail}</List.Item>
          ))}
        </List>
      </Stack>
    </Paper>
  </Stack>
);

import { Group, Paper, SimpleGrid, Skeleton, Stack, Table, Text, ThemeIcon } from "@mantine/core";
import {
  IconAddressBook,
  IconAlertOctagon,
  IconBuilding,
  IconChecklist,
  IconHistory,
  IconMailFast,
} from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useOp } from "../../api/client.ts";
import { Empty } from "../../components/empty.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { Section } from "../../components/section.tsx";
import { isApiError } from "../../lib/api.ts";
import { countryName, formatDate, formatNumber } from "../../lib/format.ts";
import { useMe } from "../auth/me.ts";

const StatCard = ({
  label,
  value,
  hint,
  icon,
  color,
}: {
  label: string;
  value: number;
  hint?: string;
  icon: ReactNode;
  color?: string;
}) => (
  <Paper p="md">
    <Group justify="space-between" align="flex-start" wrap="nowrap">
      <div>
        <Text size="xs" c="dimmed" tt="uppercase" fw={700} style={{ whiteSpace: "nowrap" }}>
          {label}
        </Text>
        <Text fz={28} fw={700} lh={1.2} mt={4}>
          {formatNumber(value)}
        </Text>
        {hint ? (
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        ) : null}
      </div>
      <ThemeIcon variant="light" size={30} radius="md" color={color} aria-hidden>
        {icon}
      </ThemeIcon>
    </Group>
  </Paper>
);

const TaskList = () => {
  const tasks = useOp("task.list", {});
  return (
    <Section title="My tasks" titleGap="sm">
      {tasks.isPending ? (
        <Stack gap="xs">
          <Skeleton height={20} />
          <Skeleton height={20} />
        </Stack>
      ) : tasks.isError ? (
        <ErrorAlert error={tasks.error} />
      ) : tasks.data.items.length === 0 ? (
        <Empty
          isCompact
          title="You're all caught up"
          description="Nothing needs your attention right now. Certificates to sign, approvals and follow-ups will appear here."
          icon={<IconChecklist size={22} stroke={1.6} />}
        />
      ) : (
        <Stack gap={0} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {tasks.data.items.map((task) => (
            <Group
              component="li"
              key={task.id}
              justify="space-between"
              py="xs"
              style={{ borderBottom: "1px solid var(--mantine-color-gray-2)" }}
            >
              {task.href ? (
                <AnchorLink to={task.href} fw={500}>
                  {task.title}
                </AnchorLink>
              ) : (
                <Text fw={500}>{task.title}</Text>
              )}
              <Text size="sm" c="dimmed">
                {task.dueAt ? `Due ${formatDate(task.dueAt)}` : ""}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Section>
  );
};

const HeadcountTable = ({ caption, rows }: { caption: string; rows: { label: string; count: number }[] }) => (
  <Section title={caption} titleGap="sm">
    {rows.length === 0 ? (
      <Text size="sm" c="dimmed">
        No active people yet.
      </Text>
    ) : (
      <Table aria-label={caption} striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{caption.replace("Headcount by ", "").replace(/^./, (c) => c.toUpperCase())}</Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: "nowrap" }}>
              Active people
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.label}>
              <Table.Td>{row.label}</Table.Td>
              <Table.Td ta="right" style={{ fontVariantNumeric: "tabular-nums" }}>
                {formatNumber(row.count)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    )}
  </Section>
);

const DashboardCards = () => {
  // A count is null when the signed-in user's permissions do not read it (the server leaves it out).
  const dashboard = useOp("dashboard.read", {});
  if (dashboard.isPending) {
    return (
      <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }}>
        {["a", "b", "c", "d", "e"].map((key) => (
          <Skeleton key={key} height={96} radius="md" />
        ))}
      </SimpleGrid>
    );
  }
  if (dashboard.isError) {
    if (isApiError(dashboard.error) && dashboard.error.status === 403) return null;
    return <ErrorAlert error={dashboard.error} />;
  }
  const data = dashboard.data;
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }}>
        {data.people ? (
          <StatCard
            label="Active people"
            value={data.people.active}
            hint={`${formatNumber(data.people.ended)} ended`}
            icon={<IconAddressBook size={18} />}
          />
        ) : null}
        <StatCard label="Legal entities" value={data.entities} icon={<IconBuilding size={18} />} />
        {data.auditEvents !== null ? (
          <StatCard label="Audit events" value={data.auditEvents} icon={<IconHistory size={18} />} />
        ) : null}
        {data.outboxPending !== null ? (
          <StatCard
            label="Pending mail"
            value={data.outboxPending}
            icon={<IconMailFast size={18} />}
            color={data.outboxPending > 0 ? "yellow" : undefined}
          />
        ) : null}
        {data.deadJobs !== null ? (
          <StatCard
            label="Dead jobs"
            value={data.deadJobs}
            icon={<IconAlertOctagon size={18} />}
            color={data.deadJobs > 0 ? "red" : "gray"}
          />
        ) : null}
      </SimpleGrid>
      {data.headcountByCountry.length === 0 && data.headcountByEntity.length === 0 ? null : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <HeadcountTable
            caption="Headcount by country"
            rows={data.headcountByCountry.map((row) => ({
              label: `${countryName(row.country)} (${row.country})`,
              count: row.count,
            }))}
          />
          <HeadcountTable
            caption="Headcount by entity"
            rows={data.headcountByEntity.map((row) => ({ label: row.entity, count: row.count }))}
          />
        </SimpleGrid>
      )}
    </Stack>
  );
};

export const HomePage = () => {
  const { data: me } = useMe();
  const firstName = me?.user.displayName.split(" ")[0];
  return (
    <Stack>
      <PageHeader
        title={firstName ? `Welcome, ${firstName}` : "Home"}
        description="Your tasks and an overview."
      />
      <TaskList />
      <DashboardCards />
    </Stack>
  );
};

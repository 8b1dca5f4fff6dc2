import { Anchor, Badge, Group, Stack, Table, Text } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useOp } from "../../api/client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { STATUS_COLOR } from "./committee-ui.ts";

export function Duties({ committeeId }: { committeeId: string }) {
  const q = useOp("duty.list", { path: { id: committeeId } });
  if (q.error) return <ErrorAlert error={q.error} />;
  const cal = q.data;
  if (!cal) return null;
  return (
    <Stack>
      <Group>
        <Badge color="green" size="lg">
          {cal.totals.done} done
        </Badge>
        <Badge color="blue" size="lg">
          {cal.totals.due} due
        </Badge>
        <Badge color="red" size="lg">
          {cal.totals.overdue} overdue
        </Badge>
        <Text size="sm" c="dimmed">
          {cal.year}, as of {cal.asOf}. Approved minutes satisfy the duties their agenda items name.
        </Text>
      </Group>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Duty</Table.Th>
            <Table.Th>Rule</Table.Th>
            <Table.Th>Due</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Evidence</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cal.duties.map((d) => (
            <Table.Tr key={d.id} data-testid={`duty-${d.key}`}>
              <Table.Td>{d.title}</Table.Td>
              <Table.Td>{d.rule}</Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{d.dueDate}</Table.Td>
              <Table.Td miw={100}>
                <Badge color={STATUS_COLOR[d.status]} data-testid="duty-status">
                  {d.status}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  {d.evidence.map((e) =>
                    e.url?.startsWith("/") ? (
                      <Anchor key={e.label} component={Link} to={e.url} size="sm">
                        {e.label}
                      </Anchor>
                    ) : (
                      <Text key={e.label} size="sm">
                        {e.label}
                      </Text>
                    ),
                  )}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

import { Anchor, Badge, Group, Stack, Text } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { type Result, useOp } from "../../api/client.ts";
import { type Column, ColumnsTable } from "../../components/data-table.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { STATUS_COLOR } from "./committee-ui.ts";

type Duty = Result<"duty.list">["duties"][number];

const dutyColumns: Column<Duty>[] = [
  { key: "title", header: "Duty", cell: (d) => d.title },
  { key: "rule", header: "Rule", cell: (d) => d.rule },
  { key: "due", header: "Due", cellProps: { style: { whiteSpace: "nowrap" } }, cell: (d) => d.dueDate },
  {
    key: "status",
    header: "Status",
    cellProps: { miw: 100 },
    cell: (d) => (
      <Badge color={STATUS_COLOR[d.status]} data-testid="duty-status">
        {d.status}
      </Badge>
    ),
  },
  {
    key: "evidence",
    header: "Evidence",
    cell: (d) => (
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
    ),
  },
];

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
      <ColumnsTable
        withTableBorder
        columns={dutyColumns}
        rows={cal.duties}
        rowKey={(d) => d.id}
        rowProps={(d) => ({ "data-testid": `duty-${d.key}` })}
      />
    </Stack>
  );
}

import { Stack, Table, Text } from "@mantine/core";
import { useOp } from "../../api/client.ts";
import { formatDateTime, formatNumber } from "../../lib/format.ts";
import type { Offering } from "./rx.ts";

/** Progress reports sent to the investors by the scheduler (ECA-9(g)). */
export function Progress({ o }: { o: Offering }) {
  const reports = useOp("progress.list", { path: { id: o.id } });
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Sent automatically every Friday of the exercise period ({o.exerciseStart} – {o.exerciseEnd}) and on
        each of its last 5 business days (ECA-9(g)).
      </Text>
      {reports.data?.length === 0 ? <Text c="dimmed">No report sent yet.</Text> : null}
      <Table withTableBorder striped>
        <Table.Tbody>
          {reports.data?.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{r.reportDate}</Table.Td>
              <Table.Td>
                {formatNumber(r.rightsExercised)} of {formatNumber(r.rightsTotal)} rights exercised
              </Table.Td>
              <Table.Td>
                <Text size="xs">{r.reason}</Text>
              </Table.Td>
              <Table.Td>{formatDateTime(r.sentAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

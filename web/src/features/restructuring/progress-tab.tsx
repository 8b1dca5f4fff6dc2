import { Stack, Text } from "@mantine/core";
import { type Schema, useOp } from "../../api/client.ts";
import { type Column, DataTable } from "../../components/data-table.tsx";
import { formatDateTime, formatNumber } from "../../lib/format.ts";
import type { Offering } from "./rx.ts";

type Report = Schema<"OfferingProgressReportView">;

const COLUMNS: Column<Report>[] = [
  { key: "reportDate", header: "Report date", cell: (r) => r.reportDate },
  {
    key: "exercised",
    header: "Rights exercised",
    cell: (r) => `${formatNumber(r.rightsExercised)} of ${formatNumber(r.rightsTotal)} rights exercised`,
  },
  { key: "reason", header: "Why", cell: (r) => <Text size="xs">{r.reason}</Text> },
  { key: "sentAt", header: "Sent", cell: (r) => formatDateTime(r.sentAt) },
];

/** Progress reports sent to the investors by the scheduler (ECA-9(g)). */
export function Progress({ o }: { o: Offering }) {
  const reports = useOp("progress.list", { path: { id: o.id } });
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Sent automatically every Friday of the exercise period ({o.exerciseStart} – {o.exerciseEnd}) and on
        each of its last 5 business days (ECA-9(g)).
      </Text>
      <DataTable
        label="Progress reports"
        columns={COLUMNS}
        rowKey={(r) => r.id}
        query={reports}
        inPaper={false}
        minWidth={0}
        tableProps={{ withTableBorder: true, striped: true }}
        empty={{ title: "No report sent yet" }}
      />
    </Stack>
  );
}

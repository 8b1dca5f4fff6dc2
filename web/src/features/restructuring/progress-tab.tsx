import { Badge, Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { call, invalidate, type Schema, useOp } from "../../api/client.ts";
import { FormErrorSummary, useApiForm } from "../../components/api-form.tsx";
import { type Column, DataTable } from "../../components/data-table.tsx";
import { formatDateTime, formatNumber } from "../../lib/format.ts";
import { type Offering, RX_READS } from "./rx.ts";

type Report = Schema<"OfferingProgressReportView">;

const COLUMNS: Column<Report>[] = [
  { key: "reportDate", header: "Report date", cell: (r) => r.reportDate },
  {
    key: "exercised",
    header: "Rights exercised",
    cell: (r) => `${formatNumber(r.rightsExercised)} of ${formatNumber(r.rightsTotal)} rights exercised`,
  },
  { key: "reason", header: "Why", cell: (r) => <Text size="xs">{r.reason}</Text> },
  {
    key: "status",
    header: "Status",
    cell: (r) => (
      <Badge
        color={r.status === "missed" ? "red" : r.status === "late" ? "orange" : "gray"}
        data-testid="report-status"
      >
        {r.status}
      </Badge>
    ),
  },
  { key: "sentAt", header: "Sent", cell: (r) => (r.sentAt ? formatDateTime(r.sentAt) : "not sent") },
];

/** A report sent now, when an investor asks for one (ECA-9(g)). */
function RequestReportForm({ o }: { o: Offering }) {
  const qc = useQueryClient();
  const form = useApiForm<{ requestedBy: string }>({
    initialValues: { requestedBy: "" },
    labels: { requestedBy: "Requested by" },
    validate: (v) => (v.requestedBy.trim() ? {} : { requestedBy: "is required: who asked for the report" }),
    submit: (body) => call("progress.request", { path: { id: o.id }, body }),
    onSuccess: () => {
      invalidate(qc, ...RX_READS);
      form.reset();
    },
  });
  return (
    <form onSubmit={form.onSubmit} noValidate>
      <Stack gap="xs">
        <FormErrorSummary form={form} title="Not sent" />
        <Group align="flex-end">
          <TextInput label="Requested by" {...form.getInputProps("requestedBy")} />
          <Button type="submit" loading={form.mutation.isPending}>
            Send a report now
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Progress reports sent to the investors by the scheduler (ECA-9(g)). */
export function Progress({ o }: { o: Offering }) {
  const reports = useOp("progress.list", { path: { id: o.id } });
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Sent automatically every Friday of the exercise period ({o.exerciseStart} – {o.exerciseEnd}) and on
        each of its last 5 business days (ECA-9(g)). A day the scheduler missed is caught up and marked late;
        one never sent is listed as missed.
      </Text>
      {o.can.manage ? <RequestReportForm o={o} /> : null}
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

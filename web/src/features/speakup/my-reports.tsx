import { Button, Paper, Stack, Text, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { call, useOp } from "../../api/client.ts";
import { DataTable } from "../../components/data-table.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { formatDate } from "../../lib/format.ts";

/**
 * The signed-in employee's own identified reports, including those a certificate answer filed
 * (COC-23.2). Anonymous reports are not listed: they open only with their receipt (COC-22.2).
 */
export const MyReports = () => {
  const reports = useOp("speakup.my_reports", {});
  const open = useMutation({
    mutationFn: (id: string) => call("speakup.my_reports.mailbox", { path: { id } }),
    onSuccess: (result) => window.location.assign(result.url),
  });
  if (reports.isError) return <ErrorAlert error={reports.error} />;
  const items = reports.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Paper p="md">
      <Stack gap="xs">
        <Title order={2} size="h4">
          My reports
        </Title>
        <Text size="sm" c="dimmed">
          Reports you made under your name, here or on a Certificate of Compliance. Only the people handling
          them can read them (COC-22.2). Anonymous reports are not listed: open them with their receipt.
        </Text>
        <ErrorAlert error={open.error} />
        <DataTable
          label="My reports"
          query={{ ...reports, data: items }}
          rowKey={(r) => r.id}
          minWidth={520}
          inPaper={false}
          tableProps={{ highlightOnHover: false }}
          empty={{ title: "No reports" }}
          columns={[
            {
              key: "report",
              header: "Report",
              cell: (r) => (
                <>
                  <Text size="sm">{r.number}</Text>
                  <Text size="xs" c="dimmed">
                    {r.categoryLabel} · {formatDate(r.receivedAt)}
                  </Text>
                </>
              ),
            },
            { key: "how", header: "How", cell: (r) => r.channelLabel },
            {
              key: "status",
              header: "Status",
              cell: (r) =>
                r.purgedAt
                  ? `closed; its content was destroyed on ${formatDate(r.purgedAt)} (COC-15.1)`
                  : r.statusLabel,
            },
            {
              key: "actions",
              header: "",
              cell: (r) =>
                r.can.openMailbox ? (
                  <Button
                    size="compact-sm"
                    variant="light"
                    loading={open.isPending && open.variables === r.id}
                    onClick={() => open.mutate(r.id)}
                  >
                    Messages
                  </Button>
                ) : null,
            },
          ]}
        />
      </Stack>
    </Paper>
  );
};

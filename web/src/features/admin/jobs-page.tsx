import { Badge, Button, Paper, Select, Stack, Table, Text, Tooltip } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconListCheck, IconRefresh } from "@tabler/icons-react";
import { keepPreviousData, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { call, invalidate, type Schema, useOp } from "../../api/client.ts";
import { Empty } from "../../components/empty.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { ListFooter } from "../../components/list-footer.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { errorMessage } from "../../lib/api.ts";
import { formatDateTime, humanise } from "../../lib/format.ts";

type Job = Schema<"JobView">;

const statusColor = { queued: "blue", running: "yellow", done: "green", dead: "red" } as const;
const PAGE_SIZE = 25;

export const JobsPage = () => {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const jobs = useOp(
    "job.list",
    { query: { status: (status ?? undefined) as Job["status"] | undefined, page, pageSize: PAGE_SIZE } },
    { placeholderData: keepPreviousData },
  );
  const retry = useMutation({
    mutationFn: (job: Job) => call("job.retry", { path: { id: job.id } }),
    onSuccess: async (job) => {
      notifications.show({ color: "green", title: "Job queued again", message: job.name });
      await invalidate(queryClient, "job.list", "dashboard.read");
    },
    onError: (error) =>
      notifications.show({ color: "red", title: "Could not retry", message: errorMessage(error) }),
  });
  return (
    <Stack>
      <PageHeader
        title="Jobs"
        description="Background work (e-mail delivery, reminders, re-screening) with retries. A job that keeps failing becomes dead and waits here for you."
      />
      <Paper p="md">
        <Select
          label="Status"
          placeholder="Any status"
          data={[
            { value: "queued", label: "Queued" },
            { value: "running", label: "Running" },
            { value: "done", label: "Done" },
            { value: "dead", label: "Dead" },
          ]}
          value={status}
          onChange={(value) => {
            setStatus(value);
            setPage(1);
          }}
          clearable
          maw={280}
        />
      </Paper>
      <Paper p="md">
        {jobs.isPending ? (
          <TableSkeleton />
        ) : jobs.isError ? (
          <ErrorAlert error={jobs.error} />
        ) : jobs.data.items.length === 0 ? (
          <Empty
            title="No jobs"
            description={status ? `No ${status} jobs.` : "No background work has been scheduled yet."}
            icon={<IconListCheck size={22} stroke={1.6} />}
          />
        ) : (
          <>
            <Table.ScrollContainer minWidth={820}>
              <Table aria-label="Jobs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Job</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Attempts</Table.Th>
                    <Table.Th>Run at</Table.Th>
                    <Table.Th>Last error</Table.Th>
                    <Table.Th>
                      <span className="visually-hidden">Actions</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {jobs.data.items.map((job) => (
                    <Table.Tr key={job.id}>
                      <Table.Td>
                        <Text size="sm" ff="monospace">
                          {job.name}
                        </Text>
                        <Text size="xs" c="dimmed">
                          Created {formatDateTime(job.createdAt)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge size="sm" variant="light" color={statusColor[job.status]}>
                          {humanise(job.status)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {job.attempts} / {job.maxAttempts}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(job.runAt)}</Table.Td>
                      <Table.Td maw={320}>
                        {job.lastError ? (
                          <Tooltip label={job.lastError} multiline w={360} withArrow>
                            <Text size="xs" c="red.8" lineClamp={2} tabIndex={0}>
                              {job.lastError}
                            </Text>
                          </Tooltip>
                        ) : (
                          <Text size="xs" c="dimmed">
                            —
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="right">
                        {job.status === "dead" ? (
                          <Button
                            size="compact-sm"
                            variant="light"
                            leftSection={<IconRefresh size={14} />}
                            loading={retry.isPending && retry.variables?.id === job.id}
                            onClick={() => retry.mutate(job)}
                            aria-label={`Retry ${job.name}`}
                          >
                            Retry
                          </Button>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <ListFooter
              page={page}
              pageSize={PAGE_SIZE}
              total={jobs.data.total}
              onPageChange={setPage}
              noun="jobs"
            />
          </>
        )}
      </Paper>
    </Stack>
  );
};

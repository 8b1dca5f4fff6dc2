import { Button, Stack, Text, Tooltip } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconListCheck, IconRefresh } from "@tabler/icons-react";
import { keepPreviousData } from "@tanstack/react-query";
import { type Schema, useOp, useOpMutation } from "../../api/client.ts";
import { DataTable } from "../../components/data-table.tsx";
import { ListToolbar } from "../../components/list-toolbar.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { StatusBadge } from "../../components/status-badge.tsx";
import { errorMessage } from "../../lib/api.ts";
import { formatDateTime } from "../../lib/format.ts";
import { StatusFilter, statusStyles, useListState } from "./list-state.tsx";

type Job = Schema<"JobView">;

const statusColor = { queued: "blue", running: "yellow", done: "green", dead: "red" } as const;
const JOB_STATUS_STYLES = statusStyles(statusColor);
const PAGE_SIZE = 25;

export const JobsPage = () => {
  const { filters, page, setPage, setFilter } = useListState<{ status: Job["status"] }>();
  const { status } = filters;
  const jobs = useOp(
    "job.list",
    { query: { status, page, pageSize: PAGE_SIZE } },
    { placeholderData: keepPreviousData },
  );
  const retry = useOpMutation("job.retry", {
    invalidates: ["job.list", "dashboard.read"],
    onSuccess: (job) => notifications.show({ color: "green", title: "Job queued again", message: job.name }),
    onError: (error) =>
      notifications.show({ color: "red", title: "Could not retry", message: errorMessage(error) }),
  });
  return (
    <Stack>
      <PageHeader
        title="Jobs"
        description="Background work (e-mail delivery, reminders, re-screening) with retries. A job that keeps failing becomes dead and waits here for you."
      />
      <ListToolbar>
        <StatusFilter statuses={Object.keys(statusColor)} value={status} onChange={setFilter("status")} />
      </ListToolbar>
      <DataTable
        label="Jobs"
        rowKey={(job) => job.id}
        query={jobs}
        minWidth={820}
        onPageChange={setPage}
        noun="jobs"
        empty={{
          title: "No jobs",
          description: status ? `No ${status} jobs.` : "No background work has been scheduled yet.",
          icon: <IconListCheck size={22} stroke={1.6} />,
        }}
        columns={[
          {
            key: "name",
            header: "Job",
            cell: (job) => (
              <>
                <Text size="sm" ff="monospace">
                  {job.name}
                </Text>
                <Text size="xs" c="dimmed">
                  Created {formatDateTime(job.createdAt)}
                </Text>
              </>
            ),
          },
          {
            key: "status",
            header: "Status",
            cell: (job) => <StatusBadge status={job.status} styles={JOB_STATUS_STYLES} />,
          },
          { key: "attempts", header: "Attempts", cell: (job) => `${job.attempts} / ${job.maxAttempts}` },
          {
            key: "runAt",
            header: "Run at",
            cell: (job) => <span style={{ whiteSpace: "nowrap" }}>{formatDateTime(job.runAt)}</span>,
          },
          {
            key: "lastError",
            header: "Last error",
            cell: (job) =>
              job.lastError ? (
                <Tooltip label={job.lastError} multiline w={360} withArrow>
                  <Text size="xs" c="red.8" lineClamp={2} tabIndex={0} maw={320}>
                    {job.lastError}
                  </Text>
                </Tooltip>
              ) : (
                <Text size="xs" c="dimmed">
                  —
                </Text>
              ),
          },
          {
            key: "actions",
            header: "Actions",
            isHeaderHidden: true,
            cell: (job) =>
              job.status === "dead" ? (
                <Button
                  size="compact-sm"
                  variant="light"
                  leftSection={<IconRefresh size={14} />}
                  loading={retry.isPending && retry.variables?.path.id === job.id}
                  onClick={() => retry.mutate({ path: { id: job.id } })}
                  aria-label={`Retry ${job.name}`}
                >
                  Retry
                </Button>
              ) : null,
          },
        ]}
      />
    </Stack>
  );
};

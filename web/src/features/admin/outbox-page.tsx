import { Drawer, Group, Paper, Stack, Table, Text } from "@mantine/core";
import { IconMail } from "@tabler/icons-react";
import { keepPreviousData } from "@tanstack/react-query";
import { useState } from "react";
import { type Schema, useOp } from "../../api/client.ts";
import { DataTable } from "../../components/data-table.tsx";
import { ListToolbar, SearchBox } from "../../components/list-toolbar.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { StatusBadge } from "../../components/status-badge.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { StatusFilter, statusStyles, useListState } from "./list-state.tsx";

type OutboxMessage = Schema<"OutboxMessageView">;

const statusColor = { pending: "yellow", sending: "blue", sent: "green", failed: "red" } as const;
const OUTBOX_STATUS_STYLES = statusStyles(statusColor);
const PAGE_SIZE = 25;

const MessageDrawer = ({ message, onClose }: { message: OutboxMessage | null; onClose: () => void }) => (
  <Drawer
    opened={message !== null}
    onClose={onClose}
    position="right"
    size="lg"
    title={<Text fw={600}>{message?.subject ?? "Message"}</Text>}
    closeButtonProps={{ "aria-label": "Close message" }}
  >
    {message ? (
      <Stack gap="sm">
        <Group gap="xs">
          <StatusBadge status={message.status} styles={OUTBOX_STATUS_STYLES} size="md" />
          <Text size="sm" c="dimmed">
            {message.attempts} {message.attempts === 1 ? "attempt" : "attempts"}
          </Text>
        </Group>
        <Table variant="vertical" withTableBorder aria-label="Message details">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={120}>To</Table.Th>
              <Table.Td>{message.to}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Created</Table.Th>
              <Table.Td>{formatDateTime(message.createdAt)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Sent</Table.Th>
              <Table.Td>{formatDateTime(message.sentAt)}</Table.Td>
            </Table.Tr>
            {message.lastError ? (
              <Table.Tr>
                <Table.Th>Last error</Table.Th>
                <Table.Td c="red.8">{message.lastError}</Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
        <Paper p="md" bg="gray.0">
          <pre className="mail-body">{message.body}</pre>
        </Paper>
      </Stack>
    ) : null}
  </Drawer>
);

export const OutboxPage = () => {
  const { filters, page, setPage, setFilter } = useListState<{
    status: OutboxMessage["status"];
    q: string;
  }>();
  const { status, q } = filters;
  const [open, setOpen] = useState<OutboxMessage | null>(null);
  const outbox = useOp(
    "outbox.list",
    {
      query: {
        status,
        q,
        page,
        pageSize: PAGE_SIZE,
      },
    },
    { placeholderData: keepPreviousData },
  );
  return (
    <Stack>
      <PageHeader
        title="Outbox"
        description="Every e-mail Probity sends goes through this queue, so nothing is lost if the mail server is down."
      />
      <ListToolbar
        columns={{ base: 1, md: 2 }}
        search={
          <SearchBox
            label="Search messages"
            placeholder="Recipient or subject"
            value={q}
            onSearch={setFilter("q")}
          />
        }
      >
        <StatusFilter statuses={Object.keys(statusColor)} value={status} onChange={setFilter("status")} />
      </ListToolbar>
      <DataTable
        label="Outbox messages"
        rowKey={(message) => message.id}
        query={outbox}
        minWidth={760}
        onPageChange={setPage}
        noun="messages"
        empty={{
          title: "No messages",
          description: status || q ? "No messages match these filters." : "Nothing has been sent yet.",
          icon: <IconMail size={22} stroke={1.6} />,
        }}
        rowProps={(message) => ({
          className: "clickable-row",
          onClick: () => setOpen(message),
          tabIndex: 0,
          onKeyDown: (event) => {
            if (event.key === "Enter" || event.key === " ") {
              event.preventDefault();
              setOpen(message);
            }
          },
          "aria-label": `Open message ${message.subject} to ${message.to}`,
        })}
        columns={[
          {
            key: "createdAt",
            header: "Created",
            cell: (message) => (
              <span style={{ whiteSpace: "nowrap" }}>{formatDateTime(message.createdAt)}</span>
            ),
          },
          { key: "to", header: "To", cell: (message) => message.to },
          {
            key: "subject",
            header: "Subject",
            cell: (message) => (
              <Text size="sm" fw={500}>
                {message.subject}
              </Text>
            ),
          },
          {
            key: "status",
            header: "Status",
            cell: (message) => <StatusBadge status={message.status} styles={OUTBOX_STATUS_STYLES} />,
          },
          { key: "attempts", header: "Attempts", cell: (message) => message.attempts },
        ]}
      />
      <MessageDrawer message={open} onClose={() => setOpen(null)} />
    </Stack>
  );
};

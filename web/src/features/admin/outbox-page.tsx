import {
  Badge,
  Drawer,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconMail, IconSearch } from "@tabler/icons-react";
import { keepPreviousData } from "@tanstack/react-query";
import { useState } from "react";
import { type Schema, useOp } from "../../api/client.ts";
import { Empty } from "../../components/empty.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { ListFooter } from "../../components/list-footer.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { formatDateTime, humanise } from "../../lib/format.ts";

type OutboxMessage = Schema<"OutboxMessageView">;

const statusColor = { pending: "yellow", sending: "blue", sent: "green", failed: "red" } as const;
const PAGE_SIZE = 25;

const MessageDrawer = ({ message, onClose }: { message: OutboxMessage | null; onClose: () => void }) => (
  <Drawer
    opened={message !== null}
    onClose={onClose}
    position="right"
    size="lg"
    title={<Text fw={600}>{message?.subject ?? "Message"}</Text>}
  >
    {message ? (
      <Stack gap="sm">
        <Group gap="xs">
          <Badge variant="light" color={statusColor[message.status]}>
            {humanise(message.status)}
          </Badge>
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
  const [status, setStatus] = useState<string | null>(null);
  const [text, setText] = useState("");
  const [q] = useDebouncedValue(text.trim(), 300);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<OutboxMessage | null>(null);
  const outbox = useOp(
    "outbox.list",
    {
      query: {
        status: (status ?? undefined) as OutboxMessage["status"] | undefined,
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
      <Paper p="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label="Search messages"
            placeholder="Recipient or subject"
            type="search"
            leftSection={<IconSearch size={16} />}
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              setPage(1);
            }}
          />
          <Select
            label="Status"
            placeholder="Any status"
            data={[
              { value: "pending", label: "Pending" },
              { value: "sending", label: "Sending" },
              { value: "sent", label: "Sent" },
              { value: "failed", label: "Failed" },
            ]}
            value={status}
            onChange={(value) => {
              setStatus(value);
              setPage(1);
            }}
            clearable
          />
        </SimpleGrid>
      </Paper>
      <Paper p="md">
        {outbox.isPending ? (
          <TableSkeleton />
        ) : outbox.isError ? (
          <ErrorAlert error={outbox.error} />
        ) : outbox.data.items.length === 0 ? (
          <Empty
            title="No messages"
            description={status || q ? "No messages match these filters." : "Nothing has been sent yet."}
            icon={<IconMail size={22} stroke={1.6} />}
          />
        ) : (
          <>
            <Table.ScrollContainer minWidth={760}>
              <Table aria-label="Outbox messages" highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Created</Table.Th>
                    <Table.Th>To</Table.Th>
                    <Table.Th>Subject</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th ta="right">Attempts</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {outbox.data.items.map((message) => (
                    <Table.Tr
                      key={message.id}
                      className="clickable-row"
                      onClick={() => setOpen(message)}
                      tabIndex={0}
                      onKeyDown={(event) => {
                        if (event.key === "Enter" || event.key === " ") {
                          event.preventDefault();
                          setOpen(message);
                        }
                      }}
                      aria-label={`Open message ${message.subject} to ${message.to}`}
                    >
                      <Table.Td style={{ whiteSpace: "nowrap" }}>
                        {formatDateTime(message.createdAt)}
                      </Table.Td>
                      <Table.Td>{message.to}</Table.Td>
                      <Table.Td fw={500}>{message.subject}</Table.Td>
                      <Table.Td>
                        <Badge size="sm" variant="light" color={statusColor[message.status]}>
                          {humanise(message.status)}
                        </Badge>
                      </Table.Td>
                      <Table.Td ta="right">{message.attempts}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <ListFooter
              page={page}
              pageSize={PAGE_SIZE}
              total={outbox.data.total}
              onPageChange={setPage}
              noun="messages"
            />
          </>
        )}
      </Paper>
      <MessageDrawer message={open} onClose={() => setOpen(null)} />
    </Stack>
  );
};

import {
  ActionIcon,
  Button,
  Code,
  Collapse,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import {
  IconChevronDown,
  IconChevronRight,
  IconDownload,
  IconHistory,
  IconSearch,
} from "@tabler/icons-react";
import { keepPreviousData } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import { type Schema, useOp } from "../../api/client.ts";
import { Empty } from "../../components/empty.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { ListFooter } from "../../components/list-footer.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { toQueryString } from "../../lib/api.ts";
import { formatDateTime } from "../../lib/format.ts";
import { VerifyChainButton } from "./verify-chain.tsx";

type AuditEvent = Schema<"AuditEventView">;

type Filters = {
  action: string | null;
  actorId: string;
  subjectType: string;
  subjectId: string;
  from: string;
  to: string;
  q: string;
};

const emptyFilters: Filters = {
  action: null,
  actorId: "",
  subjectType: "",
  subjectId: "",
  from: "",
  to: "",
  q: "",
};
const PAGE_SIZE = 50;

const EventRow = ({
  event,
  onFilter,
}: {
  event: AuditEvent;
  onFilter: (patch: Partial<Filters>) => void;
}) => {
  const [open, setOpen] = useState(false);
  const payloadId = `audit-payload-${event.seq}`;
  return (
    <Fragment>
      <Table.Tr>
        <Table.Td>
          <ActionIcon
            variant="subtle"
            size="sm"
            onClick={() => setOpen((value) => !value)}
            aria-expanded={open}
            aria-controls={payloadId}
            aria-label={`${open ? "Hide" : "Show"} payload of event ${event.seq}`}
          >
            {open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
          </ActionIcon>
        </Table.Td>
        <Table.Td style={{ fontVariantNumeric: "tabular-nums" }}>{event.seq}</Table.Td>
        <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(event.occurredAt)}</Table.Td>
        <Table.Td>
          {event.actorId ? (
            <Text
              component="button"
              type="button"
              className="sort-button"
              size="sm"
              fw={400}
              onClick={() => onFilter({ actorId: event.actorId ?? "" })}
              title="Show only this actor's events"
            >
              {event.actorLabel ?? event.actorId}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              {event.actorLabel ?? "system"}
            </Text>
          )}
        </Table.Td>
        <Table.Td>
          <Code>{event.action}</Code>
        </Table.Td>
        <Table.Td>
          {event.subjectType ? (
            <Text
              component="button"
              type="button"
              className="sort-button"
              size="sm"
              fw={400}
              onClick={() =>
                onFilter({ subjectType: event.subjectType ?? "", subjectId: event.subjectId ?? "" })
              }
              title={`Show only events about ${event.subjectType} ${event.subjectId ?? ""}`}
            >
              {event.subjectType}
              {event.subjectId ? (
                <Text span c="dimmed" size="xs" ff="monospace">
                  {event.subjectId.length > 12 ? `…${event.subjectId.slice(-6)}` : event.subjectId}
                </Text>
              ) : null}
            </Text>
          ) : (
            "—"
          )}
        </Table.Td>
        <Table.Td>
          <Tooltip label={event.hash} withArrow>
            <Text size="xs" ff="monospace" c="dimmed" tabIndex={0} aria-label={`Hash ${event.hash}`}>
              {event.hash.slice(0, 10)}
            </Text>
          </Tooltip>
        </Table.Td>
      </Table.Tr>
      <Table.Tr style={open ? undefined : { display: "none" }}>
        <Table.Td colSpan={7} p={0}>
          <Collapse expanded={open} id={payloadId}>
            <Stack gap={6} p="sm" bg="gray.0">
              <Code block className="json-payload" aria-label={`Payload of event ${event.seq}`}>
                {JSON.stringify(event.payload ?? {}, null, 2)}
              </Code>
              <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: "break-all" }}>
                subject id: {event.subjectId ?? "—"} · prev: {event.prevHash} · hash: {event.hash}
              </Text>
            </Stack>
          </Collapse>
        </Table.Td>
      </Table.Tr>
    </Fragment>
  );
};

export const AuditPage = () => {
  const [filters, setFilters] = useState<Filters>(emptyFilters);
  const [page, setPage] = useState(1);
  const [debouncedFilters] = useDebouncedValue(filters, 300);
  const actions = useOp("audit.actions", {});
  const params = {
    action: debouncedFilters.action ?? undefined,
    actorId: debouncedFilters.actorId.trim(),
    subjectType: debouncedFilters.subjectType.trim(),
    subjectId: debouncedFilters.subjectId.trim(),
    from: debouncedFilters.from,
    to: debouncedFilters.to,
    q: debouncedFilters.q.trim(),
  };
  const events = useOp(
    "audit.list",
    { query: { ...params, page, pageSize: PAGE_SIZE } },
    { placeholderData: keepPreviousData },
  );
  const update = (patch: Partial<Filters>) => {
    setFilters((current) => ({ ...current, ...patch }));
    setPage(1);
  };
  const hasFilters = Object.entries(filters).some(([, value]) => value);
  const input = (key: Exclude<keyof Filters, "action">) => ({
    value: filters[key],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => update({ [key]: event.currentTarget.value }),
  });

  return (
    <Stack>
      <PageHeader
        title="Audit log"
        description="Every change, append-only and hash-chained: each event's hash covers the one before it, so an altered or deleted event breaks the chain."
        actions={
          <Button
            component="a"
            href={`/api/audit.csv${toQueryString(params)}`}
            download
            variant="default"
            leftSection={<IconDownload size={16} />}
          >
            Export CSV
          </Button>
        }
      />
      <Group gap="sm" wrap="wrap">
        <VerifyChainButton />
      </Group>
      <Paper p="md">
        <Stack gap="sm">
          <TextInput
            label="Search events"
            placeholder="Free text in action, actor, subject or payload"
            type="search"
            leftSection={<IconSearch size={16} />}
            {...input("q")}
          />
          <SimpleGrid cols={{ base: 2, md: 3, lg: 6 }} spacing="sm">
            <Select
              label="Action"
              placeholder="Any action"
              data={actions.data?.items ?? []}
              value={filters.action}
              onChange={(value) => update({ action: value })}
              searchable
              clearable
            />
            <TextInput label="Actor ID" placeholder="User id" {...input("actorId")} />
            <TextInput label="Subject type" placeholder="e.g. person" {...input("subjectType")} />
            <TextInput label="Subject ID" {...input("subjectId")} />
            <TextInput label="From" type="date" {...input("from")} />
            <TextInput label="To" type="date" {...input("to")} />
          </SimpleGrid>
          {hasFilters ? (
            <Group>
              <Button variant="subtle" size="compact-sm" onClick={() => update(emptyFilters)}>
                Clear filters
              </Button>
            </Group>
          ) : null}
        </Stack>
      </Paper>
      <Paper p="md">
        {events.isPending ? (
          <TableSkeleton rows={10} />
        ) : events.isError ? (
          <ErrorAlert error={events.error} />
        ) : events.data.items.length === 0 ? (
          <Empty
            title={hasFilters ? "No events match these filters" : "No events yet"}
            description={
              hasFilters ? "Widen the date range or clear a filter." : "Changes will be recorded here."
            }
            icon={<IconHistory size={22} stroke={1.6} />}
          />
        ) : (
          <>
            <Table.ScrollContainer minWidth={900}>
              <Table aria-label="Audit events" style={{ opacity: events.isPlaceholderData ? 0.6 : 1 }}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={40}>
                      <span className="visually-hidden">Payload</span>
                    </Table.Th>
                    <Table.Th w={70}>Seq</Table.Th>
                    <Table.Th>Time</Table.Th>
                    <Table.Th>Actor</Table.Th>
                    <Table.Th>Action</Table.Th>
                    <Table.Th>Subject</Table.Th>
                    <Table.Th>Hash</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {events.data.items.map((event) => (
                    <EventRow key={event.seq} event={event} onFilter={update} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <ListFooter
              page={page}
              pageSize={PAGE_SIZE}
              total={events.data.total}
              onPageChange={setPage}
              noun="events"
            />
          </>
        )}
      </Paper>
    </Stack>
  );
};

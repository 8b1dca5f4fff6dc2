import { Group, Paper, Stack, Table } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconHistory } from "@tabler/icons-react";
import { keepPreviousData } from "@tanstack/react-query";
import { useState } from "react";
import { useOp } from "../../api/client.ts";
import { Empty } from "../../components/empty.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { ListFooter } from "../../components/list-footer.tsx";
import { CsvExportButton } from "../../components/list-toolbar.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { type AuditFilters, AuditFiltersBar, EMPTY_FILTERS } from "./audit-filters.tsx";
import { EventRow } from "./event-row.tsx";
import { VerifyChainButton } from "./verify-chain.tsx";

const PAGE_SIZE = 50;

// The events are not a DataTable: each row folds out its payload in a second row spanning the table.
export const AuditPage = () => {
  const [filters, setFilters] = useState<AuditFilters>(EMPTY_FILTERS);
  const [page, setPage] = useState(1);
  const [debouncedFilters] = useDebouncedValue(filters, 300);
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
  const update = (patch: Partial<AuditFilters>) => {
    setFilters((current) => ({ ...current, ...patch }));
    setPage(1);
  };
  const hasFilters = Object.values(filters).some(Boolean);

  return (
    <Stack>
      <PageHeader
        title="Audit log"
        description="Every change, append-only and hash-chained: each event's hash covers the one before it, so an altered or deleted event breaks the chain."
        actions={<CsvExportButton href="/api/audit.csv" filters={params} />}
      />
      <Group gap="sm" wrap="wrap">
        <VerifyChainButton />
      </Group>
      <AuditFiltersBar filters={filters} onChange={update} />
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

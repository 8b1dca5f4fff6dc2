import { Group, Stack } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconHistory } from "@tabler/icons-react";
import { keepPreviousData } from "@tanstack/react-query";
import { useState } from "react";
import { useOp } from "../../api/client.ts";
import { DataTable } from "../../components/data-table.tsx";
import { CsvExportButton } from "../../components/list-toolbar.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { type AuditFilters, AuditFiltersBar, EMPTY_FILTERS } from "./audit-filters.tsx";
import { eventColumns, eventPayload } from "./event-columns.tsx";
import { VerifyChainButton } from "./verify-chain.tsx";

const PAGE_SIZE = 50;

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
      <DataTable
        label="Audit events"
        columns={eventColumns(update)}
        rowKey={(event) => String(event.seq)}
        rowDetail={eventPayload}
        query={events}
        minWidth={900}
        skeletonRows={10}
        tableProps={{ highlightOnHover: false }}
        onPageChange={setPage}
        noun="events"
        empty={{
          title: hasFilters ? "No events match these filters" : "No events yet",
          description: hasFilters
            ? "Widen the date range or clear a filter."
            : "Changes will be recorded here.",
          icon: <IconHistory size={22} stroke={1.6} />,
        }}
      />
    </Stack>
  );
};

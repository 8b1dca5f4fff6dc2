import { Anchor, Badge, Group, Stack } from "@mantine/core";
import { IconBuildingStore } from "@tabler/icons-react";
import { keepPreviousData } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { type Args, type Schema, useOp } from "../../api/client.ts";
import { type Column, DataTable } from "../../components/data-table.tsx";
import { CsvExportButton, FilterSelect, ListToolbar, SearchBox } from "../../components/list-toolbar.tsx";
import { NewCounterpartyForm } from "./new-counterparty-form.tsx";
import { STATUS_COLOR } from "./screening-api.ts";

type CounterpartyQuery = NonNullable<Args<"counterparty.list">["query"]>;
type Counterparty = Schema<"CounterpartyView">;

const COLUMNS: Column<Counterparty>[] = [
  {
    key: "name",
    header: "Name",
    cell: (c) => (
      <Anchor component={Link} to={`/screening/counterparties/${c.id}`}>
        {c.name}
      </Anchor>
    ),
  },
  { key: "partyType", header: "Type", cell: (c) => c.partyType },
  {
    key: "country",
    header: "Country",
    cell: (c) => `${c.country ?? "—"}${c.region ? ` (${c.region})` : ""}`,
  },
  {
    key: "status",
    header: "Status",
    cell: (c) => <Badge color={STATUS_COLOR[c.status] ?? "gray"}>{c.status}</Badge>,
  },
];

/** The counterparties, searched and filtered by screening status, with the form to add one. */
export function CounterpartiesTab() {
  const [q, setQ] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const filters = { q, status: status as CounterpartyQuery["status"] };
  const list = useOp(
    "counterparty.list",
    { query: { ...filters, page } },
    { placeholderData: keepPreviousData },
  );
  const isFiltered = Boolean(q || status);
  return (
    <Stack>
      {list.data?.can.canManageCounterparties ? <NewCounterpartyForm /> : null}
      <ListToolbar
        search={
          <SearchBox
            label="Search"
            value={q}
            onSearch={(next) => {
              setQ(next);
              setPage(1);
            }}
          />
        }
      >
        <FilterSelect
          label="Status"
          data={["clear", "review", "blocked", "unscreened"]}
          value={status}
          onChange={(next) => {
            setStatus(next);
            setPage(1);
          }}
        />
      </ListToolbar>
      <Group justify="flex-end">
        <CsvExportButton href="/api/screening/counterparties.csv" filters={filters} />
      </Group>
      <DataTable
        label="Counterparties"
        columns={COLUMNS}
        rowKey={(c) => c.id}
        query={list}
        empty={{
          title: isFiltered ? "No counterparties match these filters" : "No counterparties yet",
          description: isFiltered ? "Try another name or status." : undefined,
          icon: <IconBuildingStore size={22} stroke={1.6} />,
        }}
        onPageChange={setPage}
        noun="counterparties"
      />
    </Stack>
  );
}

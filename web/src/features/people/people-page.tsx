import { Badge, Group, Stack, Text } from "@mantine/core";
import { IconPlus, IconUsers } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type Args, opUrl, useOp } from "../../api/client.ts";
import { type Column, DataTable } from "../../components/data-table.tsx";
import {
  ClearFiltersButton,
  CsvExportButton,
  FilterSelect,
  type FilterSelectProps,
  ListToolbar,
  SearchBox,
} from "../../components/list-toolbar.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { AnchorLink, ButtonLink } from "../../components/router-links.tsx";
import { countryName, formatDate, humanise } from "../../lib/format.ts";
import { compact, pickPage, pickString, urlList } from "../../lib/search-params.ts";
import { usePermission } from "../auth/me.ts";
import {
  categoryLabel,
  categoryOptions,
  entitiesQuery,
  facetsQuery,
  kindOptions,
  type Person,
} from "./people-api.ts";

export type PeopleSearch = {
  q?: string;
  status?: string;
  kind?: string;
  entityId?: string;
  department?: string;
  country?: string;
  category?: string;
  sort?: string;
  page?: number;
};

export const parsePeopleSearch = (raw: Record<string, unknown>): PeopleSearch =>
  compact({
    q: pickString(raw, "q"),
    status: pickString(raw, "status"),
    kind: pickString(raw, "kind"),
    entityId: pickString(raw, "entityId"),
    department: pickString(raw, "department"),
    country: pickString(raw, "country"),
    category: pickString(raw, "category"),
    sort: pickString(raw, "sort"),
    page: pickPage(raw),
  });

const PAGE_SIZE = 25;

type OptionalFilter = "kind" | "entityId" | "department" | "country" | "category";

const statusOptions = [
  { value: "active", label: "Active" },
  { value: "ended", label: "Ended" },
  { value: "all", label: "All" },
];

/** The URL's filters as the list's query (the URL may hold any text; the server checks it). */
type PeopleQuery = NonNullable<Args<"people.list">["query"]>;

const columns = (isStatusShown: boolean): Column<Person>[] => [
  {
    key: "name",
    header: "Name",
    sortable: true,
    cell: (person) => (
      <div style={{ minWidth: 200 }}>
        <AnchorLink
          to="/people/$personId"
          params={{ personId: person.id }}
          fw={500}
          size="sm"
          onClick={(event) => event.stopPropagation()}
        >
          {person.displayName}
        </AnchorLink>
        {person.categories.length || person.kind !== "employee" ? (
          <Group gap={4} mt={2}>
            {person.kind !== "employee" ? (
              <Badge size="xs" variant="light" color="gray">
                {humanise(person.kind)}
              </Badge>
            ) : null}
            {person.categories.map((category) => (
              <Badge key={category} size="xs" variant="light" color="grape">
                {categoryLabel(category)}
              </Badge>
            ))}
          </Group>
        ) : null}
      </div>
    ),
  },
  { key: "title", header: "Title", cell: (person) => person.title ?? "—" },
  {
    key: "department",
    header: "Department",
    sortable: "ascending",
    cell: (person) => person.department ?? "—",
  },
  { key: "entity", header: "Legal entity", cell: (person) => person.legalEntityName ?? "—" },
  {
    key: "country",
    header: "Country",
    cell: (person) => (
      <Text size="sm" title={countryName(person.locationCountry)}>
        {person.locationCountry ?? "—"}
      </Text>
    ),
  },
  {
    key: "hireDate",
    header: "Hire date",
    sortable: true,
    cell: (person) => <span style={{ whiteSpace: "nowrap" }}>{formatDate(person.hireDate)}</span>,
  },
  {
    key: "status",
    header: "Status",
    // Every row of the default (active) list would say "Active", so the column only appears when it informs.
    hidden: !isStatusShown,
    cell: (person) => (
      <Text size="sm" fw={500} c={person.status === "active" ? "green.8" : "dimmed"} className="nowrap">
        {person.status === "active" ? "Active" : `Ended ${formatDate(person.endDate)}`}
      </Text>
    ),
  },
];

type PeoplePageProps = { search: PeopleSearch; onSearchChange: (search: PeopleSearch) => void };

export const PeoplePage = ({ search, onSearchChange }: PeoplePageProps) => {
  const navigate = useNavigate();
  const canWrite = usePermission("people.write");
  const sort = search.sort ?? "name";
  const page = search.page ?? 1;

  const { update, setPage, clear } = urlList(search, onSearchChange);

  const filters = {
    q: search.q,
    status: search.status ?? "active",
    kind: search.kind,
    entityId: search.entityId,
    department: search.department,
    country: search.country,
    category: search.category,
    sort,
  } as PeopleQuery;
  const people = useOp(
    "people.list",
    { query: { ...filters, page, pageSize: PAGE_SIZE } },
    { placeholderData: keepPreviousData },
  );
  const entities = useQuery(entitiesQuery);
  const facets = useQuery(facetsQuery);
  // The filters that may be left empty ("Any …"), in the order shown.
  const optionalFilters: (Omit<FilterSelectProps, "value" | "onChange"> & { key: OptionalFilter })[] = [
    { key: "kind", label: "Kind", placeholder: "Any kind", data: kindOptions },
    {
      key: "entityId",
      label: "Legal entity",
      placeholder: "Any entity",
      data: (entities.data?.items ?? []).map((entity) => ({ value: entity.id, label: entity.name })),
      searchable: true,
    },
    {
      key: "department",
      label: "Department",
      placeholder: "Any department",
      data: facets.data?.departments ?? [],
      searchable: true,
    },
    {
      key: "country",
      label: "Country",
      placeholder: "Any country",
      data: (facets.data?.countries ?? []).map((code) => ({ value: code, label: countryName(code) })),
      searchable: true,
    },
    { key: "category", label: "Category", placeholder: "Any category", data: categoryOptions },
  ];
  const hasFilters = Boolean(search.q) || optionalFilters.some((filter) => search[filter.key]);

  return (
    <Stack gap="md">
      <PageHeader
        title="People"
        description="Employees, officers, directors and external parties bound by the Code."
        actions={
          <>
            <CsvExportButton href={opUrl("people.export")} filters={filters} />
            {canWrite ? (
              <ButtonLink to="/people/new" leftSection={<IconPlus size={16} />}>
                New person
              </ButtonLink>
            ) : null}
          </>
        }
      />
      <ListToolbar
        search={
          <SearchBox
            label="Search people"
            placeholder="Name, email, title or employee ID"
            value={search.q}
            onSearch={(q) => update({ q })}
          />
        }
      >
        <FilterSelect
          label="Status"
          data={statusOptions}
          value={search.status ?? "active"}
          onChange={(value) => update({ status: value && value !== "active" ? value : undefined })}
          clearable={false}
        />
        {optionalFilters.map(({ key, ...filter }) => (
          <FilterSelect
            key={key}
            {...filter}
            value={search[key]}
            onChange={(value) => update({ [key]: value })}
          />
        ))}
      </ListToolbar>
      <DataTable
        label="People"
        columns={columns(filters.status !== "active")}
        rowKey={(person) => person.id}
        query={people}
        minWidth={900}
        sort={{ sort, onSort: (value) => update({ sort: value }) }}
        onPageChange={setPage}
        noun="people"
        rowProps={(person) => ({
          className: "clickable-row",
          onClick: () => navigate({ to: "/people/$personId", params: { personId: person.id } }),
        })}
        empty={{
          title: hasFilters ? "No people match these filters" : "No people yet",
          description: hasFilters
            ? "Try a different search or clear a filter."
            : "Add people one by one or import them from HR.",
          icon: <IconUsers size={22} stroke={1.6} />,
          action: hasFilters ? <ClearFiltersButton onClear={clear} /> : null,
        }}
      />
    </Stack>
  );
};

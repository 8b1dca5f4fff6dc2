import {
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { IconDownload, IconPlus, IconSearch, IconUsers } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { Empty } from "../../components/empty.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { ListFooter } from "../../components/list-footer.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { AnchorLink, ButtonLink } from "../../components/router-links.tsx";
import { SortHeader } from "../../components/sort-header.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { api, type Page, toQueryString } from "../../lib/api.ts";
import { countryName, formatDate, humanise } from "../../lib/format.ts";
import { compact, pickPage, pickString } from "../../lib/search-params.ts";
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

const statusOptions = [
  { value: "active", label: "Active" },
  { value: "ended", label: "Ended" },
  { value: "all", label: "All" },
];

type PeoplePageProps = { search: PeopleSearch; onSearchChange: (search: PeopleSearch) => void };

export const PeoplePage = ({ search, onSearchChange }: PeoplePageProps) => {
  const navigate = useNavigate();
  const canWrite = usePermission("people.write");
  const [text, setText] = useState(search.q ?? "");
  const sort = search.sort ?? "name";
  const page = search.page ?? 1;

  const update = (patch: Partial<PeopleSearch>) =>
    onSearchChange(compact({ ...search, page: undefined, ...patch }));

  const updateQuery = useDebouncedCallback((value: string) => update({ q: value.trim() || undefined }), 300);

  const filters = {
    q: search.q,
    status: search.status ?? "active",
    kind: search.kind,
    entityId: search.entityId,
    department: search.department,
    country: search.country,
    category: search.category,
    sort,
  };
  const people = useQuery({
    queryKey: ["people", "list", filters, page],
    queryFn: () => api.get<Page<Person>>("/api/people", { ...filters, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const entities = useQuery(entitiesQuery);
  const facets = useQuery(facetsQuery);
  // Every row of the default (active) list would say "Active", so the column only appears when it informs.
  const isStatusShown = filters.status !== "active";
  const hasFilters = Boolean(
    search.q || search.kind || search.entityId || search.department || search.country || search.category,
  );

  return (
    <Stack gap="md">
      <PageHeader
        title="People"
        description="Employees, officers, directors and external parties bound by the Code."
        actions={
          <>
            <Button
              component="a"
              href={`/api/people.csv${toQueryString(filters)}`}
              variant="default"
              leftSection={<IconDownload size={16} />}
              download
            >
              Export CSV
            </Button>
            {canWrite ? (
              <ButtonLink to="/people/new" leftSection={<IconPlus size={16} />}>
                New person
              </ButtonLink>
            ) : null}
          </>
        }
      />
      <Paper p="md">
        <Stack gap="sm">
          <TextInput
            label="Search people"
            placeholder="Name, email, title or employee ID"
            leftSection={<IconSearch size={16} />}
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              updateQuery(event.currentTarget.value);
            }}
            type="search"
          />
          <SimpleGrid cols={{ base: 2, md: 3, lg: 6 }} spacing="sm">
            <Select
              label="Status"
              data={statusOptions}
              value={search.status ?? "active"}
              onChange={(value) => update({ status: value && value !== "active" ? value : undefined })}
              allowDeselect={false}
            />
            <Select
              label="Kind"
              placeholder="Any kind"
              data={kindOptions}
              value={search.kind ?? null}
              onChange={(value) => update({ kind: value ?? undefined })}
              clearable
            />
            <Select
              label="Legal entity"
              placeholder="Any entity"
              data={(entities.data?.items ?? []).map((entity) => ({ value: entity.id, label: entity.name }))}
              value={search.entityId ?? null}
              onChange={(value) => update({ entityId: value ?? undefined })}
              clearable
              searchable
            />
            <Select
              label="Department"
              placeholder="Any department"
              data={facets.data?.departments ?? []}
              value={search.department ?? null}
              onChange={(value) => update({ department: value ?? undefined })}
              clearable
              searchable
            />
            <Select
              label="Country"
              placeholder="Any country"
              data={(facets.data?.countries ?? []).map((code) => ({ value: code, label: countryName(code) }))}
              value={search.country ?? null}
              onChange={(value) => update({ country: value ?? undefined })}
              clearable
              searchable
            />
            <Select
              label="Category"
              placeholder="Any category"
              data={categoryOptions}
              value={search.category ?? null}
              onChange={(value) => update({ category: value ?? undefined })}
              clearable
            />
          </SimpleGrid>
        </Stack>
      </Paper>
      <Paper p="md">
        {people.isPending ? (
          <TableSkeleton />
        ) : people.isError ? (
          <ErrorAlert error={people.error} />
        ) : people.data.items.length === 0 ? (
          <Empty
            title={hasFilters ? "No people match these filters" : "No people yet"}
            description={
              hasFilters
                ? "Try a different search or clear a filter."
                : "Add people one by one or import them from HR."
            }
            icon={<IconUsers size={22} stroke={1.6} />}
          >
            {hasFilters ? (
              <Button
                variant="light"
                onClick={() => {
                  setText("");
                  onSearchChange({});
                }}
              >
                Clear filters
              </Button>
            ) : null}
          </Empty>
        ) : (
          <>
            <Table.ScrollContainer minWidth={900}>
              <Table
                highlightOnHover
                aria-label="People"
                style={{ opacity: people.isPlaceholderData ? 0.6 : 1 }}
              >
                <Table.Thead>
                  <Table.Tr>
                    <SortHeader
                      label="Name"
                      field="name"
                      sort={sort}
                      onSort={(value) => update({ sort: value })}
                    />
                    <Table.Th>Title</Table.Th>
                    <SortHeader
                      label="Department"
                      field="department"
                      sort={sort}
                      onSort={(value) => update({ sort: value })}
                      descending={false}
                    />
                    <Table.Th>Legal entity</Table.Th>
                    <Table.Th>Country</Table.Th>
                    <SortHeader
                      label="Hire date"
                      field="hireDate"
                      sort={sort}
                      onSort={(value) => update({ sort: value })}
                    />
                    {isStatusShown ? <Table.Th>Status</Table.Th> : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {people.data.items.map((person) => (
                    <Table.Tr
                      key={person.id}
                      className="clickable-row"
                      onClick={() => navigate({ to: "/people/$personId", params: { personId: person.id } })}
                    >
                      <Table.Td miw={200}>
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
                      </Table.Td>
                      <Table.Td>{person.title ?? "—"}</Table.Td>
                      <Table.Td>{person.department ?? "—"}</Table.Td>
                      <Table.Td>{person.legalEntityName ?? "—"}</Table.Td>
                      <Table.Td>
                        <Text size="sm" title={countryName(person.locationCountry)}>
                          {person.locationCountry ?? "—"}
                        </Text>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(person.hireDate)}</Table.Td>
                      {isStatusShown ? (
                        <Table.Td className="nowrap">
                          <Text size="sm" fw={500} c={person.status === "active" ? "green.8" : "dimmed"}>
                            {person.status === "active" ? "Active" : `Ended ${formatDate(person.endDate)}`}
                          </Text>
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <ListFooter
              page={page}
              pageSize={PAGE_SIZE}
              total={people.data.total}
              onPageChange={(next) =>
                onSearchChange(compact({ ...search, page: next > 1 ? next : undefined }))
              }
              noun="people"
            />
          </>
        )}
      </Paper>
    </Stack>
  );
};

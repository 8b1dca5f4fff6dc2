import { Badge, Button, Group, Paper, SegmentedControl, Stack, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { IconDownload, IconSearch } from "@tabler/icons-react";
import { keepPreviousData } from "@tanstack/react-query";
import { useState } from "react";
import { opUrl, type Schema, useOp } from "../../api/client.ts";
import { Empty } from "../../components/empty.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { ListFooter } from "../../components/list-footer.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { formatDateTime, formatNumber } from "../../lib/format.ts";
import { compact, pickPage, pickString } from "../../lib/search-params.ts";
import { listName } from "./screening-api.ts";

type ChangeKind = Schema<"ListChangesView">["kind"];

export type ListVersionSearch = { kind?: ChangeKind; q?: string; page?: number };
const KINDS: ChangeKind[] = ["added", "changed", "removed"];

export const parseListVersionSearch = (raw: Record<string, unknown>): ListVersionSearch => {
  const kind = pickString(raw, "kind");
  return compact({
    kind: KINDS.find((k) => k === kind),
    q: pickString(raw, "q"),
    page: pickPage(raw),
  });
};

const PAGE_SIZE = 50;
const KIND_COLOR: Record<ChangeKind, string> = { added: "green", changed: "orange", removed: "red" };

type Props = {
  versionId: string;
  search: ListVersionSearch;
  onSearchChange: (search: ListVersionSearch) => void;
};

/** A list version's change set against the previous version of the same source, page by page (COC-18.1). */
export function ListVersionPage({ versionId, search, onSearchChange }: Props) {
  const kind = search.kind ?? "added";
  const page = search.page ?? 1;
  const [text, setText] = useState(search.q ?? "");
  const update = (patch: Partial<ListVersionSearch>) =>
    onSearchChange(compact({ ...search, page: undefined, ...patch }));
  const updateQuery = useDebouncedCallback((value: string) => update({ q: value.trim() || undefined }), 300);
  const changes = useOp(
    "list.version.changes",
    { path: { id: versionId }, query: { kind, page, pageSize: PAGE_SIZE, q: search.q } },
    { placeholderData: keepPreviousData },
  );
  const v = changes.data?.version;
  return (
    <Stack>
      <AnchorLink to="/screening" search={{ tab: "lists" }} size="sm">
        ← Screening lists
      </AnchorLink>
      <PageHeader
        actions={
          v ? (
            <Button
              component="a"
              variant="default"
              href={opUrl("list.version.changes.export", {
                path: { id: versionId },
                query: { kind, q: search.q },
              })}
              leftSection={<IconDownload size={16} />}
              download
            >
              Export {kind} as CSV
            </Button>
          ) : null
        }
        title={v ? `${listName(v.source)} v${v.seq}` : "List version"}
        description={
          v
            ? `Imported ${formatDateTime(v.importedAt)} by ${v.importedBy} · ${formatNumber(v.counts.entries)} entries, ${formatNumber(v.counts.aliases)} aliases${v.isCurrent ? " · current version" : ""}. ${
                changes.data?.previousVersionId
                  ? "Changes against the previous version of the same list."
                  : "The first version of this list: every entry counts as added."
              }`
            : undefined
        }
      />
      {changes.isError && !changes.data ? (
        <ErrorAlert error={changes.error} />
      ) : (
        <Paper p="md" withBorder>
          <Stack gap="sm">
            <Group align="flex-end" justify="space-between">
              <SegmentedControl
                aria-label="Kind of change"
                value={kind}
                onChange={(value) => {
                  update({ kind: value as ChangeKind });
                }}
                data={KINDS.map((k) => ({
                  value: k,
                  label: `${k[0]?.toUpperCase()}${k.slice(1)}${v ? ` (${formatNumber(v.diff[k])})` : ""}`,
                }))}
              />
              <TextInput
                label="Search entries"
                placeholder="Name or entity id"
                leftSection={<IconSearch size={16} />}
                type="search"
                value={text}
                onChange={(e) => {
                  setText(e.currentTarget.value);
                  updateQuery(e.currentTarget.value);
                }}
                w={300}
              />
            </Group>
            {changes.isPending ? (
              <TableSkeleton />
            ) : changes.data?.items.length === 0 ? (
              <Empty
                title={search.q ? `No ${kind} entries match "${search.q}"` : `No ${kind} entries`}
                description={
                  search.q
                    ? "Try another name or entity id."
                    : kind === "added"
                      ? "This version adds no entries to the list."
                      : `No entries were ${kind} in this version.`
                }
              />
            ) : changes.data ? (
              <>
                <Table
                  aria-label={`${kind} entries`}
                  highlightOnHover
                  style={{ opacity: changes.isPlaceholderData ? 0.6 : 1 }}
                >
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Entity id</Table.Th>
                      <Table.Th>Name</Table.Th>
                      {kind === "changed" ? <Table.Th>Previously</Table.Th> : null}
                      <Table.Th>Type</Table.Th>
                      <Table.Th>Change</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {changes.data.items.map((e) => (
                      <Table.Tr key={e.entityId}>
                        <Table.Td ff="monospace">{e.entityId}</Table.Td>
                        <Table.Td>
                          <AnchorLink
                            to="/screening/lists/$versionId/entries/$entityId"
                            params={{ versionId, entityId: e.entityId }}
                            size="sm"
                          >
                            {e.name}
                          </AnchorLink>
                        </Table.Td>
                        {kind === "changed" ? (
                          <Table.Td>
                            <Text size="sm" c="dimmed">
                              {e.previousName === e.name ? "same name" : e.previousName}
                            </Text>
                          </Table.Td>
                        ) : null}
                        <Table.Td>{e.type}</Table.Td>
                        <Table.Td>
                          <Badge color={KIND_COLOR[kind]} variant="light">
                            {kind}
                          </Badge>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
                <ListFooter
                  page={page}
                  pageSize={PAGE_SIZE}
                  total={changes.data.total}
                  onPageChange={(next) =>
                    onSearchChange(compact({ ...search, page: next > 1 ? next : undefined }))
                  }
                  noun={`${kind} entries`}
                />
              </>
            ) : null}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}

import { Badge, Button, Group, Paper, SegmentedControl, Stack, Text } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { keepPreviousData } from "@tanstack/react-query";
import { opUrl, type Schema, useOp } from "../../api/client.ts";
import { type Column, DataTable } from "../../components/data-table.tsx";
import { SearchBox } from "../../components/list-toolbar.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
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

type Change = Schema<"ListChangesView">["items"][number];

const columnsOf = (versionId: string, kind: ChangeKind): Column<Change>[] => [
  {
    key: "entityId",
    header: "Entity id",
    cell: (e) => (
      <Text ff="monospace" size="sm">
        {e.entityId}
      </Text>
    ),
  },
  {
    key: "name",
    header: "Name",
    cell: (e) => (
      <AnchorLink
        to="/screening/lists/$versionId/entries/$entityId"
        params={{ versionId, entityId: e.entityId }}
        size="sm"
      >
        {e.name}
      </AnchorLink>
    ),
  },
  {
    key: "previousName",
    header: "Previously",
    hidden: kind !== "changed",
    cell: (e) => (
      <Text size="sm" c="dimmed">
        {e.previousName === e.name ? "same name" : e.previousName}
      </Text>
    ),
  },
  { key: "type", header: "Type", cell: (e) => e.type },
  {
    key: "change",
    header: "Change",
    cell: () => (
      <Badge color={KIND_COLOR[kind]} variant="light">
        {kind}
      </Badge>
    ),
  },
];

type Props = {
  versionId: string;
  search: ListVersionSearch;
  onSearchChange: (search: ListVersionSearch) => void;
};

/** A list version's change set against the previous version of the same source, page by page (COC-18.1). */
export function ListVersionPage({ versionId, search, onSearchChange }: Props) {
  const kind = search.kind ?? "added";
  const page = search.page ?? 1;
  const update = (patch: Partial<ListVersionSearch>) =>
    onSearchChange(compact({ ...search, page: undefined, ...patch }));
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
      <Paper p="md" withBorder>
        <Group align="flex-end" justify="space-between" mb="sm">
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
          <SearchBox
            label="Search entries"
            placeholder="Name or entity id"
            value={search.q}
            onSearch={(q) => update({ q })}
          />
        </Group>
        <DataTable
          label={`${kind} entries`}
          columns={columnsOf(versionId, kind)}
          rowKey={(e) => e.entityId}
          query={changes}
          inPaper={false}
          minWidth={0}
          onPageChange={(next) => onSearchChange(compact({ ...search, page: next > 1 ? next : undefined }))}
          noun={`${kind} entries`}
          empty={{
            title: search.q ? `No ${kind} entries match "${search.q}"` : `No ${kind} entries`,
            description: search.q
              ? "Try another name or entity id."
              : kind === "added"
                ? "This version adds no entries to the list."
                : `No entries were ${kind} in this version.`,
          }}
        />
      </Paper>
    </Stack>
  );
}

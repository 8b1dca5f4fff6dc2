import { Badge, Stack, Text } from "@mantine/core";
import { type Schema, useOp } from "../../api/client.ts";
import { type Column, DataTable } from "../../components/data-table.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { ListImportForm } from "./list-import-form.tsx";
import { listName } from "./screening-api.ts";

type ListVersion = Schema<"ListVersionView">;

const count = (n: number) => n.toLocaleString("en");

const COLUMNS: Column<ListVersion>[] = [
  {
    key: "version",
    header: "Version",
    cell: (v) => (
      <>
        {listName(v.source)} v{v.seq} {v.isCurrent ? <Badge size="xs">current</Badge> : null}
      </>
    ),
  },
  {
    key: "imported",
    header: "Imported",
    cell: (v) => `${v.importedAt.slice(0, 16).replace("T", " ")} by ${v.importedBy}`,
  },
  { key: "entries", header: "Entries", cell: (v) => count(v.counts.entries) },
  { key: "aliases", header: "Aliases", cell: (v) => count(v.counts.aliases) },
  { key: "added", header: "Added", cell: (v) => count(v.diff.added) },
  { key: "removed", header: "Removed", cell: (v) => count(v.diff.removed) },
  { key: "changed", header: "Changed", cell: (v) => count(v.diff.changed) },
  {
    key: "published",
    header: "Published",
    cell: (v) => (
      <>
        {v.counts.publishDate ?? "—"}
        <Text size="xs" c="dimmed">
          {(v.counts.format ?? "csv").toUpperCase()}
        </Text>
      </>
    ),
  },
  {
    key: "hash",
    header: "File SHA-256",
    cell: (v) => (
      <Text size="xs" ff="monospace" title={v.fileHashes.xml ?? v.fileHashes.sdn}>
        {(v.fileHashes.xml ?? v.fileHashes.sdn)?.slice(0, 16)}…
      </Text>
    ),
  },
  {
    key: "changes",
    header: "Changes",
    isHeaderHidden: true,
    cell: (v) => (
      <AnchorLink
        to="/screening/lists/$versionId"
        params={{ versionId: v.id }}
        size="sm"
        aria-label={`Changes in ${listName(v.source)} v${v.seq}`}
      >
        Changes
      </AnchorLink>
    ),
  },
];

/** The imported versions of the OFAC lists, newest first, with the form to import another. */
export function ListsTab() {
  const lists = useOp("list.read", {});
  const canImport = lists.data?.can.canImport ?? false;
  return (
    <Stack>
      {canImport ? <ListImportForm /> : null}
      <DataTable
        label="List versions"
        columns={COLUMNS}
        rowKey={(v) => v.id}
        query={{ ...lists, data: lists.data?.items }}
        minWidth={900}
        empty={{
          title: "No sanctions list imported yet",
          description: canImport
            ? "Import OFAC's SDN list above: counterparties cannot be screened (COC-18.1) until a list is on record."
            : "Counterparties cannot be screened (COC-18.1) until compliance imports a list.",
        }}
      />
    </Stack>
  );
}

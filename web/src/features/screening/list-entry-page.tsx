import { Alert, Badge, Group, Paper, Stack, Table, Text } from "@mantine/core";
import { type Schema, useOp } from "../../api/client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { listName } from "./screening-api.ts";

type ListEntry = Schema<"ListEntryView">;

const CHANGE_COLOR: Record<string, string> = {
  added: "green",
  changed: "orange",
  removed: "red",
  unchanged: "gray",
};

/** The parsed entry as labelled lines, so two versions can be compared field by field. */
function fields(e: ListEntry | null): [string, string[]][] {
  if (!e) return [];
  const f = e.facts;
  return [
    ["Name", [e.name]],
    ["Type", [e.type]],
    ["Programs", e.programs],
    ["Title", e.title ? [e.title] : []],
    ["Aliases", e.aliases.map((a) => `${a.type} ${a.name}`)],
    ["Addresses", e.addresses.map((a) => [a.address, a.city, a.country].filter(Boolean).join(", "))],
    ["Date of birth", f.dob],
    ["Place of birth", f.pob],
    ["Nationality", f.nationality],
    ["Citizenship", f.citizenship],
    ["Gender", f.gender ? [f.gender] : []],
    ["Identifiers", f.ids.map((i) => `${i.type} ${i.number}${i.country ? ` (${i.country})` : ""}`)],
    ["IMO", f.imo ? [f.imo] : []],
    [
      "Vessel",
      e.vessel
        ? [
            [
              e.vessel.type,
              e.vessel.flag && `flag ${e.vessel.flag}`,
              e.vessel.callSign && `call sign ${e.vessel.callSign}`,
              e.vessel.owner && `owner ${e.vessel.owner}`,
            ]
              .filter(Boolean)
              .join(" · "),
          ]
        : [],
    ],
    ["Countries", f.countries.length ? [f.countries.join(", ")] : []],
    ["Remarks", e.remarks ? [e.remarks] : []],
  ];
}

const Lines = ({ lines }: { lines: string[] | undefined }) =>
  lines?.length ? (
    <Stack gap={2}>
      {lines.map((l, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines may repeat (two aliases of the same name)
        <Text key={i} size="sm">
          {l}
        </Text>
      ))}
    </Stack>
  ) : (
    <Text size="sm" c="dimmed">
      —
    </Text>
  );

/** One list entry as a version publishes it; a changed entry beside its previous data. */
export function ListEntryPage({ versionId, entityId }: { versionId: string; entityId: string }) {
  const q = useOp("list.version.entry", { path: { id: versionId, entityId } });
  const back = (
    <AnchorLink to="/screening/lists/$versionId" params={{ versionId }} size="sm">
      ← Changes of this version
    </AnchorLink>
  );
  if (q.isPending)
    return (
      <Stack>
        {back}
        <TableSkeleton />
      </Stack>
    );
  if (q.isError)
    return (
      <Stack>
        {back}
        <ErrorAlert error={q.error} />
      </Stack>
    );
  const { version, change, entry, previous } = q.data;
  const shown = entry ?? previous;
  const now = fields(entry);
  const before = fields(previous);
  const isCompared = change === "changed";
  const labels = (now.length ? now : before).map(([label]) => label);
  const lookup = (rows: [string, string[]][], label: string) => rows.find(([l]) => l === label)?.[1];
  return (
    <Stack>
      {back}
      <PageHeader
        title={shown?.name ?? entityId}
        description={`Entity ${entityId} in ${listName(version.source)} v${version.seq}`}
        actions={
          <Badge size="lg" color={CHANGE_COLOR[change]} data-testid="entry-change">
            {change}
          </Badge>
        }
      />
      {change === "removed" ? (
        <Alert color="red" variant="light">
          This version removed the entry; below is the data the previous version published.
        </Alert>
      ) : null}
      <Paper p="md" withBorder>
        <Table aria-label={isCompared ? "Entry, previous and this version" : "Entry"} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={160}>Field</Table.Th>
              {isCompared ? <Table.Th>Previous version</Table.Th> : null}
              <Table.Th>{change === "removed" ? "Previous version" : "This version"}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {labels.map((label) => {
              const a = lookup(before, label);
              const b = lookup(now, label);
              const isDifferent = isCompared && JSON.stringify(a) !== JSON.stringify(b);
              return (
                <Table.Tr
                  key={label}
                  bg={isDifferent ? "var(--mantine-color-yellow-light)" : undefined}
                  data-changed={isDifferent || undefined}
                >
                  <Table.Td>
                    <Group gap={6}>
                      <Text size="sm" fw={500}>
                        {label}
                      </Text>
                      {isDifferent ? (
                        <Badge size="xs" color="orange" variant="light">
                          changed
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  {isCompared ? (
                    <Table.Td>
                      <Lines lines={a} />
                    </Table.Td>
                  ) : null}
                  <Table.Td>
                    <Lines lines={change === "removed" ? a : b} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}

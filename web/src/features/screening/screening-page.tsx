import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { type Args, call, invalidate, useOp } from "../../api/client.ts";
import { Empty } from "../../components/empty.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { UrlTabs } from "../../components/url-tabs.tsx";
import { errorMessage } from "../../lib/api.ts";
import { ExportControlsTab } from "./export-controls-tab.tsx";
import { HitCard } from "./hit-card.tsx";
import { listName, SCREENING_READS, STATUS_COLOR } from "./screening-api.ts";
import { TransactionsTab } from "./transactions-tab.tsx";

type CounterpartyQuery = NonNullable<Args<"counterparty.list">["query"]>;
type CounterpartyBody = NonNullable<Args<"counterparty.create">["body"]>;
type ImportBody = NonNullable<Args<"list.import">["body"]>;

/** Screening: counterparties, the review queue, list versions, transactions and export controls. */
const TABS = ["counterparties", "review", "transactions", "lists", "export"] as const;
export type ScreeningTab = (typeof TABS)[number];
export type ScreeningSearch = { tab?: ScreeningTab };
export const parseScreeningSearch = (raw: Record<string, unknown>): ScreeningSearch => {
  const tab = TABS.find((t) => t === raw.tab);
  return tab && tab !== "counterparties" ? { tab } : {};
};

/** The tab lives in the URL (`?tab=`, UrlTabs): Back returns to the previous tab. */
export function ScreeningPage() {
  return (
    <>
      <PageHeader
        title="Screening"
        description="Sanctions screening of counterparties against OFAC's SDN and consolidated lists (COC-18.1, COC-18.2), export controls (COC-19.1) and payments to foreign parties (COC-20.1)."
      />
      <UrlTabs defaultTab="counterparties" tabs={TABS}>
        <Tabs.List mb="md">
          <Tabs.Tab value="counterparties">Counterparties</Tabs.Tab>
          <Tabs.Tab value="review">Review queue</Tabs.Tab>
          <Tabs.Tab value="transactions">Transactions</Tabs.Tab>
          <Tabs.Tab value="lists">Lists</Tabs.Tab>
          <Tabs.Tab value="export">Export controls</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="counterparties">
          <Counterparties />
        </Tabs.Panel>
        <Tabs.Panel value="review">
          <ReviewQueue />
        </Tabs.Panel>
        <Tabs.Panel value="transactions">
          <TransactionsTab />
        </Tabs.Panel>
        <Tabs.Panel value="lists">
          <Lists />
        </Tabs.Panel>
        <Tabs.Panel value="export">
          <ExportControlsTab />
        </Tabs.Panel>
      </UrlTabs>
    </>
  );
}

function Counterparties() {
  const qc = useQueryClient();
  const [q, setQ] = useState("");
  const [status, setStatus] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const list = useOp("counterparty.list", {
    query: { q, status: (status ?? undefined) as CounterpartyQuery["status"], page },
  });
  const [name, setName] = useState("");
  const [country, setCountry] = useState("");
  const [partyType, setPartyType] = useState<string | null>("entity");
  const create = useMutation({
    mutationFn: () =>
      call("counterparty.create", {
        body: {
          name,
          country: country || null,
          partyType: (partyType ?? undefined) as CounterpartyBody["partyType"],
          kind: "customer",
        },
      }),
    onSuccess: () => {
      setName("");
      invalidate(qc, ...SCREENING_READS);
    },
  });
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;
  return (
    <Stack>
      {list.data?.can.canManageCounterparties ? (
        <Card withBorder>
          <Text fw={600} mb="xs">
            New counterparty (screened at once)
          </Text>
          <Group align="flex-end">
            <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} w={320} />
            <Select
              label="Type"
              data={["entity", "person", "vessel", "aircraft"]}
              value={partyType}
              onChange={setPartyType}
              w={140}
            />
            <TextInput
              label="Country (ISO)"
              value={country}
              onChange={(e) => setCountry(e.currentTarget.value)}
              w={120}
            />
            <Button onClick={() => create.mutate()} loading={create.isPending} disabled={!name.trim()}>
              Create and screen
            </Button>
          </Group>
          {create.error ? (
            <Text c="red" size="sm">
              {errorMessage(create.error)}
            </Text>
          ) : null}
          {create.data ? (
            <Text size="sm" mt="xs">
              {create.data.name}: <Badge color={STATUS_COLOR[create.data.status]}>{create.data.status}</Badge>{" "}
              <Anchor component={Link} to={`/screening/counterparties/${create.data.id}`}>
                open
              </Anchor>
            </Text>
          ) : null}
        </Card>
      ) : null}
      <Group align="flex-end">
        <TextInput
          label="Search"
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
          w={260}
        />
        <Select
          label="Status"
          clearable
          data={["clear", "review", "blocked", "unscreened"]}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          w={160}
        />
        <Anchor
          href={`/api/screening/counterparties.csv?q=${encodeURIComponent(q)}${status ? `&status=${status}` : ""}`}
        >
          Export CSV
        </Anchor>
      </Group>
      {list.error ? <Alert color="red">{errorMessage(list.error)}</Alert> : null}
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Type</Table.Th>
            <Table.Th>Country</Table.Th>
            <Table.Th>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.data?.items.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Anchor component={Link} to={`/screening/counterparties/${c.id}`}>
                  {c.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{c.partyType}</Table.Td>
              <Table.Td>
                {c.country ?? "—"}
                {c.region ? ` (${c.region})` : ""}
              </Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOR[c.status] ?? "gray"}>{c.status}</Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button size="xs" variant="default" disabled={page <= 1} onClick={() => setPage(page - 1)}>
          Previous
        </Button>
        <Text size="sm">
          Page {page} of {pages} · {list.data?.total ?? 0} counterparties
        </Text>
        <Button size="xs" variant="default" disabled={page >= pages} onClick={() => setPage(page + 1)}>
          Next
        </Button>
      </Group>
    </Stack>
  );
}

function ReviewQueue() {
  const hits = useOp("hit.list", { query: { status: "open", pageSize: 100 } });
  if (hits.error) return <Alert color="red">{errorMessage(hits.error)}</Alert>;
  if (hits.data && !hits.data.items.length) return <Text c="dimmed">No hits await review.</Text>;
  return (
    <Stack>
      {hits.data?.items.map((h) => (
        <HitCard key={h.id} hit={h} canDecide={hits.data.can.canDecide} />
      ))}
    </Stack>
  );
}

/** OFAC's file names per list and format (COC-18.1: the SDN list, and the consolidated non-SDN list). */
const LISTS = {
  "ofac-sdn": {
    label: "SDN list",
    xml: "SDN.XML",
    csv: [
      ["sdn", "SDN.CSV"],
      ["alt", "ALT.CSV"],
      ["add", "ADD.CSV"],
      ["comments", "SDN_COMMENTS.CSV"],
    ],
  },
  "ofac-consolidated": {
    label: "Consolidated (non-SDN) list",
    xml: "CONSOLIDATED.XML",
    csv: [
      ["sdn", "CONS_PRIM.CSV"],
      ["alt", "CONS_ALT.CSV"],
      ["add", "CONS_ADD.CSV"],
      ["comments", "CONS_COMMENTS.CSV"],
    ],
  },
} as const;
type Source = keyof typeof LISTS;

function Lists() {
  const qc = useQueryClient();
  const lists = useOp("list.read", {});
  const [source, setSource] = useState<Source>("ofac-sdn");
  const [format, setFormat] = useState<"xml" | "csv">("xml");
  const [files, setFiles] = useState<Record<string, File | null>>({});
  const list = LISTS[source];
  const upload = useMutation({
    mutationFn: async () => {
      const body: Record<string, string> = { source };
      if (format === "xml") {
        if (files.xml) body.xml = await files.xml.text();
      } else {
        for (const [key] of list.csv) {
          const f = files[key];
          // OFAC writes the CSV set in Windows-1252; the XML is UTF-8.
          if (f) body[key] = new TextDecoder("windows-1252").decode(await f.arrayBuffer());
        }
      }
      return call("list.import", { body: body as ImportBody });
    },
    onSuccess: () => invalidate(qc, ...SCREENING_READS),
  });
  const ready = format === "xml" ? !!files.xml : !!files.sdn;
  return (
    <Stack>
      {lists.data?.can.canImport ? (
        <Card withBorder>
          <Text fw={600} mb="xs">
            Import a new version of an OFAC list (every counterparty is then re-screened, COC-18.1)
          </Text>
          <Group align="flex-end" mb="sm">
            <Select
              label="List"
              data={Object.entries(LISTS).map(([value, l]) => ({ value, label: l.label }))}
              value={source}
              onChange={(v) => {
                if (v) setSource(v as Source);
                setFiles({});
              }}
              allowDeselect={false}
              w={260}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="list-format-label">
                Files
              </Text>
              <SegmentedControl
                aria-labelledby="list-format-label"
                value={format}
                onChange={(v) => {
                  setFormat(v as "xml" | "csv");
                  setFiles({});
                }}
                data={[
                  { value: "xml", label: `${list.xml} (one file)` },
                  { value: "csv", label: "CSV set" },
                ]}
              />
            </Stack>
          </Group>
          {format === "xml" ? (
            <FileInput
              label={list.xml}
              description="From OFAC's Sanctions List Service; its record count is checked, so a truncated download is refused."
              accept=".xml,application/xml,text/xml"
              value={files.xml ?? null}
              onChange={(f) => setFiles({ xml: f })}
              data-testid="file-xml"
              maw={420}
            />
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 4 }}>
              {list.csv.map(([key, label]) => (
                <FileInput
                  key={key}
                  label={label}
                  accept=".csv,text/csv"
                  value={files[key] ?? null}
                  onChange={(f) => setFiles({ ...files, [key]: f })}
                  data-testid={`file-${key}`}
                />
              ))}
            </SimpleGrid>
          )}
          <Group mt="sm">
            <Button onClick={() => upload.mutate()} disabled={!ready} loading={upload.isPending}>
              Import
            </Button>
            {upload.isPending ? (
              <Text size="sm" c="dimmed">
                Reading and comparing with the previous version…
              </Text>
            ) : null}
            {upload.data ? (
              <Text size="sm" data-testid="import-result">
                {listName(upload.data.source)} version {upload.data.seq}
                {upload.data.unchangedFiles ? " (these files were already imported)" : ""}:{" "}
                {upload.data.counts.entries.toLocaleString("en")} entries, +
                {upload.data.diff.added.toLocaleString("en")} −{upload.data.diff.removed.toLocaleString("en")}{" "}
                ~{upload.data.diff.changed.toLocaleString("en")}
              </Text>
            ) : null}
          </Group>
          {upload.error ? (
            <Text c="red" size="sm" role="alert">
              {errorMessage(upload.error)}
            </Text>
          ) : null}
        </Card>
      ) : null}
      {lists.error ? <Alert color="red">{errorMessage(lists.error)}</Alert> : null}
      {lists.data && !lists.data.items.length ? (
        <Empty
          title="No sanctions list imported yet"
          description={
            lists.data.can.canImport
              ? "Import OFAC's SDN list above: counterparties cannot be screened (COC-18.1) until a list is on record."
              : "Counterparties cannot be screened (COC-18.1) until compliance imports a list."
          }
        />
      ) : (
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Version</Table.Th>
              <Table.Th>Imported</Table.Th>
              <Table.Th>Entries</Table.Th>
              <Table.Th>Aliases</Table.Th>
              <Table.Th>Added</Table.Th>
              <Table.Th>Removed</Table.Th>
              <Table.Th>Changed</Table.Th>
              <Table.Th>Published</Table.Th>
              <Table.Th>File SHA-256</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lists.data?.items.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td>
                  {listName(v.source)} v{v.seq} {v.isCurrent ? <Badge size="xs">current</Badge> : null}
                </Table.Td>
                <Table.Td>
                  {v.importedAt.slice(0, 16).replace("T", " ")} by {v.importedBy}
                </Table.Td>
                <Table.Td>{v.counts.entries.toLocaleString("en")}</Table.Td>
                <Table.Td>{v.counts.aliases.toLocaleString("en")}</Table.Td>
                <Table.Td>{v.diff.added.toLocaleString("en")}</Table.Td>
                <Table.Td>{v.diff.removed.toLocaleString("en")}</Table.Td>
                <Table.Td>{v.diff.changed.toLocaleString("en")}</Table.Td>
                <Table.Td>
                  {v.counts.publishDate ?? "—"}
                  <Text size="xs" c="dimmed">
                    {(v.counts.format ?? "csv").toUpperCase()}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace" title={v.fileHashes.xml ?? v.fileHashes.sdn}>
                    {(v.fileHashes.xml ?? v.fileHashes.sdn)?.slice(0, 16)}…
                  </Text>
                </Table.Td>
                <Table.Td>
                  <AnchorLink
                    to="/screening/lists/$versionId"
                    params={{ versionId: v.id }}
                    size="sm"
                    aria-label={`Changes in ${listName(v.source)} v${v.seq}`}
                  >
                    Changes
                  </AnchorLink>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

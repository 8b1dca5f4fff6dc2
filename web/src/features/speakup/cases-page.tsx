import { Badge, Button, Checkbox, Group, Paper, Stack, Table, Text } from "@mantine/core";
import {
  IconAlertTriangle,
  IconChartBar,
  IconLock,
  IconMessageReport,
  IconSettings,
} from "@tabler/icons-react";
import { keepPreviousData } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type Args, type Result, useOp } from "../../api/client.ts";
import { type Column, DataTable } from "../../components/data-table.tsx";
import { Empty } from "../../components/empty.tsx";
import { ClearFiltersButton, FilterSelect, ListToolbar, SearchBox } from "../../components/list-toolbar.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { AnchorLink, ButtonLink } from "../../components/router-links.tsx";
import { StatusBadge } from "../../components/status-badge.tsx";
import { formatDate } from "../../lib/format.ts";
import { compact, pickPage, pickString, urlList } from "../../lib/search-params.ts";
import { usePermission } from "../auth/me.ts";
import { CASE_STATUS_STYLES, DeadlineBadges } from "./case-badges.tsx";
import { type CaseStatus, STATUS_LABEL, VOCABULARY_STALE_MS, vocabularyOptions } from "./vocabulary.ts";

/** The case number as a link inside a clickable row (the click does not also trigger the row). */
const CaseNumberLink = ({ id, number }: { id: string; number: string }) => (
  <AnchorLink
    to="/speakup/cases/$caseId"
    params={{ caseId: id }}
    fw={600}
    size="sm"
    onClick={(event) => event.stopPropagation()}
  >
    {number}
  </AnchorLink>
);

export type CasesSearch = {
  q?: string;
  status?: string;
  category?: string;
  team?: string;
  channel?: string;
  overdue?: string;
  mine?: string;
  page?: number;
};

export const parseCasesSearch = (raw: Record<string, unknown>): CasesSearch =>
  compact({
    q: pickString(raw, "q"),
    status: pickString(raw, "status"),
    category: pickString(raw, "category"),
    team: pickString(raw, "team"),
    channel: pickString(raw, "channel"),
    overdue: pickString(raw, "overdue"),
    mine: pickString(raw, "mine") === "1" ? "1" : undefined,
    page: pickPage(raw),
  });

const PAGE_SIZE = 25;

const statusOptions = [
  { value: "all", label: "All" },
  { value: "open", label: "Open (not closed)" },
  ...(Object.keys(STATUS_LABEL) as CaseStatus[]).map((s) => ({ value: s, label: STATUS_LABEL[s] })),
];

/** The filters chosen from the speak-up vocabulary, in the order shown. */
const vocabularyFilters: {
  key: "category" | "team" | "channel";
  label: string;
  placeholder: string;
  isSearchable?: boolean;
}[] = [
  { key: "category", label: "Category", placeholder: "Any category", isSearchable: true },
  { key: "team", label: "Team", placeholder: "Any team" },
  { key: "channel", label: "Channel", placeholder: "Any channel" },
];
const VOCABULARY_LIST = { category: "categories", team: "teams", channel: "channels" } as const;

const overdueOptions = [
  { value: "any", label: "Any deadline overdue or missed" },
  { value: "acknowledgement", label: "Acknowledgement overdue or missed" },
  { value: "feedback", label: "Feedback overdue or missed" },
];

/** Shown instead of the case list to anyone who does not handle cases (COC-22.2). */
const NotAHandler = () => (
  <Stack>
    <PageHeader title="Speak-up" />
    <Empty
      title="Speak-up cases are for the people who handle them"
      description="Only the Compliance Office, the Legal Department and the Audit Committee see cases (COC-22.2). You can still report a concern: in the app, or anonymously on the public portal (COC-21.1)."
      icon={<IconLock size={22} stroke={1.6} />}
    >
      <ButtonLink to="/speakup/intake" leftSection={<IconMessageReport size={16} />}>
        Report a concern
      </ButtonLink>
      <Button component="a" href="/speakup" variant="default">
        Open the anonymous portal
      </Button>
    </Empty>
  </Stack>
);

/**
 * Cases that reached no handler of their team because everyone there is named in them or
 * conflicted: they escalated, and wait here for a handler without conflict to take them (COC-22.2).
 */
const NeedsHandler = () => {
  const navigate = useNavigate();
  const needing = useOp("case.list", { query: { needsHandler: "true", pageSize: 50 } });
  if (!needing.data || needing.data.total === 0) return null;
  return (
    <Paper p="md" withBorder style={{ borderColor: "var(--mantine-color-orange-4)" }}>
      <Stack gap="xs">
        <Group gap="xs">
          <IconAlertTriangle size={18} color="var(--mantine-color-orange-6)" />
          <Text fw={600}>Needs a handler ({needing.data.total})</Text>
        </Group>
        <Text size="sm" c="dimmed">
          Nobody in the team these reports were routed to may handle them: everyone there is named in them or
          conflicted (COC-22.2, SOC-4). Take one by assigning it to yourself or to a handler without conflict.
        </Text>
        <Table aria-label="Cases that need a handler" highlightOnHover>
          <Table.Tbody>
            {needing.data.items.map((c) => (
              <Table.Tr
                key={c.id}
                className="clickable-row"
                onClick={() => navigate({ to: "/speakup/cases/$caseId", params: { caseId: c.id } })}
              >
                <Table.Td className="nowrap">
                  <CaseNumberLink id={c.id} number={c.number} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{c.categoryLabel}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{c.teamLabel}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    Waiting since {formatDate(c.needsHandlerSince ?? c.receivedAt)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
};

type CaseRow = Result<"case.list">["items"][number];

const caseColumns: Column<CaseRow>[] = [
  {
    key: "case",
    header: "Case",
    cellProps: { className: "nowrap" },
    cell: (c) => (
      <>
        <CaseNumberLink id={c.id} number={c.number} />
        <Text size="xs" c="dimmed">
          Received {formatDate(c.receivedAt)}
        </Text>
      </>
    ),
  },
  {
    key: "summary",
    header: "Summary",
    cellProps: { miw: 240 },
    cell: (c) => (
      <>
        {c.summary === null ? (
          <Text size="sm" c="dimmed" fs="italic">
            Content destroyed under the retention policy (COC-15.1)
          </Text>
        ) : (
          <Text size="sm" lineClamp={2}>
            {c.summary}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {c.categoryLabel}
        </Text>
      </>
    ),
  },
  { key: "channel", header: "Channel", cell: (c) => c.channelLabel },
  {
    key: "handler",
    header: "Handled by",
    cell: (c) => (
      <>
        <Text size="sm">{c.teamLabel}</Text>
        <Text size="xs" c={c.assignee ? undefined : "dimmed"}>
          {c.assignee?.name ?? "Unassigned"}
        </Text>
      </>
    ),
  },
  {
    key: "status",
    header: "Status",
    // Wide enough for "Investigation" and "Acknowledged" badges, which otherwise clip.
    headerProps: { miw: 140 },
    cell: (c) => (
      <Group gap={4} wrap="wrap" maw={220}>
        <StatusBadge status={c.status} styles={CASE_STATUS_STYLES} />
        {c.needsHandlerSince && !c.assignee ? (
          <Badge size="sm" variant="light" color="orange">
            Needs a handler
          </Badge>
        ) : null}
        {c.mergedIntoId ? (
          <Badge size="sm" variant="outline" color="gray">
            Merged
          </Badge>
        ) : null}
        <DeadlineBadges clocks={c.clocks} />
      </Group>
    ),
  },
];

type CasesPageProps = { search: CasesSearch; onSearchChange: (search: CasesSearch) => void };

export const CasesPage = (props: CasesPageProps) =>
  usePermission("speakup.handle") ? <CaseList {...props} /> : <NotAHandler />;

const CaseList = ({ search, onSearchChange }: CasesPageProps) => {
  const navigate = useNavigate();
  const canStats = usePermission("speakup.stats");
  const canConfigure = usePermission("speakup.configure");
  const vocabulary = useOp("speakup.vocabulary", {}, { staleTime: VOCABULARY_STALE_MS });
  const page = search.page ?? 1;
  const status = search.status ?? "open";

  const { update, setPage, clear } = urlList(search, onSearchChange);

  const filters = {
    status: status === "all" ? undefined : status,
    category: search.category,
    team: search.team,
    channel: search.channel,
    overdue: search.overdue,
    assignedToMe: search.mine === "1" ? "true" : undefined,
    q: search.q,
  } as NonNullable<Args<"case.list">["query"]>;
  const cases = useOp(
    "case.list",
    { query: { ...filters, page, pageSize: PAGE_SIZE } },
    { placeholderData: keepPreviousData },
  );
  const hasFilters = Boolean(
    search.q ||
      search.category ||
      search.team ||
      search.channel ||
      search.overdue ||
      search.mine ||
      search.status,
  );

  return (
    <Stack gap="md">
      <PageHeader
        title="Speak-up cases"
        description="Reports from the web portal, the hotlines, letters and the app (COC-21.1). You see the cases of your team and those assigned to you, never one that names you (COC-22.2)."
        actions={
          <>
            {canStats ? (
              <ButtonLink to="/speakup/stats" variant="default" leftSection={<IconChartBar size={16} />}>
                Statistics
              </ButtonLink>
            ) : null}
            {canConfigure ? (
              <ButtonLink to="/speakup/settings" variant="default" leftSection={<IconSettings size={16} />}>
                Settings
              </ButtonLink>
            ) : null}
            <ButtonLink to="/speakup/intake" leftSection={<IconMessageReport size={16} />}>
              Report a concern
            </ButtonLink>
          </>
        }
      />
      <NeedsHandler />
      <ListToolbar
        columns={{ base: 2, md: 3, lg: 5 }}
        search={
          <SearchBox
            label="Case number"
            placeholder="e.g. SU-2026-00012"
            value={search.q}
            onSearch={(q) => update({ q })}
          />
        }
      >
        <FilterSelect
          label="Status"
          data={statusOptions}
          value={status}
          onChange={(value) => update({ status: value && value !== "open" ? value : undefined })}
          clearable={false}
        />
        {vocabularyFilters.map(({ key, label, placeholder, isSearchable }) => (
          <FilterSelect
            key={key}
            label={label}
            placeholder={placeholder}
            data={vocabularyOptions(vocabulary.data?.[VOCABULARY_LIST[key]])}
            value={search[key]}
            onChange={(value) => update({ [key]: value })}
            searchable={isSearchable}
          />
        ))}
        <FilterSelect
          label="Deadlines"
          placeholder="Any"
          data={overdueOptions}
          value={search.overdue}
          onChange={(overdue) => update({ overdue })}
        />
        <Checkbox
          label="Assigned to me"
          checked={search.mine === "1"}
          onChange={(event) => update({ mine: event.currentTarget.checked ? "1" : undefined })}
          style={{ alignSelf: "end" }}
        />
      </ListToolbar>
      <DataTable
        label="Speak-up cases"
        columns={caseColumns}
        rowKey={(c) => c.id}
        query={cases}
        minWidth={820}
        onPageChange={setPage}
        noun="cases"
        rowProps={(c) => ({
          className: "clickable-row",
          onClick: () => navigate({ to: "/speakup/cases/$caseId", params: { caseId: c.id } }),
        })}
        empty={{
          title: hasFilters ? "No cases match these filters" : "No open cases",
          description: hasFilters
            ? "Try another filter, or choose status All to include closed cases."
            : "New reports from the portal, the hotlines and the app appear here.",
          action: hasFilters ? <ClearFiltersButton onClear={clear} /> : null,
        }}
      />
    </Stack>
  );
};

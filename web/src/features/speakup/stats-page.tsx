import {
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { keepPreviousData } from "@tanstack/react-query";
import { useState } from "react";
import { type Schema, useOp } from "../../api/client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { Section } from "../../components/section.tsx";
import { formatDate, formatNumber } from "../../lib/format.ts";
import { quarterlyPdfUrl, quarterOf, recentQuarters } from "./vocabulary.ts";

type Stats = Schema<"SpeakupStatsView">;
type Count = Stats["byCategory"][number];

const WITHHELD = "fewer than 5";

const percent = (share: number | null) => (share === null ? null : `${Math.round(share * 1000) / 10}%`);

const Metric = ({
  label,
  value,
  benchmark,
  note,
}: {
  label: string;
  value: string | null;
  benchmark: string;
  note?: string;
}) => (
  <Paper p="md" withBorder>
    <Text size="xs" c="dimmed" fw={700} tt="uppercase">
      {label}
    </Text>
    <Text size="xl" fw={700} mt={4} c={value === null ? "dimmed" : undefined}>
      {value ?? "Withheld"}
    </Text>
    <Text size="sm" c="dimmed">
      NAVEX 2024: {benchmark}
    </Text>
    {note ? (
      <Text size="xs" c="dimmed" mt={4}>
        {note}
      </Text>
    ) : null}
  </Paper>
);

const Breakdown = ({ title, rows }: { title: string; rows: Count[] }) => (
  <Section title={title}>
    <Table aria-label={title}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{title.replace(/^By /, "").replace(/^./, (c) => c.toUpperCase())}</Table.Th>
          <Table.Th ta="right">Reports</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.length === 0 ? (
          <Table.Tr>
            <Table.Td colSpan={2} c="dimmed">
              No reports in this period.
            </Table.Td>
          </Table.Tr>
        ) : null}
        {rows.map((r) => (
          <Table.Tr key={r.key}>
            <Table.Td>{r.label}</Table.Td>
            <Table.Td ta="right" c={r.count === null ? "dimmed" : undefined} className="nowrap">
              {r.count === null ? WITHHELD : formatNumber(r.count)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  </Section>
);

const countryLabel = (code: string) => {
  if (code === "other") return "Other countries (fewer than 5 each)";
  if (code.length !== 2) return "Not given";
  try {
    return new Intl.DisplayNames(["en"], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
};

const Totals = ({ stats }: { stats: Stats }) => {
  const t = stats.totals;
  const b = stats.benchmark;
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
      <Metric
        label="Reports per 100 employees"
        value={t.reportsPer100Employees === null ? null : String(t.reportsPer100Employees)}
        benchmark={String(b.reportsPer100Employees)}
        note={`Annualised; ${t.reports === null ? WITHHELD : formatNumber(t.reports)} reports, ${formatNumber(stats.employees)} employees.`}
      />
      <Metric
        label="Anonymous"
        value={percent(t.anonymousShare)}
        benchmark={percent(b.anonymousShare) ?? ""}
      />
      <Metric
        label="Substantiated"
        value={percent(t.substantiatedShare)}
        benchmark={percent(b.substantiatedShare) ?? ""}
        note="Of the cases with an outcome, fully or partly."
      />
      <Metric
        label="Median days to close"
        value={t.medianDaysToClose === null ? null : String(Math.round(t.medianDaysToClose))}
        benchmark={`about ${b.medianDaysToClose}`}
        note={`${t.closed === null ? WITHHELD : formatNumber(t.closed)} closed cases.`}
      />
    </SimpleGrid>
  );
};

/** Hotline statistics against the NAVEX 2024 benchmark; small counts are withheld (COC-22.2). */
export const StatsPage = () => {
  const quarters = recentQuarters();
  const [mode, setMode] = useState<"quarter" | "range">("quarter");
  const [quarter, setQuarter] = useState(quarterOf(new Date()));
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const params = mode === "quarter" ? { quarter } : { from: from || undefined, to: to || undefined };
  const stats = useOp("speakup.stats", { query: params }, { placeholderData: keepPreviousData });
  return (
    <Stack>
      <PageHeader
        title="Hotline statistics"
        description="Reports you may see, compared with the NAVEX 2024 Risk & Compliance Hotline benchmark. Any count below 5, and any share or median computed from fewer than 5 reports, is withheld so no one can be singled out (COC-22.2)."
        actions={
          <Button
            component="a"
            href={quarterlyPdfUrl(mode === "quarter" ? quarter : quarterOf(new Date()))}
            leftSection={<IconDownload size={16} />}
            download
          >
            Audit Committee report {mode === "quarter" ? quarter : quarterOf(new Date())} (PDF)
          </Button>
        }
      />
      <Paper p="md">
        <Group align="flex-end" wrap="wrap">
          <SegmentedControl
            aria-label="Period"
            data={[
              { value: "quarter", label: "Quarter" },
              { value: "range", label: "Dates" },
            ]}
            value={mode}
            onChange={(v) => setMode(v as "quarter" | "range")}
          />
          {mode === "quarter" ? (
            <Select
              label="Quarter"
              data={quarters}
              value={quarter}
              onChange={(v) => v && setQuarter(v)}
              allowDeselect={false}
              w={160}
            />
          ) : (
            <>
              <TextInput
                label="From"
                type="date"
                value={from}
                onChange={(e) => setFrom(e.currentTarget.value)}
              />
              <TextInput label="To" type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
            </>
          )}
          {stats.data ? (
            <Text size="sm" c="dimmed">
              {formatDate(stats.data.period.from)} – {formatDate(stats.data.period.to)}
            </Text>
          ) : null}
        </Group>
      </Paper>
      {stats.isPending ? (
        <Skeleton height={320} />
      ) : stats.isError ? (
        <ErrorAlert error={stats.error} />
      ) : (
        <Stack style={{ opacity: stats.isPlaceholderData ? 0.6 : 1 }}>
          <Totals stats={stats.data} />
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
            <Breakdown title="By category" rows={stats.data.byCategory} />
            <Breakdown title="By channel" rows={stats.data.byChannel} />
            <Breakdown
              title="By country"
              rows={stats.data.byCountry.map((r) => ({ ...r, label: countryLabel(r.key) }))}
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            Source of the benchmark: {stats.data.benchmark.source}.
          </Text>
        </Stack>
      )}
    </Stack>
  );
};

import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Textarea } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { call, invalidate, opUrl, type Result, useOp } from "../../api/client.ts";
import { FormErrorSummary, useApiForm } from "../../components/api-form.tsx";
import { type Column, DataTable, loadedRows } from "../../components/data-table.tsx";
import { formatDateTime, formatNumber } from "../../lib/format.ts";
import { type HolderAllocation, type Offering, pct, RX_READS, usd } from "./rx.ts";

// The allocation run and each investor's Purchase Notice (ECA-2(b), ECA-2(f)).

type Run = NonNullable<Result<"allocation.read">["run"]>;
type InvestorAllocation = Run["allocation"]["investors"][number];
type Notice = Run["notices"][number];

const PAGE_SIZE = 25;
const right = (value: string) => (
  <Text size="sm" ta="right">
    {value}
  </Text>
);

const investorColumns = (notices: Notice[]): Column<InvestorAllocation>[] => [
  { key: "investor", header: "Investor", cell: (i) => i.id },
  { key: "subscription", header: "Subscription", cell: (i) => right(formatNumber(i.subscriptionUnits)) },
  { key: "residual", header: "Residual", cell: (i) => right(formatNumber(i.residualUnits)) },
  { key: "total", header: "Total", cell: (i) => right(formatNumber(i.totalUnits)) },
  { key: "price", header: "Price", cell: (i) => right(usd(i.purchasePrice)) },
  { key: "ownership", header: "Holdco %", cell: (i) => right(pct(i.ownershipPercent)) },
  { key: "structuringFee", header: "Structuring fee", cell: (i) => right(usd(i.structuringFee)) },
  { key: "terminationFee", header: "Termination fee", cell: (i) => right(usd(i.terminationFee)) },
  {
    key: "preferred",
    header: "Preferred",
    cell: (i) => right(`${formatNumber(i.preferredShares)} (${usd(i.preferredPrice)})`),
  },
  {
    key: "notice",
    header: "Purchase Notice",
    cell: (i) => {
      const notice = notices.find((n) => n.investorCode === i.id);
      return notice ? (
        <>
          <Anchor href={opUrl("notice.pdf", { path: { id: notice.id } })} target="_blank">
            PDF (due {notice.dueDate}
            {notice.onTime ? ", on time" : ", LATE"})
          </Anchor>
          {notice.supersedesIssuedAt ? (
            <Text size="xs" c="orange">
              supersedes the notice of {notice.supersedesIssuedAt.slice(0, 10)}
            </Text>
          ) : null}
        </>
      ) : null;
    },
  },
];

const HOLDER_COLUMNS: Column<HolderAllocation>[] = [
  { key: "holder", header: "Holder", cell: (h) => h.id },
  { key: "rights", header: "Rights", cell: (h) => right(formatNumber(h.rights)) },
  { key: "exercised", header: "Exercised", cell: (h) => right(formatNumber(h.exercised)) },
  { key: "cutback", header: "Cut back", cell: (h) => right(formatNumber(h.cutbackUnits)) },
  { key: "final", header: "Final units", cell: (h) => right(formatNumber(h.finalUnits)) },
  { key: "price", header: "Price", cell: (h) => right(usd(h.purchasePrice)) },
];

/**
 * Runs the allocation: after the exercise period ends, or earlier (or again) with a reason the run
 * keeps; a re-run's notices supersede the earlier ones and say so (ECA-2(b), ECA-2(f)).
 */
function RunAllocationForm({ o, hasRun }: { o: Offering; hasRun: boolean }) {
  const qc = useQueryClient();
  const isOpen = new Date().toISOString().slice(0, 10) <= o.exerciseEnd;
  const needsReason = isOpen || hasRun;
  const form = useApiForm<{ reason: string }, Result<"allocation.run">>({
    initialValues: { reason: "" },
    labels: { reason: "Reason for running now" },
    submit: ({ reason }) =>
      call("allocation.run", { path: { id: o.id }, body: reason.trim() ? { reason } : {} }),
    onSuccess: () => {
      invalidate(qc, ...RX_READS);
      form.reset();
    },
  });
  return (
    <Card withBorder component="form" onSubmit={form.onSubmit} noValidate>
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          Uses the register and the paid elections as they stand (an unpaid election buys nothing, ECA-3(a));
          each investor's Purchase Notice is produced at once (due within 2 business days, ECA-2(f)).
          {isOpen
            ? ` The exercise period runs to ${o.exerciseEnd}: running before it ends needs a reason.`
            : ""}
          {hasRun
            ? " A new run supersedes the current run's Purchase Notices, and each new notice says so."
            : ""}
        </Text>
        <FormErrorSummary form={form} title="The allocation did not run" />
        {needsReason ? (
          <Textarea label="Reason for running now" autosize minRows={1} {...form.getInputProps("reason")} />
        ) : null}
        <Group>
          <Button type="submit" loading={form.mutation.isPending}>
            {hasRun ? "Run the allocation again" : "Run the allocation"}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function AllocationPanel({ o }: { o: Offering }) {
  const run = useOp("allocation.read", { path: { id: o.id } });
  const r = run.data?.run;
  return (
    <Stack>
      {o.can.runAllocation && run.isSuccess ? <RunAllocationForm o={o} hasRun={Boolean(r)} /> : null}
      {r?.outOfDate ? (
        <Alert
          color="orange"
          title="Out of date: the inputs changed since this run"
          data-testid="allocation-out-of-date"
        >
          The figures below no longer follow the register and the paid elections (ECA-2(b)).
          {r.changes.length ? (
            <Stack gap={2} mt={4}>
              {r.changes.map((c) => (
                <Text size="sm" key={c}>
                  {c}
                </Text>
              ))}
            </Stack>
          ) : null}
        </Alert>
      ) : null}
      {!r ? (
        <Text c="dimmed">The allocation has not been run yet.</Text>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            Run {formatDateTime(r.runAt)}
            {r.reason ? ` (reason: ${r.reason})` : ""}
            {r.supersededRuns ? `; supersedes ${r.supersededRuns} earlier run(s)` : ""}. Units offered{" "}
            {formatNumber(r.allocation.totals.unitsOffered)}, subscribed{" "}
            {formatNumber(r.allocation.totals.subscribedUnits)}, residual{" "}
            {formatNumber(r.allocation.totals.residualUnits)}, cut back{" "}
            {formatNumber(r.allocation.totals.cutbackUnits)}; threshold group owns{" "}
            {pct(r.allocation.totals.thresholdGroupOwnershipPercent)}{" "}
            {r.outOfDate ? (
              <Badge color="orange">out of date</Badge>
            ) : r.allocation.totals.thresholdMet ? (
              <Badge color="green">threshold met</Badge>
            ) : (
              <Badge color="red">{r.allocation.totals.thresholdShortfallUnits} units short</Badge>
            )}
          </Text>
          <DataTable
            label="Allocation by investor"
            columns={investorColumns(r.notices)}
            rowKey={(i) => i.id}
            query={loadedRows(r.allocation.investors)}
            inPaper={false}
            minWidth={900}
            tableProps={{ withTableBorder: true, striped: true }}
            empty={{ title: "No investors in this run" }}
          />
          {r.allocation.explanation.length ? (
            <Card withBorder data-testid="explanation">
              <Text fw={600} mb="xs">
                Explanation
              </Text>
              <Stack gap={6}>
                {r.allocation.explanation.map((line) => (
                  <Text size="sm" key={line.slice(0, 40)}>
                    {line}
                  </Text>
                ))}
              </Stack>
            </Card>
          ) : null}
          {r.allocation.holders.length ? <HolderResults run={r.allocation.holders} /> : null}
        </>
      )}
    </Stack>
  );
}

function HolderResults({ run }: { run: HolderAllocation[] }) {
  const [page, setPage] = useState(1);
  const items = run.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  return (
    <Stack gap="xs">
      <Text fw={600}>Holders</Text>
      <DataTable
        label="Holders"
        columns={HOLDER_COLUMNS}
        rowKey={(h) => h.id}
        query={{
          isPending: false,
          isError: false,
          error: null,
          data: { items, total: run.length, page, pageSize: PAGE_SIZE },
        }}
        onPageChange={setPage}
        noun="holders"
        inPaper={false}
        tableProps={{ withTableBorder: true, striped: true }}
        empty={{ title: "No holders in this run" }}
      />
    </Stack>
  );
}

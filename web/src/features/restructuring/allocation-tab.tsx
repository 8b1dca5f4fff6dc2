import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { call, invalidate, opUrl, type Result, useOp } from "../../api/client.ts";
import { type Column, DataTable, loadedRows } from "../../components/data-table.tsx";
import { errorMessage } from "../../lib/api.ts";
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
        <Anchor href={opUrl("notice.pdf", { path: { id: notice.id } })} target="_blank">
          PDF (due {notice.dueDate}
          {notice.onTime ? ", on time" : ", LATE"})
        </Anchor>
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

export function AllocationPanel({ o }: { o: Offering }) {
  const qc = useQueryClient();
  const run = useOp("allocation.read", { path: { id: o.id } });
  const start = useMutation({
    mutationFn: () => call("allocation.run", { path: { id: o.id } }),
    onSuccess: () => invalidate(qc, ...RX_READS),
  });
  const r = run.data?.run;
  return (
    <Stack>
      {o.can.runAllocation ? (
        <Group>
          <Button onClick={() => start.mutate()} loading={start.isPending}>
            Run the allocation
          </Button>
          <Text size="sm" c="dimmed">
            Uses the register and elections as they stand; each investor's Purchase Notice is produced at once
            (due within 2 business days, ECA-2(f)).
          </Text>
        </Group>
      ) : null}
      {start.error ? <Alert color="red">{errorMessage(start.error)}</Alert> : null}
      {!r ? (
        <Text c="dimmed">The allocation has not been run yet.</Text>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            Run {formatDateTime(r.runAt)}. Units offered {formatNumber(r.allocation.totals.unitsOffered)},
            subscribed {formatNumber(r.allocation.totals.subscribedUnits)}, residual{" "}
            {formatNumber(r.allocation.totals.residualUnits)}, cut back{" "}
            {formatNumber(r.allocation.totals.cutbackUnits)}; threshold group owns{" "}
            {pct(r.allocation.totals.thresholdGroupOwnershipPercent)}{" "}
            {r.allocation.totals.thresholdMet ? (
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

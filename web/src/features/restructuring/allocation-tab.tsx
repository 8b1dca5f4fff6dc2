import { Alert, Anchor, Badge, Button, Card, Group, Stack, Table, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { call, invalidate, opUrl, useOp } from "../../api/client.ts";
import { errorMessage } from "../../lib/api.ts";
import { formatDateTime, formatNumber } from "../../lib/format.ts";
import { type HolderAllocation, type Offering, pct, RX_READS, usd } from "./rx.ts";
// The allocation run and each investor's Purchase Notice (ECA-2(b), ECA-2(f)).

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
          <Table withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Investor</Table.Th>
                <Table.Th ta="right">Subscription</Table.Th>
                <Table.Th ta="right">Residual</Table.Th>
                <Table.Th ta="right">Total</Table.Th>
                <Table.Th ta="right">Price</Table.Th>
                <Table.Th ta="right">Holdco %</Table.Th>
                <Table.Th ta="right">Structuring fee</Table.Th>
                <Table.Th ta="right">Termination fee</Table.Th>
                <Table.Th ta="right">Preferred</Table.Th>
                <Table.Th>Purchase Notice</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.allocation.investors.map((i) => {
                const notice = r.notices.find((n) => n.investorCode === i.id);
                return (
                  <Table.Tr key={i.id}>
                    <Table.Td>{i.id}</Table.Td>
                    <Table.Td ta="right">{formatNumber(i.subscriptionUnits)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(i.residualUnits)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(i.totalUnits)}</Table.Td>
                    <Table.Td ta="right">{usd(i.purchasePrice)}</Table.Td>
                    <Table.Td ta="right">{pct(i.ownershipPercent)}</Table.Td>
                    <Table.Td ta="right">{usd(i.structuringFee)}</Table.Td>
                    <Table.Td ta="right">{usd(i.terminationFee)}</Table.Td>
                    <Table.Td ta="right">
                      {formatNumber(i.preferredShares)} ({usd(i.preferredPrice)})
                    </Table.Td>
                    <Table.Td>
                      {notice ? (
                        <Anchor href={opUrl("notice.pdf", { path: { id: notice.id } })} target="_blank">
                          PDF (due {notice.dueDate}
                          {notice.onTime ? ", on time" : ", LATE"})
                        </Anchor>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
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
  const [page, setPage] = useState(0);
  const rows = run.slice(page * 25, page * 25 + 25);
  return (
    <Stack gap="xs">
      <Text fw={600}>Holders</Text>
      <Table withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Holder</Table.Th>
            <Table.Th ta="right">Rights</Table.Th>
            <Table.Th ta="right">Exercised</Table.Th>
            <Table.Th ta="right">Cut back</Table.Th>
            <Table.Th ta="right">Final units</Table.Th>
            <Table.Th ta="right">Price</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((h) => (
            <Table.Tr key={h.id}>
              <Table.Td>{h.id}</Table.Td>
              <Table.Td ta="right">{formatNumber(h.rights)}</Table.Td>
              <Table.Td ta="right">{formatNumber(h.exercised)}</Table.Td>
              <Table.Td ta="right">{formatNumber(h.cutbackUnits)}</Table.Td>
              <Table.Td ta="right">{formatNumber(h.finalUnits)}</Table.Td>
              <Table.Td ta="right">{usd(h.purchasePrice)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button size="xs" variant="default" disabled={page === 0} onClick={() => setPage(page - 1)}>
          Previous
        </Button>
        <Button
          size="xs"
          variant="default"
          disabled={(page + 1) * 25 >= run.length}
          onClick={() => setPage(page + 1)}
        >
          Next
        </Button>
      </Group>
    </Stack>
  );
}

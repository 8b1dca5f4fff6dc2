import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  NumberInput,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { call, invalidate, opUrl, useOp } from "../../api/client.ts";
import { errorMessage, isApiError } from "../../lib/api.ts";
import { formatNumber } from "../../lib/format.ts";
import { type Holder, type Offering, RX_READS, usd } from "./rx.ts";
// The claims register and the subscription agent's elections (ECA-3(a)).

export function Register({ o }: { o: Offering }) {
  const qc = useQueryClient();
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const holders = useOp("register.read", { path: { id: o.id }, query: { q, page, pageSize: 25 } });
  const [csv, setCsv] = useState("");
  const importer = useMutation({
    mutationFn: () => call("register.import", { path: { id: o.id }, body: { csv, dryRun: false } }),
    onSuccess: () => invalidate(qc, ...RX_READS),
  });
  const rowErrors =
    importer.error && isApiError(importer.error)
      ? ((
          importer.error.problem as {
            result?: { errors: { row: number; column: string; message: string }[] };
          }
        ).result?.errors ?? [])
      : [];
  return (
    <Stack>
      {o.can.manage ? (
        <Card withBorder>
          <Stack gap="xs">
            <Text fw={600}>Import the claims register (CSV)</Text>
            <Text size="sm" c="dimmed">
              Columns: holder_id, name, email, investor, class (us_rollup, eu_rollup, eu_term), amount,
              plan_shares, rights. One row per holder and class; rights are computed pro rata to Eligible
              Claims unless given. A file with any error writes nothing.{" "}
              <Anchor href={opUrl("register.template")}>Template</Anchor>
            </Text>
            <input
              type="file"
              accept=".csv,text/csv"
              aria-label="Register file"
              onChange={async (e) => setCsv((await e.target.files?.[0]?.text()) ?? "")}
            />
            <Textarea
              label="Register CSV"
              autosize
              minRows={3}
              maxRows={10}
              value={csv}
              onChange={(e) => setCsv(e.currentTarget.value)}
            />
            <Group>
              <Button onClick={() => importer.mutate()} loading={importer.isPending} disabled={!csv.trim()}>
                Import register
              </Button>
              {importer.data ? (
                <Text size="sm" data-testid="import-result">
                  Imported {importer.data.summary.holders} holders ({importer.data.summary.created} new,{" "}
                  {importer.data.summary.updated} updated).
                </Text>
              ) : null}
            </Group>
            {importer.error ? (
              <Alert color="red" title={errorMessage(importer.error)}>
                {rowErrors.slice(0, 20).map((e) => (
                  <Text size="sm" key={`${e.row}-${e.column}`}>
                    Row {e.row}, {e.column}: {e.message}
                  </Text>
                ))}
              </Alert>
            ) : null}
          </Stack>
        </Card>
      ) : null}
      <TextInput
        placeholder="Search holder id or name"
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          setPage(1);
        }}
        maw={320}
      />
      <Table withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Holder</Table.Th>
            <Table.Th>Investor</Table.Th>
            <Table.Th>Eligible Claims</Table.Th>
            <Table.Th ta="right">Rights</Table.Th>
            <Table.Th ta="right">Exercised</Table.Th>
            <Table.Th ta="right">Due / paid</Table.Th>
            {o.can.elect ? <Table.Th>Election</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {holders.data?.items.map((h) => (
            <Table.Tr key={h.id} data-testid={`holder-${h.code}`}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {h.code}
                </Text>
                <Text size="xs" c="dimmed">
                  {h.name}
                </Text>
              </Table.Td>
              <Table.Td>{h.investor ?? "—"}</Table.Td>
              <Table.Td>
                {Object.entries(h.claims).map(([k, v]) => (
                  <Text size="xs" key={k}>
                    {k}: {usd(v)}
                  </Text>
                ))}
              </Table.Td>
              <Table.Td ta="right">{formatNumber(h.rights)}</Table.Td>
              <Table.Td ta="right">
                {h.electedAt ? (
                  formatNumber(h.exercised)
                ) : (
                  <Text c="dimmed" size="sm">
                    not elected
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">
                <Text size="xs">{usd(h.paymentDue)}</Text>
                <Text size="xs" c={h.paid === h.paymentDue ? "green" : "orange"}>
                  {usd(h.paid)}
                </Text>
              </Table.Td>
              {o.can.elect ? (
                <Table.Td>
                  <ElectionForm holder={h} price={o.pricePerUnit} />
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {holders.data ? (
        <Group>
          <Text size="sm" c="dimmed">
            {formatNumber(holders.data.total)} holders
          </Text>
          <Button size="xs" variant="default" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            Previous
          </Button>
          <Button
            size="xs"
            variant="default"
            disabled={page * 25 >= holders.data.total}
            onClick={() => setPage(page + 1)}
          >
            Next
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

const times = (price: string, units: number) => {
  const cents = BigInt(price.replace(".", "")) * BigInt(units);
  return `${cents / 100n}.${(cents % 100n).toString().padStart(2, "0")}`;
};

function ElectionForm({ holder, price }: { holder: Holder; price: string }) {
  const qc = useQueryClient();
  const [exercised, setExercised] = useState<number | string>(holder.exercised);
  const [paid, setPaid] = useState(true);
  const save = useMutation({
    mutationFn: () => {
      const n = Number(exercised);
      return call("election.record", {
        path: { id: holder.id },
        body: { exercised: n, payment: paid ? times(price, n) : "0.00" },
      });
    },
    onSuccess: () => invalidate(qc, ...RX_READS),
  });
  return (
    <Stack gap={4}>
      <Group gap={4} wrap="nowrap">
        <NumberInput
          size="xs"
          w={100}
          aria-label={`Exercised by ${holder.code}`}
          min={0}
          value={exercised}
          onChange={setExercised}
        />
        <Switch size="xs" label="paid" checked={paid} onChange={(e) => setPaid(e.currentTarget.checked)} />
        <Button size="xs" onClick={() => save.mutate()} loading={save.isPending}>
          Record
        </Button>
      </Group>
      {save.error ? (
        <Text size="xs" c="red">
          {errorMessage(save.error)}
        </Text>
      ) : null}
    </Stack>
  );
}

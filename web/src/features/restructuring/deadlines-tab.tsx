import { Alert, Badge, Stack, Table, Text } from "@mantine/core";
import { useOp } from "../../api/client.ts";
import { FactsForm } from "./facts-form.tsx";
import { type Offering, usd } from "./rx.ts";
import { TerminationForm } from "./termination-form.tsx";

/** Deadlines in business days on the US banking calendar (ECA-9, ECA-19, ECA-1(ff), ECA-26). */
export function Deadlines({ o }: { o: Offering }) {
  const deadlines = useOp("deadline.list", { path: { id: o.id } });
  const terminations = useOp("termination.list", { path: { id: o.id } });
  return (
    <Stack>
      {o.can.manage ? <FactsForm o={o} /> : null}
      <Table withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Rule</Table.Th>
            <Table.Th>Deadline</Table.Th>
            <Table.Th>Date</Table.Th>
            <Table.Th>Computed from</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {deadlines.data?.map((d) => (
            <Table.Tr key={d.key}>
              <Table.Td>{d.rule}</Table.Td>
              <Table.Td>{d.title}</Table.Td>
              <Table.Td>
                {d.date ?? "—"} {d.status === "upcoming" ? <Badge size="xs">upcoming</Badge> : null}
              </Table.Td>
              <Table.Td>
                <Text size="xs">{d.basis}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text fw={600}>Termination events (ECA-19) and the Termination Fee (ECA-2(d))</Text>
      <Table withTableBorder>
        <Table.Tbody>
          {terminations.data?.events.map((e) => (
            <Table.Tr key={e.code}>
              <Table.Td>{e.code}</Table.Td>
              <Table.Td>{e.label}</Table.Td>
              <Table.Td>
                {e.feeOwed === true
                  ? "Termination Fee owed"
                  : e.feeOwed === false
                    ? "no fee"
                    : "fee owed if 19(d) applies"}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {o.can.manage && terminations.data && !terminations.data.recorded.length ? (
        <TerminationForm o={o} events={terminations.data.events} />
      ) : null}
      {terminations.data?.recorded.map((t) => (
        <Alert key={t.id} color="red" title={`Terminated: ${t.event} on ${t.occurredOn}`}>
          {t.label}. {t.feeOwed ? `Termination Fee owed: ${usd(t.fee)}.` : "No Termination Fee."} {t.note}
        </Alert>
      ))}
    </Stack>
  );
}

import { Alert, Group, Stack, Switch, Table, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useOp } from "../../api/client.ts";
import { errorMessage } from "../../lib/api.ts";
import { type Offering, usd } from "./rx.ts";

/** The use-of-proceeds waterfall with its caps (ECA-9(i)). */
export function Proceeds({ o }: { o: Offering }) {
  const [required, setRequired] = useState("0.00");
  const [clauseD, setClauseD] = useState("0.00");
  const [liquidity, setLiquidity] = useState(true);
  const w = useOp(
    "proceeds.read",
    {
      path: { id: o.id },
      query: {
        requiredPayments: required,
        clauseDPayments: clauseD,
        liquidityConditionHolds: liquidity ? "true" : "false",
      },
    },
    { retry: false },
  );
  return (
    <Stack>
      <Group align="flex-end">
        <TextInput
          label="Clauses (a) and (b) payments"
          value={required}
          onChange={(e) => setRequired(e.currentTarget.value)}
        />
        <TextInput
          label="Clause (d) payments"
          value={clauseD}
          onChange={(e) => setClauseD(e.currentTarget.value)}
        />
        <Switch
          label="Liquidity condition (ECA-11(g)) holds"
          checked={liquidity}
          onChange={(e) => setLiquidity(e.currentTarget.checked)}
        />
      </Group>
      {w.error ? <Alert color="red">{errorMessage(w.error)}</Alert> : null}
      {w.data ? (
        <>
          <Text size="sm">
            Proceeds {w.data.fromAllocation ? "from the current allocation" : "(no allocation yet)"}:{" "}
            {usd(w.data.proceeds)}; Rights Offering Reserve Amount {usd(w.data.reserve)}; not used{" "}
            {usd(w.data.unused)}.
          </Text>
          <Table withTableBorder striped>
            <Table.Tbody>
              {w.data.lines.map((l) => (
                <Table.Tr key={l.step}>
                  <Table.Td>{l.rule}</Table.Td>
                  <Table.Td>{l.note}</Table.Td>
                  <Table.Td>{l.cap ? `cap ${l.cap}` : "in full"}</Table.Td>
                  <Table.Td ta="right">{usd(l.amount)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      ) : null}
    </Stack>
  );
}

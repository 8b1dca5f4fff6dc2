import { Badge, Button, Card, Group, NumberInput, Table, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { call, invalidate, useOp } from "../../api/client.ts";
import { errorMessage } from "../../lib/api.ts";
import { formatNumber } from "../../lib/format.ts";
import { RX_READS, usd } from "./rx.ts";

/** The holder portal: a holder's (or an investor's affiliates') rights and its election. */
export function Portal() {
  const qc = useQueryClient();
  const { data } = useOp("portal.read", {});
  const [values, setValues] = useState<Record<string, number | string>>({});
  const elect = useMutation({
    mutationFn: (h: { id: string; exercised: number }) =>
      call("election.record", { path: { id: h.id }, body: { exercised: h.exercised } }),
    onSuccess: () => invalidate(qc, ...RX_READS),
  });
  return (
    <Card withBorder mb="lg">
      <Text fw={600} mb="xs">
        My rights
      </Text>
      <Table>
        <Table.Tbody>
          {data?.map((h) => (
            <Table.Tr key={h.id}>
              <Table.Td>
                {h.code} · {h.name}
                <Text size="xs" c="dimmed">
                  {h.offeringName}: exercise {h.exerciseStart} – {h.exerciseEnd} at {usd(h.pricePerUnit)} per
                  unit
                  {h.mustExerciseAll ? " · as an investor's affiliate, all rights (ECA-3(a))" : ""}
                </Text>
              </Table.Td>
              <Table.Td>{formatNumber(h.rights)} rights</Table.Td>
              <Table.Td>{h.electedAt ? `${formatNumber(h.exercised)} exercised` : "not elected"}</Table.Td>
              <Table.Td>
                {h.isOpen ? (
                  <Group gap={4}>
                    <NumberInput
                      size="xs"
                      w={110}
                      min={0}
                      max={h.rights}
                      aria-label={`Exercise for ${h.code}`}
                      value={values[h.id] ?? h.exercised}
                      onChange={(v) => setValues({ ...values, [h.id]: v })}
                    />
                    <Button
                      size="xs"
                      onClick={() =>
                        elect.mutate({ id: h.id, exercised: Number(values[h.id] ?? h.exercised) })
                      }
                    >
                      Elect
                    </Button>
                  </Group>
                ) : (
                  <Badge color="gray">exercise period closed</Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {elect.error ? (
        <Text size="sm" c="red">
          {errorMessage(elect.error)}
        </Text>
      ) : null}
    </Card>
  );
}

import { Badge, Button, Card, Group, NumberInput, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { call, invalidate, useOp } from "../../api/client.ts";
import { errorMessage } from "../../lib/api.ts";
import { formatNumber } from "../../lib/format.ts";
import { paymentStanding } from "./payment-form.tsx";
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
      {/* Stacked cards rather than a four-column table: at 390 px every figure and the field fit. */}
      <Stack gap="sm" data-testid="my-rights">
        {data?.map((h) => (
          <Card key={h.id} withBorder padding="sm">
            <Text size="sm" fw={500} style={{ overflowWrap: "anywhere" }}>
              {h.code} · {h.name}
            </Text>
            <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
              {h.offeringName}: exercise {h.exerciseStart} – {h.exerciseEnd} at {usd(h.pricePerUnit)} per unit
              {h.mustExerciseAll ? " · as an investor's affiliate, all rights (ECA-3(a))" : ""}
            </Text>
            <Group gap="md" mt={4} wrap="wrap">
              <Text size="sm">{formatNumber(h.rights)} rights</Text>
              <Text size="sm">{h.electedAt ? `${formatNumber(h.exercised)} exercised` : "not elected"}</Text>
              <Text size="sm">{paymentStanding(h)}</Text>
            </Group>
            {h.isOpen ? (
              <Group gap={4} mt={4} wrap="wrap">
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
                  aria-label={`Elect for ${h.code} ${h.name}`}
                  onClick={() => elect.mutate({ id: h.id, exercised: Number(values[h.id] ?? h.exercised) })}
                >
                  Elect
                </Button>
              </Group>
            ) : (
              <Badge color="gray" mt={4}>
                exercise period closed
              </Badge>
            )}
          </Card>
        ))}
      </Stack>
      {elect.error ? (
        <Text size="sm" c="red">
          {errorMessage(elect.error)}
        </Text>
      ) : null}
    </Card>
  );
}

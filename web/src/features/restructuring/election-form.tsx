import { Button, Group, NumberInput, Stack, Switch, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { call, invalidate } from "../../api/client.ts";
import { useApiForm } from "../../components/api-form.tsx";
import { errorMessage } from "../../lib/api.ts";
import { type Holder, RX_READS } from "./rx.ts";

const times = (price: string, units: number) => {
  const cents = BigInt(price.replace(".", "")) * BigInt(units);
  return `${cents / 100n}.${(cents % 100n).toString().padStart(2, "0")}`;
};

type ElectionValues = { exercised: number | string; paid: boolean };

/**
 * The subscription agent records a holder's election and its payment, in the holder's row: the
 * errors stand under the row's fields rather than in a summary, which would not fit the table.
 */
export function ElectionForm({ holder, price }: { holder: Holder; price: string }) {
  const qc = useQueryClient();
  const form = useApiForm<ElectionValues>({
    initialValues: { exercised: holder.exercised, paid: true },
    labels: { exercised: `Exercised by ${holder.code}`, payment: "Payment" },
    submit: ({ exercised, paid }) => {
      const n = Number(exercised);
      return call("election.record", {
        path: { id: holder.id },
        body: { exercised: n, payment: paid ? times(price, n) : "0.00" },
      });
    },
    onSuccess: () => invalidate(qc, ...RX_READS),
  });
  // The row has no room for a summary: the refusal's own sentence ("Holder H0900 has 1,200 rights and
  // cannot exercise 1,201.") stands under the fields, the field's error on the field.
  const messages = form.mutation.isError
    ? [errorMessage(form.mutation.error), form.errors.payment].filter(Boolean)
    : [];
  return (
    <form onSubmit={form.onSubmit} noValidate>
      <Stack gap={4}>
        <Group gap={4} wrap="nowrap" align="flex-start">
          <NumberInput
            size="xs"
            w={100}
            aria-label={`Exercised by ${holder.code}`}
            min={0}
            {...form.getInputProps("exercised")}
          />
          <Switch size="xs" label="paid" mt={6} {...form.getInputProps("paid", { type: "checkbox" })} />
          <Button size="xs" type="submit" loading={form.mutation.isPending}>
            Record
          </Button>
        </Group>
        {messages.map((message) => (
          <Text size="xs" c="red" key={message} role="alert">
            {message}
          </Text>
        ))}
      </Stack>
    </form>
  );
}

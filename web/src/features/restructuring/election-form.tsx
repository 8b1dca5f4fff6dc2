import { Button, Group, NumberInput, Stack, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { call, invalidate } from "../../api/client.ts";
import { useApiForm } from "../../components/api-form.tsx";
import { errorMessage } from "../../lib/api.ts";
import { PaymentForm } from "./payment-form.tsx";
import { type Holder, RX_READS } from "./rx.ts";

type ElectionValues = { exercised: number | string };

/**
 * The subscription agent records a holder's election in the holder's row, and its payments apart
 * (amount, date and wire reference): an election never marks anything paid. The errors stand under
 * the row's fields rather than in a summary, which would not fit the table. Each button names its
 * holder, so a screen reader's list of 55 buttons says whose each one is.
 */
export function ElectionForm({ holder }: { holder: Holder }) {
  const qc = useQueryClient();
  const form = useApiForm<ElectionValues>({
    initialValues: { exercised: holder.exercised },
    labels: { exercised: `Exercised by ${holder.code}` },
    submit: ({ exercised }) =>
      call("election.record", { path: { id: holder.id }, body: { exercised: Number(exercised) } }),
    onSuccess: () => invalidate(qc, ...RX_READS),
  });
  // The row has no room for a summary: the refusal's own sentence ("Holder H0900 has 1,200 rights and
  // cannot exercise 1,201.") stands under the fields, the field's error on the field.
  const messages = form.mutation.isError ? [errorMessage(form.mutation.error)] : [];
  return (
    <Stack gap={4}>
      <Group gap={4} wrap="nowrap" align="flex-start">
        <form onSubmit={form.onSubmit} noValidate style={{ display: "flex", gap: 4 }}>
          <NumberInput
            size="xs"
            w={100}
            aria-label={`Exercised by ${holder.code}`}
            min={0}
            {...form.getInputProps("exercised")}
          />
          <Button
            size="xs"
            type="submit"
            loading={form.mutation.isPending}
            aria-label={`Record the election of ${holder.code} ${holder.name}`}
          >
            Record
          </Button>
        </form>
        {/* Outside the election's form: the dialog's submit must not bubble into it (React portals). */}
        <PaymentForm holder={holder} />
      </Group>
      {messages.map((message) => (
        <Text size="xs" c="red" key={message} role="alert">
          {message}
        </Text>
      ))}
    </Stack>
  );
}

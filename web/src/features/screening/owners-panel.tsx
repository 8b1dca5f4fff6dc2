import {
  Button,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { call, invalidate, type Schema } from "../../api/client.ts";
import { FormErrorSummary, useApiForm } from "../../components/api-form.tsx";
import { SCREENING_READS } from "./screening-api.ts";

type CounterpartyDetail = Schema<"CounterpartyDetailView">;
type Values = {
  ownerEntityId: string;
  ownerCounterpartyId: string;
  ownerName: string;
  percentage: number | string;
};
const BLANK: Values = { ownerEntityId: "", ownerCounterpartyId: "", ownerName: "", percentage: "" };
const LABELS = {
  ownerEntityId: "Owner's list entry",
  ownerCounterpartyId: "Owner's counterparty id",
  ownerName: "Owner's name",
  percentage: "Share (%)",
};

/**
 * Who owns the counterparty: owned 50 % or more, alone or together, by blocked persons, it is
 * blocked (OFAC 50 % rule; EU ownership and control; COC-18.1). The server decides; this lists and edits.
 */
export function OwnersPanel({
  c,
  onChanged,
}: {
  c: CounterpartyDetail;
  onChanged: (next: CounterpartyDetail) => void;
}) {
  const qc = useQueryClient();
  const form = useApiForm<Values, CounterpartyDetail>({
    initialValues: BLANK,
    labels: LABELS,
    submit: (v) =>
      call("counterparty.owner.add", {
        path: { id: c.id },
        body: {
          ownerName: v.ownerName,
          percentage: Number(v.percentage),
          ...(v.ownerEntityId.trim() ? { ownerEntityId: v.ownerEntityId.trim() } : {}),
          ...(v.ownerCounterpartyId.trim() ? { ownerCounterpartyId: v.ownerCounterpartyId.trim() } : {}),
        },
      }),
    onSuccess: (next) => {
      form.setValues(BLANK);
      invalidate(qc, ...SCREENING_READS);
      onChanged(next);
    },
  });
  const remove = async (ownershipId: string) => {
    const next = await call("counterparty.owner.remove", { path: { id: c.id, ownershipId } });
    invalidate(qc, ...SCREENING_READS);
    onChanged(next);
  };
  return (
    <Paper p="md" withBorder data-testid="owners">
      <Stack gap="sm">
        <Title order={4}>Owners</Title>
        {c.owners.length ? (
          <Table fz="sm" withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Owner</Table.Th>
                <Table.Th>List entry / counterparty</Table.Th>
                <Table.Th>Share</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.owners.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>{o.ownerName}</Table.Td>
                  <Table.Td>{o.ownerEntityId ?? o.ownerCounterpartyId}</Table.Td>
                  <Table.Td>{o.percentage} %</Table.Td>
                  <Table.Td>
                    {c.can.canManageCounterparties ? (
                      <Button size="xs" variant="subtle" color="red" onClick={() => void remove(o.id)}>
                        Remove
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm" c="dimmed">
            No owners entered.
          </Text>
        )}
        {c.can.canManageCounterparties ? (
          <form onSubmit={form.onSubmit}>
            <Stack gap="xs">
              <FormErrorSummary form={form} title="Owner not added" />
              <SimpleGrid cols={{ base: 1, sm: 4 }}>
                <TextInput
                  label={LABELS.ownerEntityId}
                  description="e.g. EU-900101, OS-…, an OFAC uid"
                  {...form.getInputProps("ownerEntityId")}
                />
                <TextInput
                  label={LABELS.ownerCounterpartyId}
                  description="or another counterparty"
                  {...form.getInputProps("ownerCounterpartyId")}
                />
                <TextInput label={LABELS.ownerName} required {...form.getInputProps("ownerName")} />
                <NumberInput
                  label={LABELS.percentage}
                  required
                  min={0}
                  max={100}
                  {...form.getInputProps("percentage")}
                />
              </SimpleGrid>
              <Group>
                <Button type="submit" size="xs" loading={form.mutation.isPending}>
                  Add owner
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Paper>
  );
}

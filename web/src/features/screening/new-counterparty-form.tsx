import { Anchor, Badge, Button, Card, Group, Select, Stack, Text, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type Args, call, invalidate, type Result } from "../../api/client.ts";
import { FormErrorSummary, useApiForm } from "../../components/api-form.tsx";
import { SCREENING_READS, STATUS_COLOR } from "./screening-api.ts";

type CounterpartyBody = NonNullable<Args<"counterparty.create">["body"]>;
type NewValues = { name: string; partyType: string | null; country: string };

const LABELS = { name: "Name", partyType: "Type", country: "Country (ISO)" };

/** A counterparty by name only, screened as soon as it is created (COC-18.1). */
export function NewCounterpartyForm() {
  const qc = useQueryClient();
  const form = useApiForm<NewValues, Result<"counterparty.create">>({
    initialValues: { name: "", partyType: "entity", country: "" },
    labels: LABELS,
    validate: (v) => (v.name.trim() ? {} : { name: "Enter the counterparty's name" }),
    submit: (v) =>
      call("counterparty.create", {
        body: {
          name: v.name,
          country: v.country || null,
          partyType: (v.partyType ?? undefined) as CounterpartyBody["partyType"],
          kind: "customer",
        },
      }),
    onSuccess: (_created, sent) => {
      form.setValues({ ...sent, name: "" });
      invalidate(qc, ...SCREENING_READS);
    },
  });
  const created = form.mutation.data;
  return (
    <Card withBorder component="form" onSubmit={form.onSubmit} noValidate>
      <Stack gap="xs">
        <Text fw={600}>New counterparty (screened at once)</Text>
        <FormErrorSummary form={form} />
        <Group align="flex-start">
          <TextInput label={LABELS.name} {...form.getInputProps("name")} w={320} />
          <Select
            label={LABELS.partyType}
            data={["entity", "person", "vessel", "aircraft"]}
            {...form.getInputProps("partyType")}
            value={form.values.partyType}
            w={140}
          />
          <TextInput label={LABELS.country} {...form.getInputProps("country")} w={120} />
          <Button type="submit" mt={25} loading={form.mutation.isPending}>
            Create and screen
          </Button>
        </Group>
        {created ? (
          <Text size="sm">
            {created.name}: <Badge color={STATUS_COLOR[created.status]}>{created.status}</Badge>{" "}
            <Anchor component={Link} to={`/screening/counterparties/${created.id}`}>
              open
            </Anchor>
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}

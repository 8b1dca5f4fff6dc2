import { Button, Card, Group, SimpleGrid, Stack, Switch, Text, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { call, invalidate } from "../../api/client.ts";
import { FormErrorSummary, useApiForm } from "../../components/api-form.tsx";
import { type BodyOf, type Offering, RX_READS } from "./rx.ts";

const DATES: { key: string; label: string }[] = [
  { key: "signingDate", label: "Agreement signed (ECA-9(a), 9(b))" },
  { key: "plansupportReceivedDate", label: "Signed Plan Support Agreements received (ECA-9(c))" },
  { key: "disclosureStatementOrderDate", label: "Disclosure Statement Order entered (ECA-19(a)(ii))" },
  { key: "equityCommitmentOrderDate", label: "Equity Commitment Order entered (ECA-9(h))" },
  { key: "confirmationOrderDate", label: "Confirmation Order entered (ECA-1(ff))" },
  { key: "dipMaturityDate", label: "DIP loans' maturity (ECA-1(ff))" },
  { key: "expectedEffectiveDate", label: "Expected Effective Date (ECA-9(g), ECA-26)" },
  { key: "apolloHsrFilingDate", label: "HSR filing for Apollo (ECA-26)" },
  { key: "orderDeadline", label: "Equity Commitment Order due by (ECA-19(a)(iii))" },
  { key: "finalOrderDeadline", label: "Final Order due by (ECA-19(a)(iv))" },
  { key: "terminationDate", label: "Termination Date (ECA-1(ff))" },
  { key: "extendedTerminationDate", label: "Extended Termination Date (ECA-1(ff))" },
];
const FLAGS: { key: string; label: string }[] = [
  { key: "confirmationOrderFinal", label: "The Confirmation Order is a Final Order (ECA-1(ff))" },
  { key: "apolloCleared", label: "Apollo has its regulatory clearance (ECA-26)" },
];
const LABELS = Object.fromEntries([...DATES, ...FLAGS].map((f) => [f.key, f.label]));

type FactValues = Record<string, string | boolean>;

/** The dated facts the deadlines are computed from; a fact once recorded can be corrected, not removed. */
export function FactsForm({ o }: { o: Offering }) {
  const qc = useQueryClient();
  const facts: Record<string, string | boolean | undefined> = o.facts;
  const form = useApiForm<FactValues>({
    initialValues: {
      ...Object.fromEntries(DATES.map((d) => [d.key, String(facts[d.key] ?? "")])),
      ...Object.fromEntries(FLAGS.map((f) => [f.key, facts[f.key] === true])),
    },
    labels: LABELS,
    submit: (values) => {
      // A date left empty has not happened yet: it is not sent.
      const body = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ""));
      return call("offering.facts", { path: { id: o.id }, body: body as BodyOf<"offering.facts"> });
    },
    onSuccess: () => invalidate(qc, ...RX_READS),
  });
  return (
    <Card withBorder component="form" onSubmit={form.onSubmit} noValidate>
      <Stack gap="xs">
        <Text fw={600}>Dated facts</Text>
        <Text size="sm" c="dimmed">
          The deadlines below follow these dates, in business days on the US banking calendar where the
          agreement says so. Leave a date empty until it happens.
        </Text>
        <FormErrorSummary form={form} />
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          {DATES.map((d) => (
            <TextInput key={d.key} type="date" label={d.label} {...form.getInputProps(d.key)} />
          ))}
        </SimpleGrid>
        <Group>
          {FLAGS.map((f) => (
            <Switch key={f.key} label={f.label} {...form.getInputProps(f.key, { type: "checkbox" })} />
          ))}
        </Group>
        <Group>
          <Button type="submit" loading={form.mutation.isPending}>
            Save dated facts
          </Button>
          {form.mutation.isSuccess ? (
            <Text size="sm" c="green" data-testid="facts-saved">
              Saved; the deadlines are recomputed.
            </Text>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}

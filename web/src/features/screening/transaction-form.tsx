import { Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { type Args, call, invalidate, type Result, useOp } from "../../api/client.ts";
import { FormErrorSummary, type FormErrors, useApiForm } from "../../components/api-form.tsx";
import { upperCaseProps } from "./export-form-card.tsx";

type TransactionBody = NonNullable<Args<"transaction.create">["body"]>;

/** "1,234.5" → 123450 without passing money through a float. */
export function toCents(value: string | number): number | null {
  const text = String(value).replace(/,/g, "").trim();
  const m = /^(\d+)(?:\.(\d{0,2}))?$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

type FormValues = {
  counterpartyId: string | null;
  description: string;
  amount: string | number;
  currency: string;
  destinationCountry: string;
  itemId: string | null;
  payeeName: string;
  payeeAccountCountry: string;
  payeeAddressCountry: string;
};
const BLANK: FormValues = {
  counterpartyId: null,
  description: "",
  amount: "",
  currency: "USD",
  destinationCountry: "",
  itemId: null,
  payeeName: "",
  payeeAccountCountry: "",
  payeeAddressCountry: "",
};
const LABELS = {
  counterpartyId: "Counterparty",
  description: "Description",
  amount: "Amount",
  currency: "Currency",
  itemId: "Export item",
  destinationCountry: "Destination country",
  payeeName: "Payee name",
  payeeAccountCountry: "Payee account country",
  payeeAddressCountry: "Payee address country",
};
const orNull = (v: string) => (v.trim() ? v.trim().toUpperCase() : null);

const validate = (values: FormValues): FormErrors => {
  const missing: FormErrors = {};
  if (!values.counterpartyId) missing.counterpartyId = "Choose the counterparty";
  if (!values.description.trim()) missing.description = "Description is required";
  if (toCents(values.amount) === null) missing.amount = "Enter an amount such as 1250.00";
  return missing;
};

/** A transaction with a foreign party, checked at once against COC-18.1, 18.2, 19.1 and 20.1. */
export function TransactionForm() {
  const qc = useQueryClient();
  const parties = useOp("counterparty.list", { query: { pageSize: 200 } });
  const controls = useOp("export.read", {});
  const form = useApiForm<FormValues, Result<"transaction.create">>({
    initialValues: BLANK,
    labels: LABELS,
    validate,
    // The server counts money in cents: its "amountCents" is the Amount field.
    mapPath: (path) => (path.endsWith("amountCents") ? "amount" : undefined),
    submit: (values) => {
      const body = {
        counterpartyId: values.counterpartyId,
        description: values.description.trim(),
        amountCents: toCents(values.amount),
        currency: values.currency.trim().toUpperCase(),
        destinationCountry: orNull(values.destinationCountry),
        itemId: values.itemId,
        payeeName: values.payeeName.trim() || null,
        payeeAccountCountry: orNull(values.payeeAccountCountry),
        payeeAddressCountry: orNull(values.payeeAddressCountry),
      };
      return call("transaction.create", { body: body as TransactionBody });
    },
    onSuccess: () => {
      form.setValues(BLANK);
      invalidate(qc, "transaction.list");
    },
  });
  const upper = (path: keyof FormValues) => upperCaseProps(form, path);
  const country = (path: "destinationCountry" | "payeeAccountCountry" | "payeeAddressCountry") => ({
    label: LABELS[path],
    ...upper(path),
    maxLength: 2,
    placeholder: "ISO code, e.g. DE",
  });
  const party = parties.data?.items.find((c) => c.id === form.values.counterpartyId);
  const recorded = form.mutation.data;

  return (
    <Card withBorder>
      <form onSubmit={form.onSubmit} noValidate aria-labelledby="record-transaction-title">
        <Stack>
          <Text fw={600} id="record-transaction-title">
            Record a transaction (checked at once, approved separately)
          </Text>
          <FormErrorSummary form={form} title="Not recorded" />
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <Select
              label={LABELS.counterpartyId}
              required
              searchable
              data={(parties.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
              {...form.getInputProps("counterpartyId")}
              value={form.values.counterpartyId}
              nothingFoundMessage="No counterparty by that name"
              description={
                party ? `Domicile: ${party.country ?? "no country on record"}` : "The contracting party"
              }
            />
            <TextInput label={LABELS.description} required {...form.getInputProps("description")} />
            <NumberInput
              label={LABELS.amount}
              required
              min={0}
              decimalScale={2}
              thousandSeparator=","
              {...form.getInputProps("amount")}
            />
            <TextInput
              label={LABELS.currency}
              maxLength={3}
              description="Three-letter code"
              {...upper("currency")}
            />
          </SimpleGrid>
          <Text size="sm" fw={600}>
            Export (COC-19.1)
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <Select
              label={LABELS.itemId}
              placeholder={controls.data?.items.length ? "No item exported" : "No items on record"}
              clearable
              searchable
              data={(controls.data?.items ?? []).map((i) => ({
                value: i.id,
                label: `${i.sku} · ${i.name} (${i.eccn})`,
              }))}
              {...form.getInputProps("itemId")}
              value={form.values.itemId}
              description="A controlled item needs a licence or exception for the destination"
            />
            <TextInput
              description="Where the goods go; the party's country when blank"
              {...country("destinationCountry")}
            />
          </SimpleGrid>
          <Text size="sm" fw={600}>
            Payment (COC-20.1)
          </Text>
          <Text size="sm" c="dimmed" id="payee-help">
            A payment to a foreign party goes only to the contracting party, in its own name, to an account
            and address in its country of domicile. A payee that is not the contracting party, or an account
            or address outside that country, is refused (COC-20.1).
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <TextInput
              label={LABELS.payeeName}
              placeholder={party?.name ?? "The contracting party's name"}
              aria-describedby="payee-help"
              {...form.getInputProps("payeeName")}
            />
            <TextInput aria-describedby="payee-help" {...country("payeeAccountCountry")} />
            <TextInput aria-describedby="payee-help" {...country("payeeAddressCountry")} />
          </SimpleGrid>
          <Group justify="space-between">
            {recorded ? (
              <Text size="sm" data-testid="recorded">
                Recorded {recorded.description}:{" "}
                {recorded.check?.ok
                  ? "every check passes; it can be approved."
                  : "it would be refused as it stands (see its checks below)."}
              </Text>
            ) : (
              <span />
            )}
            <Button type="submit" loading={form.mutation.isPending}>
              Record transaction
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

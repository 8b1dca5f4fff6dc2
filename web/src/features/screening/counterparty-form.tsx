import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { type Args, call, type Schema } from "../../api/client.ts";
import { FormErrorSummary, type FormErrors, useApiForm } from "../../components/api-form.tsx";
import { FormActions } from "../../components/form-actions.tsx";

type CounterpartyDetail = Schema<"CounterpartyDetailView">;
type Identifier = CounterpartyDetail["identifiers"][number];

const kinds = [
  { value: "customer", label: "Customer" },
  { value: "supplier", label: "Supplier" },
  { value: "agent", label: "Agent" },
  { value: "foreign_national", label: "Foreign national" },
  { value: "other", label: "Other" },
];
const partyTypes = [
  { value: "entity", label: "Entity" },
  { value: "person", label: "Person" },
  { value: "vessel", label: "Vessel" },
  { value: "aircraft", label: "Aircraft" },
];

type Values = {
  name: string;
  aliases: string[];
  kind: string;
  partyType: string;
  country: string;
  region: string;
  address: string;
  dateOfBirth: string;
  identifiers: Identifier[];
  isForeign: boolean;
};

const toValues = (c: CounterpartyDetail): Values => ({
  name: c.name,
  aliases: c.aliases,
  kind: c.kind,
  partyType: c.partyType,
  country: c.country ?? "",
  region: c.region ?? "",
  address: c.address ?? "",
  dateOfBirth: c.dateOfBirth ?? "",
  identifiers: c.identifiers,
  isForeign: c.isForeign,
});

const orNull = (v: string) => (v.trim() ? v.trim() : null);

const LABELS = {
  name: "Name",
  aliases: "Aliases",
  kind: "Kind",
  partyType: "Party type",
  country: "Country",
  region: "Region",
  address: "Address",
  dateOfBirth: "Date of birth",
  identifiers: "Identifiers",
  isForeign: "Foreign party",
};

/** The labels of the fields as they stand: one pair per identifier row ("identifiers.0.number"). */
const labelsOf = (values: Values) => ({
  ...LABELS,
  ...Object.fromEntries(
    values.identifiers.flatMap((_, i) => [
      [`identifiers.${i}.type`, `Identifier ${i + 1} type`],
      [`identifiers.${i}.number`, `Identifier ${i + 1} number`],
    ]),
  ),
});

const validate = (values: Values): FormErrors => {
  const missing: FormErrors = {};
  if (!values.name.trim()) missing.name = "Name is required";
  if (values.dateOfBirth.trim() && !/^\d{4}(-\d{2}-\d{2})?$/.test(values.dateOfBirth.trim()))
    missing.dateOfBirth = "Write the date of birth as YYYY or YYYY-MM-DD";
  return missing;
};

type Patch = NonNullable<Args<"counterparty.update">["body"]>;

const toPatch = (values: Values): Patch =>
  ({
    name: values.name.trim(),
    aliases: values.aliases.map((a) => a.trim()).filter(Boolean),
    kind: values.kind,
    partyType: values.partyType,
    country: orNull(values.country)?.toUpperCase() ?? null,
    region: orNull(values.region),
    address: orNull(values.address),
    dateOfBirth: orNull(values.dateOfBirth),
    identifiers: values.identifiers.filter((i) => i.type.trim() || i.number.trim()),
    isForeign: values.isForeign,
  }) as Patch;

type Props = {
  counterparty: CounterpartyDetail;
  onSaved: (saved: CounterpartyDetail) => void;
  onCancel: () => void;
};

/** The fields of counterpartyPatch; a change to a screened field re-screens the party (COC-18.1). */
export function CounterpartyForm({ counterparty, onSaved, onCancel }: Props) {
  const form = useApiForm<Values, CounterpartyDetail>({
    initialValues: toValues(counterparty),
    labels: labelsOf,
    validate,
    submit: (values) => call("counterparty.update", { path: { id: counterparty.id }, body: toPatch(values) }),
    onSuccess: onSaved,
  });
  const { values } = form;
  const isSubmitting = form.mutation.isPending;
  const setIdentifiers = (next: Identifier[]) => form.setValue("identifiers", next);

  return (
    <form onSubmit={form.onSubmit} noValidate aria-label="Edit counterparty">
      <Stack>
        <FormErrorSummary form={form} title="Not saved" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={LABELS.name} required {...form.getInputProps("name")} />
          <TagsInput
            label={LABELS.aliases}
            description="Press Enter after each name; every alias is screened too"
            {...form.getInputProps("aliases")}
            clearable
          />
          <Select
            label={LABELS.kind}
            data={kinds}
            {...form.getInputProps("kind")}
            onChange={(v) => form.setValue("kind", v ?? "customer")}
            allowDeselect={false}
          />
          <Select
            label={LABELS.partyType}
            data={partyTypes}
            {...form.getInputProps("partyType")}
            onChange={(v) => form.setValue("partyType", v ?? "entity")}
            allowDeselect={false}
          />
          <TextInput
            label={LABELS.country}
            description="Country of domicile, ISO code such as DE"
            maxLength={2}
            {...form.getInputProps("country")}
            onChange={(e) => form.setValue("country", e.currentTarget.value.toUpperCase())}
          />
          <TextInput
            label={LABELS.region}
            description="Needed where only part of a country is sanctioned (e.g. Crimea)"
            {...form.getInputProps("region")}
          />
          <Textarea label={LABELS.address} autosize minRows={2} {...form.getInputProps("address")} />
          <TextInput
            label={LABELS.dateOfBirth}
            description="YYYY or YYYY-MM-DD; persons only, it separates namesakes"
            {...form.getInputProps("dateOfBirth")}
          />
        </SimpleGrid>
        <Stack gap="xs">
          <Text size="sm" fw={500} id="identifiers-label">
            {LABELS.identifiers}
          </Text>
          {form.errors.identifiers ? (
            <Text size="sm" c="red">
              {form.errors.identifiers}
            </Text>
          ) : null}
          {values.identifiers.length === 0 ? (
            <Text size="sm" c="dimmed">
              No identifiers. A passport, tax or registration number confirms or rules out a hit.
            </Text>
          ) : null}
          {values.identifiers.map((_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
            <Group key={i} align="flex-start">
              <TextInput
                label={`Identifier ${i + 1} type`}
                placeholder="Passport, Tax ID No. …"
                {...form.getInputProps(`identifiers.${i}.type`)}
                w={220}
              />
              <TextInput
                label={`Identifier ${i + 1} number`}
                {...form.getInputProps(`identifiers.${i}.number`)}
                w={220}
              />
              <ActionIcon
                mt={26}
                variant="subtle"
                color="gray"
                aria-label={`Remove identifier ${i + 1}`}
                onClick={() => setIdentifiers(values.identifiers.filter((_, j) => j !== i))}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              variant="default"
              size="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() => setIdentifiers([...values.identifiers, { type: "", number: "" }])}
            >
              Add identifier
            </Button>
          </Group>
        </Stack>
        <Checkbox
          label="Foreign party (screening and the payment rules of COC-18.1 and COC-20.1 apply)"
          {...form.getInputProps("isForeign", { type: "checkbox" })}
        />
        <FormActions onCancel={onCancel} submitting={isSubmitting} lockCancel>
          Save and re-screen
        </FormActions>
      </Stack>
    </form>
  );
}

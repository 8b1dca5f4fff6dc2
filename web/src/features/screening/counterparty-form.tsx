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
import { type FormEvent, useState } from "react";
import type { Schema } from "../../api/client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { fieldErrors, isApiError } from "../../lib/api.ts";

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

/** Errors on identifiers[i].type arrive as paths like "identifiers.0.number": keep the row index. */
const identifierErrors = (error: unknown) => {
  const result: Record<string, string> = {};
  if (!isApiError(error)) return result;
  for (const e of error.problem.errors ?? []) {
    const m = /identifiers[.[](\d+)\]?\.(type|number)/.exec(e.path);
    if (m) result[`${m[1]}.${m[2]}`] = e.message;
  }
  return result;
};

type Props = {
  counterparty: CounterpartyDetail;
  isSubmitting: boolean;
  error: unknown;
  onSubmit: (patch: Record<string, unknown>) => void;
  onCancel: () => void;
};

/** The fields of counterpartyPatch; a change to a screened field re-screens the party (COC-18.1). */
export function CounterpartyForm({ counterparty, isSubmitting, error, onSubmit, onCancel }: Props) {
  const [values, setValues] = useState<Values>(() => toValues(counterparty));
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors = { ...fieldErrors(error), ...local };
  const idErrors = identifierErrors(error);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setLocal(({ [key]: _gone, ...rest }) => rest);
  };
  const setId = (i: number, patch: Partial<Identifier>) =>
    set(
      "identifiers",
      values.identifiers.map((x, j) => (j === i ? { ...x, ...patch } : x)),
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!values.name.trim()) missing.name = "Name is required";
    if (values.dateOfBirth.trim() && !/^\d{4}(-\d{2}-\d{2})?$/.test(values.dateOfBirth.trim()))
      missing.dateOfBirth = "Write the date of birth as YYYY or YYYY-MM-DD";
    setLocal(missing);
    if (Object.keys(missing).length) return;
    onSubmit({
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
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Edit counterparty">
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Name"
            required
            value={values.name}
            onChange={(e) => set("name", e.currentTarget.value)}
            error={errors.name}
          />
          <TagsInput
            label="Aliases"
            description="Press Enter after each name; every alias is screened too"
            value={values.aliases}
            onChange={(v) => set("aliases", v)}
            error={errors.aliases}
            clearable
          />
          <Select
            label="Kind"
            data={kinds}
            value={values.kind}
            onChange={(v) => set("kind", v ?? "customer")}
            allowDeselect={false}
            error={errors.kind}
          />
          <Select
            label="Party type"
            data={partyTypes}
            value={values.partyType}
            onChange={(v) => set("partyType", v ?? "entity")}
            allowDeselect={false}
            error={errors.partyType}
          />
          <TextInput
            label="Country"
            description="Country of domicile, ISO code such as DE"
            maxLength={2}
            value={values.country}
            onChange={(e) => set("country", e.currentTarget.value.toUpperCase())}
            error={errors.country}
          />
          <TextInput
            label="Region"
            description="Needed where only part of a country is sanctioned (e.g. Crimea)"
            value={values.region}
            onChange={(e) => set("region", e.currentTarget.value)}
            error={errors.region}
          />
          <Textarea
            label="Address"
            autosize
            minRows={2}
            value={values.address}
            onChange={(e) => set("address", e.currentTarget.value)}
            error={errors.address}
          />
          <TextInput
            label="Date of birth"
            description="YYYY or YYYY-MM-DD; persons only, it separates namesakes"
            value={values.dateOfBirth}
            onChange={(e) => set("dateOfBirth", e.currentTarget.value)}
            error={errors.dateOfBirth}
          />
        </SimpleGrid>
        <Stack gap="xs">
          <Text size="sm" fw={500} id="identifiers-label">
            Identifiers
          </Text>
          {values.identifiers.length === 0 ? (
            <Text size="sm" c="dimmed">
              No identifiers. A passport, tax or registration number confirms or rules out a hit.
            </Text>
          ) : null}
          {values.identifiers.map((id, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
            <Group key={i} align="flex-start">
              <TextInput
                label={`Identifier ${i + 1} type`}
                placeholder="Passport, Tax ID No. …"
                value={id.type}
                onChange={(e) => setId(i, { type: e.currentTarget.value })}
                error={idErrors[`${i}.type`]}
                w={220}
              />
              <TextInput
                label={`Identifier ${i + 1} number`}
                value={id.number}
                onChange={(e) => setId(i, { number: e.currentTarget.value })}
                error={idErrors[`${i}.number`]}
                w={220}
              />
              <ActionIcon
                mt={26}
                variant="subtle"
                color="gray"
                aria-label={`Remove identifier ${i + 1}`}
                onClick={() =>
                  set(
                    "identifiers",
                    values.identifiers.filter((_, j) => j !== i),
                  )
                }
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
              onClick={() => set("identifiers", [...values.identifiers, { type: "", number: "" }])}
            >
              Add identifier
            </Button>
          </Group>
        </Stack>
        <Checkbox
          label="Foreign party (screening and the payment rules of COC-18.1 and COC-20.1 apply)"
          checked={values.isForeign}
          onChange={(e) => set("isForeign", e.currentTarget.checked)}
        />
        {error ? (
          <ErrorAlert
            error={error}
            title={
              Object.keys(fieldErrors(error)).length ? "Please correct the highlighted fields" : undefined
            }
          />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={isSubmitting}>
            Cancel
          </Button>
          <Button type="submit" loading={isSubmitting}>
            Save and re-screen
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

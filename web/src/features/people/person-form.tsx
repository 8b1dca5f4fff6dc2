import { Button, Group, MultiSelect, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { fieldErrors } from "../../lib/api.ts";
import {
  categoryOptions,
  entitiesQuery,
  kindOptions,
  type Person,
  type PersonInput,
  type PersonKind,
} from "./people-api.ts";
import { PersonPicker } from "./person-picker.tsx";

type FormValues = {
  externalId: string;
  kind: PersonKind;
  firstName: string;
  lastName: string;
  email: string;
  title: string;
  department: string;
  locationCountry: string;
  legalEntityId: string | null;
  supervisorId: string | null;
  hireDate: string;
  endDate: string;
  categories: string[];
};

const toValues = (person?: Person): FormValues => ({
  externalId: person?.externalId ?? "",
  kind: person?.kind ?? "employee",
  firstName: person?.firstName ?? "",
  lastName: person?.lastName ?? "",
  email: person?.email ?? "",
  title: person?.title ?? "",
  department: person?.department ?? "",
  locationCountry: person?.locationCountry ?? "",
  legalEntityId: person?.legalEntityId ?? null,
  supervisorId: person?.supervisorId ?? null,
  hireDate: person?.hireDate?.slice(0, 10) ?? "",
  endDate: person?.endDate?.slice(0, 10) ?? "",
  categories: person?.categories ?? [],
});

const blankToNull = (value: string) => (value.trim() === "" ? null : value.trim());

const toInput = (values: FormValues): PersonInput => ({
  externalId: blankToNull(values.externalId),
  kind: values.kind,
  firstName: values.firstName.trim(),
  lastName: values.lastName.trim(),
  email: blankToNull(values.email),
  title: blankToNull(values.title),
  department: blankToNull(values.department),
  locationCountry: blankToNull(values.locationCountry)?.toUpperCase() ?? null,
  legalEntityId: values.legalEntityId,
  supervisorId: values.supervisorId,
  hireDate: blankToNull(values.hireDate),
  endDate: blankToNull(values.endDate),
  categories: values.categories,
});

type PersonFormProps = {
  person?: Person;
  submitLabel: string;
  isSubmitting: boolean;
  error: unknown;
  onSubmit: (input: PersonInput) => void;
  onCancel: () => void;
};

export const PersonForm = ({
  person,
  submitLabel,
  isSubmitting,
  error,
  onSubmit,
  onCancel,
}: PersonFormProps) => {
  const [values, setValues] = useState<FormValues>(() => toValues(person));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const entities = useQuery(entitiesQuery);
  const errors = { ...fieldErrors(error), ...localErrors };
  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setLocalErrors((current) => {
      const { [key]: _removed, ...rest } = current;
      return rest;
    });
  };
  const text = (key: keyof FormValues) => ({
    value: values[key] as string,
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => set(key, event.currentTarget.value as never),
    error: errors[key],
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!values.firstName.trim()) missing.firstName = "First name is required";
    if (!values.lastName.trim()) missing.lastName = "Last name is required";
    setLocalErrors(missing);
    if (Object.keys(missing).length === 0) onSubmit(toInput(values));
  };

  const hasFieldErrors = Object.keys(fieldErrors(error)).length > 0;

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="First name" required autoComplete="off" {...text("firstName")} />
          <TextInput label="Last name" required autoComplete="off" {...text("lastName")} />
          <TextInput label="Email" type="email" autoComplete="off" {...text("email")} />
          <TextInput label="Employee ID" placeholder="The HR system's identifier" {...text("externalId")} />
          <Select
            label="Kind"
            data={kindOptions}
            value={values.kind}
            onChange={(value) => set("kind", (value ?? "employee") as PersonKind)}
            allowDeselect={false}
            error={errors.kind}
          />
          <TextInput label="Title" {...text("title")} />
          <TextInput label="Department" {...text("department")} />
          <TextInput
            label="Country"
            placeholder="Two-letter ISO code, e.g. US"
            maxLength={2}
            {...text("locationCountry")}
          />
          <Select
            label="Legal entity"
            placeholder="Select an entity"
            data={(entities.data?.items ?? []).map((entity) => ({
              value: entity.id,
              label: `${entity.name} (${entity.code})`,
            }))}
            value={values.legalEntityId}
            onChange={(value) => set("legalEntityId", value)}
            searchable
            clearable
            error={errors.legalEntityId}
          />
          <PersonPicker
            label="Supervisor"
            value={values.supervisorId}
            selectedLabel={person?.supervisorName}
            excludeId={person?.id}
            onChange={(value) => set("supervisorId", value)}
            error={errors.supervisorId}
          />
          <TextInput label="Hire date" type="date" {...text("hireDate")} />
          {person ? <TextInput label="End date" type="date" {...text("endDate")} /> : null}
          <MultiSelect
            label="Categories"
            placeholder={values.categories.length ? undefined : "Decides which codes and certificates apply"}
            data={categoryOptions}
            value={values.categories}
            onChange={(value) => set("categories", value)}
            error={errors.categories}
            clearable
          />
        </SimpleGrid>
        {error ? (
          <ErrorAlert
            error={error}
            title={hasFieldErrors ? "Please correct the highlighted fields" : undefined}
          />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={isSubmitting}>
            Cancel
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

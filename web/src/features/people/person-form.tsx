import { MultiSelect, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { FormErrorSummary, type FormErrors, useApiForm } from "../../components/api-form.tsx";
import { FormActions } from "../../components/form-actions.tsx";
import {
  categoryOptions,
  entitiesQuery,
  kindOptions,
  type Person,
  type PersonCategory,
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
  categories: PersonCategory[];
};

/** The fields in words, by the server's field names (errors and the summary use them). */
const LABELS = {
  firstName: "First name",
  lastName: "Last name",
  email: "Email",
  externalId: "Employee ID",
  kind: "Kind",
  title: "Title",
  department: "Department",
  locationCountry: "Country",
  legalEntityId: "Legal entity",
  supervisorId: "Supervisor",
  hireDate: "Hire date",
  endDate: "End date",
  categories: "Categories",
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

const validate = (values: FormValues): FormErrors => ({
  ...(values.firstName.trim() ? {} : { firstName: "First name is required" }),
  ...(values.lastName.trim() ? {} : { lastName: "Last name is required" }),
});

type PersonFormProps = {
  person?: Person;
  submitLabel: string;
  /** Sends the person to the server (person.create or person.update). */
  submit: (input: PersonInput) => Promise<Person>;
  onSaved: (saved: Person) => void;
  onCancel: () => void;
};

export const PersonForm = ({ person, submitLabel, submit, onSaved, onCancel }: PersonFormProps) => {
  const entities = useQuery(entitiesQuery);
  const form = useApiForm<FormValues, Person>({
    initialValues: toValues(person),
    labels: LABELS,
    validate,
    submit: (values) => submit(toInput(values)),
    onSuccess: onSaved,
  });
  const isSubmitting = form.mutation.isPending;

  return (
    <form onSubmit={form.onSubmit} noValidate>
      <Stack>
        <FormErrorSummary form={form} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="First name" required autoComplete="off" {...form.getInputProps("firstName")} />
          <TextInput label="Last name" required autoComplete="off" {...form.getInputProps("lastName")} />
          <TextInput label="Email" type="email" autoComplete="off" {...form.getInputProps("email")} />
          <TextInput
            label="Employee ID"
            placeholder="The HR system's identifier"
            {...form.getInputProps("externalId")}
          />
          <Select
            label="Kind"
            data={kindOptions}
            {...form.getInputProps("kind")}
            onChange={(value) => form.setValue("kind", value ?? "employee")}
            allowDeselect={false}
          />
          <TextInput label="Title" {...form.getInputProps("title")} />
          <TextInput label="Department" {...form.getInputProps("department")} />
          <TextInput
            label="Country"
            placeholder="Two-letter ISO code, e.g. US"
            maxLength={2}
            {...form.getInputProps("locationCountry")}
          />
          <Select
            label="Legal entity"
            placeholder="Select an entity"
            data={(entities.data?.items ?? []).map((entity) => ({
              value: entity.id,
              label: `${entity.name} (${entity.code})`,
            }))}
            {...form.getInputProps("legalEntityId")}
            value={form.values.legalEntityId}
            searchable
            clearable
          />
          <PersonPicker
            id={form.fieldId("supervisorId")}
            label="Supervisor"
            value={form.values.supervisorId}
            selectedLabel={person?.supervisorName}
            excludeId={person?.id}
            onChange={(value) => form.setValue("supervisorId", value)}
            error={form.errors.supervisorId}
          />
          <TextInput label="Hire date" type="date" {...form.getInputProps("hireDate")} />
          {person ? <TextInput label="End date" type="date" {...form.getInputProps("endDate")} /> : null}
          <MultiSelect
            label="Categories"
            placeholder={
              form.values.categories.length ? undefined : "Decides which codes and certificates apply"
            }
            data={categoryOptions}
            {...form.getInputProps("categories")}
            clearable
          />
        </SimpleGrid>
        <FormActions onCancel={onCancel} submitting={isSubmitting} lockCancel>
          {submitLabel}
        </FormActions>
      </Stack>
    </form>
  );
};

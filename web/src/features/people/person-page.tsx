import {
  Badge,
  Breadcrumbs,
  Button,
  Group,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPencil, IconUserOff } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { call, invalidate } from "../../api/client.ts";
import { useApiForm } from "../../components/api-form.tsx";
import { type Column, ColumnsTable } from "../../components/data-table.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { Field } from "../../components/field.tsx";
import { FormDialog } from "../../components/form-dialog.tsx";
import { usePageTitle } from "../../components/page-title.ts";
import { AnchorLink } from "../../components/router-links.tsx";
import { Section } from "../../components/section.tsx";
import { countryName, formatDate, humanise, todayIso } from "../../lib/format.ts";
import { categoryLabel, PEOPLE_READS, type PersonDetail, personQuery } from "./people-api.ts";
import { PersonForm } from "./person-form.tsx";

const EndEmploymentModal = ({ person, onClose }: { person: PersonDetail; onClose: () => void }) => {
  const queryClient = useQueryClient();
  const form = useApiForm({
    initialValues: { endDate: todayIso() },
    labels: { endDate: "End date" },
    submit: (values) => call("person.end", { path: { id: person.id }, body: values }),
    onSuccess: async (_ended, values) => {
      await invalidate(queryClient, ...PEOPLE_READS);
      notifications.show({
        color: "green",
        title: "Employment ended",
        message: `${person.displayName}, ${values.endDate}`,
      });
      onClose();
    },
  });
  return (
    <FormDialog
      form={form}
      title="End employment"
      submitLabel="End employment"
      submitColor="red"
      onClose={onClose}
    >
      <Text size="sm">
        End the employment of <strong>{person.displayName}</strong>? They stay in the directory as an ended
        record and their user account, if any, can no longer be used to act for them.
      </Text>
      <TextInput label="End date" type="date" required {...form.getInputProps("endDate")} />
    </FormDialog>
  );
};

const reportColumns: Column<PersonDetail["directReports"][number]>[] = [
  {
    key: "name",
    header: "Name",
    cell: (report) => (
      <AnchorLink to="/people/$personId" params={{ personId: report.id }} size="sm">
        {report.displayName}
      </AnchorLink>
    ),
  },
  { key: "title", header: "Title", cell: (report) => report.title ?? "—" },
];

export const PersonPage = ({ personId }: { personId: string }) => {
  const queryClient = useQueryClient();
  const person = useQuery(personQuery(personId));
  const [editing, setEditing] = useState(false);
  const [ending, setEnding] = useState(false);
  usePageTitle(person.data?.displayName ?? "Person");

  const crumbs = (
    <Breadcrumbs mb="xs" aria-label="Breadcrumb">
      <AnchorLink to="/people" size="sm">
        People
      </AnchorLink>
      <Text size="sm">{person.data?.displayName ?? "…"}</Text>
    </Breadcrumbs>
  );

  if (person.isPending) {
    return (
      <Stack>
        {crumbs}
        <Skeleton height={36} width={320} />
        <Skeleton height={220} />
      </Stack>
    );
  }
  if (person.isError) {
    return (
      <Stack>
        {crumbs}
        <ErrorAlert error={person.error} />
      </Stack>
    );
  }
  const data = person.data;

  return (
    <Stack>
      <div>
        {crumbs}
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <div>
            <Group gap="sm">
              <Title order={1} size="h2">
                {data.displayName}
              </Title>
              <Badge variant="light" color={data.status === "active" ? "green" : "gray"}>
                {data.status === "active" ? "Active" : `Ended ${formatDate(data.endDate)}`}
              </Badge>
            </Group>
            <Text c="dimmed" size="sm">
              {[data.title, data.department, data.legalEntityName].filter(Boolean).join(" · ") ||
                humanise(data.kind)}
            </Text>
          </div>
          {editing ? null : (
            <Group gap="xs">
              {data.can.update ? (
                <Button
                  variant="default"
                  leftSection={<IconPencil size={16} />}
                  onClick={() => setEditing(true)}
                >
                  Edit
                </Button>
              ) : null}
              {data.can.end && data.status === "active" ? (
                <Button
                  variant="light"
                  color="red"
                  leftSection={<IconUserOff size={16} />}
                  onClick={() => setEnding(true)}
                >
                  End employment
                </Button>
              ) : null}
            </Group>
          )}
        </Group>
      </div>

      {editing ? (
        <Section title="Edit details" p="lg" titleGap="md">
          <PersonForm
            person={data}
            submitLabel="Save changes"
            submit={(body) => call("person.update", { path: { id: personId }, body })}
            onSaved={async (saved) => {
              notifications.show({ color: "green", title: "Changes saved", message: saved.displayName });
              await invalidate(queryClient, ...PEOPLE_READS);
              setEditing(false);
            }}
            onCancel={() => setEditing(false)}
          />
        </Section>
      ) : (
        <Section title="Details" p="lg" titleGap="md">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="lg">
            <Field label="Email">{data.email ?? "—"}</Field>
            <Field label="Employee ID">{data.externalId ?? "—"}</Field>
            <Field label="Kind">{humanise(data.kind)}</Field>
            <Field label="Country">
              {data.locationCountry ? `${countryName(data.locationCountry)} (${data.locationCountry})` : "—"}
            </Field>
            <Field label="Title">{data.title ?? "—"}</Field>
            <Field label="Department">{data.department ?? "—"}</Field>
            <Field label="Hire date">{formatDate(data.hireDate)}</Field>
            <Field label="End date">{formatDate(data.endDate)}</Field>
            <Field label="Legal entity">{data.legalEntityName ?? "—"}</Field>
            <Field label="Supervisor">
              {data.supervisorId ? (
                <AnchorLink to="/people/$personId" params={{ personId: data.supervisorId }}>
                  {data.supervisorName ?? "View supervisor"}
                </AnchorLink>
              ) : (
                "—"
              )}
            </Field>
            <Field label="Categories">
              {data.categories.length ? (
                <Group gap={4}>
                  {data.categories.map((category) => (
                    <Badge key={category} size="sm" variant="light" color="grape">
                      {categoryLabel(category)}
                    </Badge>
                  ))}
                </Group>
              ) : (
                "—"
              )}
            </Field>
          </SimpleGrid>
        </Section>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Section title="Direct reports" p="lg" titleGap="sm">
          {data.directReports.length === 0 ? (
            <Text size="sm" c="dimmed">
              Nobody reports to {data.firstName}.
            </Text>
          ) : (
            <ColumnsTable
              label="Direct reports"
              columns={reportColumns}
              rows={data.directReports}
              rowKey={(report) => report.id}
            />
          )}
        </Section>
        <Section title="User account" p="lg" titleGap="sm">
          {data.user ? (
            <Stack gap="xs">
              <Field label="Sign-in email">{data.user.email}</Field>
              <Field label="Roles">
                {data.user.roles.length ? (
                  <Group gap={4}>
                    {data.user.roles.map((role) => (
                      <Badge key={role} size="sm" variant="outline">
                        {humanise(role)}
                      </Badge>
                    ))}
                  </Group>
                ) : (
                  "No roles"
                )}
              </Field>
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {data.firstName} has no user account. An administrator can create one under Users & roles.
            </Text>
          )}
        </Section>
      </SimpleGrid>
      {ending ? <EndEmploymentModal person={data} onClose={() => setEnding(false)} /> : null}
    </Stack>
  );
};

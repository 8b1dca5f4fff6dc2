import {
  Alert,
  Badge,
  Button,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconShieldCheck, IconUsers } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { call, type Result, useOp } from "../../api/client.ts";
import { FormErrorSummary, useApiForm } from "../../components/api-form.tsx";
import { Empty } from "../../components/empty.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { SubmitRow } from "../../components/form-actions.tsx";
import { usePermission } from "../auth/me.ts";
import { PersonPicker } from "../people/person-picker.tsx";
import { useCaseRefresh } from "./case-actions.tsx";
import { type CaseView, ROLE_LABEL } from "./vocabulary.ts";

type PersonValues = {
  personId: string | null;
  userId: string | null;
  role: "named" | "witness" | "conflicted";
};

/** Who is named, a witness or conflicted; the named and the conflicted never see the case (COC-22.2). */
export const CasePeople = ({ kase }: { kase: CaseView }) => {
  const refresh = useCaseRefresh();
  const canReadPeople = usePermission("people.read");
  const canAssign = usePermission("speakup.assign");
  const [source, setSource] = useState<string>(canReadPeople ? "person" : "handler");
  const handlers = useOp(
    "case.assignees",
    { path: { id: kase.id } },
    { enabled: canAssign && kase.can.people },
  );
  const add = useApiForm<PersonValues, Result<"case.people">>({
    initialValues: { personId: null, userId: null, role: "named" },
    labels: { personId: "Person", userId: "Case handler", role: "Role in the case" },
    // The server's rule (add-case-person.ts), said before sending instead of a greyed-out button.
    validate: (v) =>
      source === "person"
        ? v.personId
          ? {}
          : { personId: "Choose a person." }
        : v.userId
          ? {}
          : { userId: "Choose a case handler." },
    submit: ({ personId, userId, role }) =>
      call("case.people", {
        path: { id: kase.id },
        body:
          source === "person"
            ? { personId: personId ?? undefined, role }
            : { userId: userId ?? undefined, role },
      }),
    onSuccess: async (_result, { role }) => {
      notifications.show({ color: "green", title: "Person added", message: ROLE_LABEL[role] });
      add.reset({ personId: null, userId: null, role });
      await refresh();
    },
  });
  const role = add.values.role;
  const clear = useMutation({
    mutationFn: (p: { personId: string | null; userId: string | null }) =>
      call("case.clear-exclusion", {
        path: { id: kase.id },
        body: { ...(p.personId ? { personId: p.personId } : {}), ...(p.userId ? { userId: p.userId } : {}) },
      }),
    onSuccess: async () => {
      notifications.show({ color: "green", title: "Exclusion cleared", message: "Not the person meant" });
      await refresh();
    },
  });
  const sources = [
    ...(canReadPeople ? [{ value: "person", label: "From the directory" }] : []),
    ...(canAssign ? [{ value: "handler", label: "A case handler" }] : []),
  ];
  return (
    <Stack>
      <Alert variant="light" color="violet" icon={<IconShieldCheck size={18} />}>
        People named in the case and anyone marked conflicted can never open it, find it or see it in counts,
        and cannot be assigned to it, whatever their role (COC-22.2). Mark a colleague conflicted when they
        are too close to the matter. Someone the report only probably names (a surname alone, an initial, a
        similar spelling, an office several people hold) is kept away the same way until you clear them.
      </Alert>
      {clear.isError ? <ErrorAlert error={clear.error} /> : null}
      {kase.people.length === 0 ? (
        <Empty title="Nobody linked to the case" icon={<IconUsers size={22} stroke={1.6} />} isCompact />
      ) : (
        <Table aria-label="People in the case">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {kase.people.map((p, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a person can appear twice with different roles
              <Table.Tr key={`${p.personId ?? p.userId ?? p.name}-${index}`}>
                <Table.Td>{p.name}</Table.Td>
                <Table.Td>
                  <Badge
                    variant="light"
                    color={p.role === "witness" ? "blue" : p.role === "reporter" ? "green" : "red"}
                  >
                    {ROLE_LABEL[p.role]}
                  </Badge>
                  {p.how ? (
                    <Text size="xs" c="dimmed">
                      {p.how}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {p.role === "probable" && kase.can.people ? (
                    <Button
                      size="xs"
                      variant="default"
                      loading={clear.isPending}
                      onClick={() => clear.mutate({ personId: p.personId, userId: p.userId })}
                    >
                      Not this person: clear
                    </Button>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {kase.can.people && sources.length ? (
        <Paper withBorder p="md" component="form" onSubmit={add.onSubmit} noValidate>
          <Text fw={600} mb="xs">
            Add a person
          </Text>
          <Stack gap="sm">
            <FormErrorSummary form={add} />
            {sources.length > 1 ? (
              <SegmentedControl
                aria-label="Where the person comes from"
                data={sources}
                value={source}
                onChange={setSource}
                w="fit-content"
              />
            ) : null}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              {source === "person" ? (
                <PersonPicker
                  label="Person"
                  value={add.values.personId}
                  onChange={(value) => add.setValue("personId", value)}
                  error={add.errors.personId}
                />
              ) : (
                <Select
                  label="Case handler"
                  data={(handlers.data?.items ?? []).map((h) => ({
                    value: h.userId,
                    label: `${h.name} (${h.teamLabel})`,
                  }))}
                  searchable
                  clearable
                  {...add.getInputProps("userId")}
                  value={add.values.userId}
                />
              )}
              <Select
                label="Role in the case"
                data={[
                  { value: "named", label: "Named (involved in the matter)" },
                  { value: "witness", label: "Witness" },
                  { value: "conflicted", label: "Conflicted (may not see the case)" },
                ]}
                {...add.getInputProps("role")}
                allowDeselect={false}
              />
            </SimpleGrid>
            {role !== "witness" ? (
              <Text size="sm" c="red.8">
                They lose access to this case at once, and are unassigned if it was theirs.
              </Text>
            ) : null}
            <SubmitRow submitting={add.mutation.isPending}>Add person</SubmitRow>
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
};

import { Anchor, Badge, Button, Group, Select, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { type Args, call, invalidate, type Schema, useOp } from "../../api/client.ts";
import { FormErrorSummary, useApiForm } from "../../components/api-form.tsx";
import { COMMITTEE_READS, fmtDateTime, STATUS_COLOR } from "./committee-ui.ts";

type Committee = Schema<"CommitteeView">;

export function Meetings({ c }: { c: Committee }) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const list = useOp("meeting.list", { path: { id: c.id } });
  const form = useApiForm({
    initialValues: { kind: "regular", title: "", startsAt: "", mode: "in_person", location: "" },
    labels: {
      kind: "Kind",
      title: "Title",
      startsAt: "Starts at",
      durationMinutes: "Duration",
      mode: "Held (CC-5)",
      location: "Location",
    },
    submit: (v) =>
      call("meeting.schedule", {
        path: { id: c.id },
        body: {
          kind: v.kind,
          title: v.title,
          startsAt: v.startsAt ? new Date(v.startsAt).toISOString() : "",
          durationMinutes: 90,
          mode: v.mode,
          location: v.location || null,
        } as Args<"meeting.schedule">["body"],
      }),
    onSuccess: ({ id }) => {
      invalidate(qc, ...COMMITTEE_READS);
      navigate({ to: `/committees/meetings/${id}` });
    },
  });
  return (
    <Stack>
      {c.can["meeting.schedule"] ? (
        <Stack gap="xs" maw={720} component="form" onSubmit={form.onSubmit}>
          <Title order={3} size="h4">
            Schedule a meeting
          </Title>
          <FormErrorSummary form={form} />
          <Group align="flex-end">
            <Select
              label="Kind"
              data={[
                { value: "regular", label: "Regular" },
                { value: "special", label: "Special" },
              ]}
              {...form.getInputProps("kind")}
              allowDeselect={false}
              w={130}
            />
            <TextInput label="Title" {...form.getInputProps("title")} w={240} />
            <TextInput label="Starts at" type="datetime-local" {...form.getInputProps("startsAt")} />
          </Group>
          <Group align="flex-end">
            <Select
              label="Held (CC-5)"
              data={[
                { value: "in_person", label: "In person" },
                { value: "telephone", label: "Conference telephone call" },
                { value: "hybrid", label: "Both" },
              ]}
              {...form.getInputProps("mode")}
              allowDeselect={false}
            />
            <TextInput label="Location" {...form.getInputProps("location")} />
            <Button type="submit" loading={form.mutation.isPending}>
              Schedule
            </Button>
          </Group>
          {form.values.kind === "special" ? (
            <Text size="sm" c="dimmed">
              A special meeting is called by the Committee Chairman, the Chairman of the Board or a member
              (CC-7); schedule it through the API with the caller named.
            </Text>
          ) : null}
        </Stack>
      ) : null}
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Meeting</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Minutes (CC-6)</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.data?.items.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>{fmtDateTime(m.startsAt)}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/committees/meetings/${m.id}`}>
                  {m.title}
                </Anchor>{" "}
                <Text span size="xs" c="dimmed">
                  {m.kind}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOR[m.status] ?? "gray"}>{m.status.replace("_", " ")}</Badge>
              </Table.Td>
              <Table.Td>
                {m.minutesStatus ? (
                  <Badge color={STATUS_COLOR[m.minutesStatus] ?? "gray"}>{m.minutesStatus}</Badge>
                ) : (
                  "—"
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
